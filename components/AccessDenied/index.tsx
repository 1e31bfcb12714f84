import type { ReactNode } from "react";
import { Icon } from "@/components/Icon";
import { StateMessage } from "@/components/StateMessage";
import type { ApiError } from "@/lib/api";
import ui from "@/styles/ui.module.css";

/**
 * A 403 explained instead of a broken page: the reason from SuperTokens' claim error (missing role,
 * plan required) and, for the curious, the claim that failed.
 */
export function AccessDenied({
  error,
  title,
  children,
}: {
  error: ApiError;
  title: string;
  children?: ReactNode;
}) {
  const claim = error.claimValidationErrors[0];
  return (
    <StateMessage tone="warning" icon={<Icon name="lock" />} title={title}>
      <p data-testid="denied-reason">{error.message}</p>
      {children ? <div style={{ marginTop: 8 }}>{children}</div> : null}
      {claim ? (
        <p className={ui.muted} style={{ marginTop: 12, fontSize: "0.8125rem" }}>
          403 · claim <code>{claim.id}</code>
          {claim.reason?.message ? ` · ${claim.reason.message}` : null}
        </p>
      ) : null}
    </StateMessage>
  );
}
