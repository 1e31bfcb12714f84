import { Icon } from "@/components/Icon";
import { PageHeader } from "@/components/PageHeader";
import { ProfileForm } from "@/components/Profile/ProfileForm";
import { SessionDetails } from "@/components/Profile/SessionDetails";
import styles from "@/components/Profile/Profile.module.css";
import { RequireSession } from "@/components/RequireSession";
import { StateMessage } from "@/components/StateMessage";
import { useMe } from "@/lib/hooks/useMe";
import ui from "@/styles/ui.module.css";

export default function ProfilePage() {
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your account (GET /api/me) and your session as the API sees it."
      />
      <RequireSession placeholder={<ProfileSkeleton />}>
        <ProfileContent />
      </RequireSession>
    </>
  );
}

function ProfileContent() {
  const { me, error, updateProfile } = useMe();
  if (error) {
    return (
      <StateMessage
        tone="error"
        icon={<Icon name="alert" />}
        title="Your profile could not be loaded"
      >
        {error instanceof Error ? error.message : null}
      </StateMessage>
    );
  }
  if (!me) return <ProfileSkeleton />;

  const name = [me.profile.firstName, me.profile.lastName].filter(Boolean).join(" ");
  const initials = (name || me.emails[0] || "?")
    .split(/\s+/)
    .map((part) => part[0]?.toUpperCase())
    .join("")
    .slice(0, 2);

  return (
    <div className={styles.layout}>
      <section className={ui.card} aria-labelledby="account">
        <div className={styles.identity}>
          <span className={styles.avatar} aria-hidden="true">
            {initials}
          </span>
          <div>
            <h2 id="account" className={styles.name} data-testid="profile-name">
              {name || "No name yet"}
            </h2>
            <p className={ui.muted}>{me.emails.join(", ")}</p>
          </div>
        </div>
        <dl className={ui.dl}>
          <dt>Joined</dt>
          <dd>{new Date(me.timeJoined).toLocaleDateString(undefined, { dateStyle: "long" })}</dd>
          <dt>Roles</dt>
          <dd className={ui.row}>
            {me.roles.length > 0
              ? me.roles.map((role) => (
                  <span key={role} className={`${ui.badge} ${ui.badgeAccent}`}>
                    {role}
                  </span>
                ))
              : "none"}
          </dd>
        </dl>
      </section>
      <section className={ui.card} aria-labelledby="edit-name">
        <h2 id="edit-name" className={ui.cardTitle} style={{ marginBottom: 14 }}>
          Your name
        </h2>
        {/* Keyed by the saved profile: the form restarts from the server's values after a save. */}
        <ProfileForm
          key={`${me.profile.firstName}\n${me.profile.lastName}`}
          profile={me.profile}
          onSave={updateProfile}
        />
      </section>
      <section className={`${ui.card} ${styles.wide}`} aria-labelledby="session">
        <h2 id="session" className={ui.cardTitle} style={{ marginBottom: 14 }}>
          Session
        </h2>
        <SessionDetails />
      </section>
    </div>
  );
}

function ProfileSkeleton() {
  return (
    <div className={styles.layout} aria-busy="true" aria-label="Loading profile">
      {[180, 180].map((height, i) => (
        <div key={i} className={ui.card} style={{ height }}>
          <span className={ui.skeleton} style={{ width: "50%", height: 20 }} />
          <span className={ui.skeleton} style={{ width: "80%", height: 14, marginTop: 16 }} />
        </div>
      ))}
      <div className={`${ui.card} ${styles.wide}`} style={{ height: 200 }}>
        <span className={ui.skeleton} style={{ width: "30%", height: 20 }} />
      </div>
    </div>
  );
}
