import { useHealth } from "@/lib/hooks/useHealth";
import ui from "@/styles/ui.module.css";

/** Shows whether the auth core answers, and says so when the database does not. */
export function HealthBadge() {
  const health = useHealth();
  if (!health) return <span className={ui.badge}>Checking core…</span>;
  return (
    <>
      {health.core === "up" ? (
        <span className={`${ui.badge} ${ui.badgeSuccess}`}>Auth core: up</span>
      ) : (
        <span className={`${ui.badge} ${ui.badgeWarning}`}>Auth core: down</span>
      )}
      {health.database === "down" && (
        <span className={`${ui.badge} ${ui.badgeWarning}`}>Database: down</span>
      )}
    </>
  );
}
