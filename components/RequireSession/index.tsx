import type { ReactNode } from "react";
import { SessionAuth, useSessionContext } from "supertokens-auth-react/recipe/session";

/**
 * Renders `children` only for a signed-in user; anyone else goes to `/auth?redirectToPath=...`
 * (SessionAuth does the redirect). SessionAuth renders nothing until it knows, and on the server
 * it never knows, so `placeholder` holds the page's shape meanwhile: no layout shift.
 */
export function RequireSession({
  children,
  placeholder,
}: {
  children: ReactNode;
  placeholder: ReactNode;
}) {
  const session = useSessionContext();
  const known = !session.loading && session.doesSessionExist;
  return (
    <>
      {known ? null : placeholder}
      <SessionAuth>{children}</SessionAuth>
    </>
  );
}
