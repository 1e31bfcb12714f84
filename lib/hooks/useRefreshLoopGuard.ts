import { useRouter } from "next/router";
import { useEffect } from "react";

// A server-rendered page that still cannot read the session right after a successful refresh
// (e.g. cookies set for another domain) would bounce between itself and /refresh-session forever.
// /refresh-session marks each refresh; the page clears the mark once it renders.
const key = (path: string) => `ssr-refreshed:${path}`;

export function markRefreshed(path: string): void {
  sessionStorage.setItem(key(path), "1");
}

/** True if the last refresh for `path` did not lead to a rendered page (consumes the mark). */
export function refreshDidNotHelp(path: string): boolean {
  const marked = sessionStorage.getItem(key(path)) !== null;
  sessionStorage.removeItem(key(path));
  return marked;
}

/** Called by a server-rendered page: it rendered, so the refresh worked. */
export function useClearRefreshMark(): void {
  const { asPath } = useRouter();
  useEffect(() => sessionStorage.removeItem(key(asPath)), [asPath]);
}
