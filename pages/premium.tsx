import { AccessDenied } from "@/components/AccessDenied";
import { Icon } from "@/components/Icon";
import { PageHeader } from "@/components/PageHeader";
import { RequireSession } from "@/components/RequireSession";
import { StateMessage } from "@/components/StateMessage";
import { usePremiumInsights } from "@/lib/hooks/usePremiumInsights";
import styles from "@/styles/premium.module.css";
import ui from "@/styles/ui.module.css";

export default function PremiumPage() {
  return (
    <>
      <PageHeader
        title="Premium insights"
        description="A paid feature. GET /api/premium/insights needs the premium:read permission, which the paid role grants."
      />
      <RequireSession placeholder={<InsightsSkeleton />}>
        <Insights />
      </RequireSession>
    </>
  );
}

function Insights() {
  const { data, denied, error, isLoading } = usePremiumInsights();
  if (denied) {
    return (
      <AccessDenied error={denied} title="Upgrade to see insights">
        Premium insights come with the paid plan. Try the seeded <code>paid@example.com</code>.
      </AccessDenied>
    );
  }
  if (error) {
    return (
      <StateMessage tone="error" icon={<Icon name="alert" />} title="Insights could not be loaded">
        {error instanceof Error ? error.message : null}
      </StateMessage>
    );
  }
  if (isLoading || !data) return <InsightsSkeleton />;

  const stats = [
    { label: "Notes", value: data.notes.toLocaleString() },
    { label: "Words written", value: data.words.toLocaleString() },
    {
      label: "Writing since",
      value: data.firstNoteAt
        ? new Date(data.firstNoteAt).toLocaleDateString(undefined, { dateStyle: "medium" })
        : "—",
    },
  ];
  return (
    <section aria-label="Insights" className={ui.stack}>
      <div className={ui.row}>
        <span className={`${ui.badge} ${ui.badgeSuccess}`}>
          <Icon name="star" size={14} /> Paid plan
        </span>
      </div>
      <dl className={styles.stats}>
        {stats.map((stat) => (
          <div key={stat.label} className={ui.card}>
            <dt className={ui.muted}>{stat.label}</dt>
            <dd className={styles.value}>{stat.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function InsightsSkeleton() {
  return (
    <div className={ui.card} aria-busy="true" aria-label="Loading insights">
      <span className={ui.skeleton} style={{ width: "30%", height: 20 }} />
      <span className={ui.skeleton} style={{ height: 90, marginTop: 16 }} />
    </div>
  );
}
