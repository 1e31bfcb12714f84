import { AccessDenied } from "@/components/AccessDenied";
import { Icon } from "@/components/Icon";
import { PageHeader } from "@/components/PageHeader";
import { RequireSession } from "@/components/RequireSession";
import { StateMessage } from "@/components/StateMessage";
import { useAdminUsers } from "@/lib/hooks/useAdminUsers";
import styles from "@/styles/table.module.css";
import ui from "@/styles/ui.module.css";

export default function AdminPage() {
  return (
    <>
      <PageHeader
        title="Admin"
        description="Every user of the app. GET /api/admin/users answers only sessions with the admin role."
      />
      <RequireSession placeholder={<TableSkeleton />}>
        <Users />
      </RequireSession>
    </>
  );
}

function Users() {
  const { data, denied, error, isLoading } = useAdminUsers();
  if (denied) {
    return (
      <AccessDenied error={denied} title="Admins only">
        Sign in with an account that has the <code>admin</code> role, e.g. the seeded{" "}
        <code>admin@example.com</code>.
      </AccessDenied>
    );
  }
  if (error) {
    return (
      <StateMessage tone="error" icon={<Icon name="alert" />} title="Users could not be loaded">
        {error instanceof Error ? error.message : null}
      </StateMessage>
    );
  }
  if (isLoading || !data) return <TableSkeleton />;

  return (
    <div className={`${ui.card} ${styles.wrap}`}>
      <table className={styles.table}>
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Joined</th>
          </tr>
        </thead>
        <tbody>
          {data.users.map((user) => (
            <tr key={user.id}>
              <td>{user.emails.join(", ")}</td>
              <td>
                {user.roles.length > 0 ? (
                  <span className={ui.row}>
                    {user.roles.map((role) => (
                      <span key={role} className={`${ui.badge} ${ui.badgeAccent}`}>
                        {role}
                      </span>
                    ))}
                  </span>
                ) : (
                  <span className={ui.muted}>none</span>
                )}
              </td>
              <td className={ui.muted}>{new Date(user.timeJoined).toLocaleDateString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.nextCursor ? (
        <p className={`${ui.muted} ${styles.footnote}`}>
          The {data.users.length} newest users are shown.
        </p>
      ) : null}
    </div>
  );
}

function TableSkeleton() {
  return (
    <div className={ui.card} aria-busy="true" aria-label="Loading users">
      {[0, 1, 2, 3].map((i) => (
        <span key={i} className={ui.skeleton} style={{ height: 18, margin: "12px 0" }} />
      ))}
    </div>
  );
}
