// Set at build (or serve) time, e.g. `VITE_API_DOMAIN=https://api.example.net
// VITE_SESSION_TRANSPORT=header vite build`; vite.config.ts checks them and supplies the defaults.
export const apiDomain = import.meta.env.VITE_API_DOMAIN;
export const sessionTransport = import.meta.env.VITE_SESSION_TRANSPORT;
