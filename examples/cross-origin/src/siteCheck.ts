/**
 * Cookie sessions need this page and the API on the same site: a browser keeps the API's session
 * cookies out of requests made by a page on another site. Nothing says so when it happens: sign-up
 * answers OK and the SDK shows a session (its front token lives on this page's origin), then every
 * call answers 401. So the page says it up front.
 *
 * Only certain cases are reported: different hosts where one is an IP address or `localhost`.
 * Whether two domain names share a site (app.example.com and api.example.com do) depends on the
 * public suffix list, which this page does not carry.
 */
export function cookieSiteProblem(page: URL, api: URL): string | undefined {
  if (page.hostname === api.hostname) return undefined;
  if (![page, api].some((url) => isAddressOrLocalhost(url.hostname))) return undefined;
  const here = new URL(page.href);
  here.hostname = api.hostname;
  return (
    `This page is on ${page.hostname} and the API on ${api.hostname}: two different sites, so the ` +
    `browser keeps the API's session cookies from this page. Sign-up will say OK, then every call ` +
    `will answer 401. Open ${here.origin} instead, or serve this page with ` +
    `VITE_SESSION_TRANSPORT=header.`
  );
}

function isAddressOrLocalhost(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname.startsWith("[") || // IPv6, as URL writes it
    /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)
  );
}
