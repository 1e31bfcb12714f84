import { useState } from "react";
import styles from "@/components/ApiKeys/ApiKeys.module.css";
import { CreateKeyForm } from "@/components/ApiKeys/CreateKeyForm";
import { KeyList } from "@/components/ApiKeys/KeyList";
import { NewKey } from "@/components/ApiKeys/NewKey";
import { Icon } from "@/components/Icon";
import { PageHeader } from "@/components/PageHeader";
import { RequireSession } from "@/components/RequireSession";
import { StateMessage } from "@/components/StateMessage";
import { useApiKeys } from "@/lib/hooks/useApiKeys";
import ui from "@/styles/ui.module.css";

export default function ApiKeysPage() {
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            For scripts and servers: send a key as <code>Authorization: Bearer nsk_…</code> to{" "}
            <code>/api/notes</code> and <code>/api/me</code>. Never put one in a browser.
          </>
        }
      />
      <RequireSession placeholder={<KeysSkeleton />}>
        <ApiKeys />
      </RequireSession>
    </>
  );
}

function ApiKeys() {
  const { apiKeys, error, isLoading, createKey, revokeKey } = useApiKeys();
  const [secret, setSecret] = useState<string | null>(null);

  let list;
  if (error) {
    list = (
      <StateMessage tone="error" icon={<Icon name="alert" />} title="Your keys could not be loaded">
        {error instanceof Error ? error.message : null}
      </StateMessage>
    );
  } else if (isLoading || !apiKeys) {
    list = <ListSkeleton />;
  } else if (apiKeys.length === 0) {
    list = (
      <StateMessage icon={<Icon name="lock" />} title="No API keys yet">
        Create one to call the API from a script or another server.
      </StateMessage>
    );
  } else {
    list = <KeyList apiKeys={apiKeys} onRevoke={revokeKey} />;
  }

  return (
    <div className={styles.layout}>
      <section className={ui.card} aria-labelledby="create-key">
        <h2 id="create-key" className={ui.cardTitle} style={{ marginBottom: 14 }}>
          New key
        </h2>
        <CreateKeyForm onCreate={async (input) => setSecret(await createKey(input))} />
      </section>
      {secret ? <NewKey secret={secret} onDone={() => setSecret(null)} /> : null}
      {list}
    </div>
  );
}

function ListSkeleton() {
  return (
    <div className={ui.card} aria-busy="true" aria-label="Loading API keys">
      {[0, 1, 2].map((i) => (
        <span key={i} className={ui.skeleton} style={{ height: 18, margin: "12px 0" }} />
      ))}
    </div>
  );
}

function KeysSkeleton() {
  return (
    <div className={styles.layout}>
      <div className={ui.card} style={{ height: 268 }} />
      <ListSkeleton />
    </div>
  );
}
