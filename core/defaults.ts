/**
 * Where the local core listens unless told otherwise, and so where the app looks for it: the real
 * SuperTokens core's port, on 127.0.0.1 rather than localhost, which Node may resolve to ::1.
 */
export const DEFAULT_CORE_HOST = "127.0.0.1";
export const DEFAULT_CORE_PORT = 3567;
