import ui from "@/styles/ui.module.css";
import styles from "./Notes.module.css";

/** Three grey cards the size of real notes, while the list loads. */
export function NotesSkeleton() {
  return (
    <ul className={styles.list} aria-busy="true" aria-label="Loading notes">
      {[0, 1, 2].map((i) => (
        <li key={i} className={styles.item}>
          <span className={ui.skeleton} style={{ width: "40%", height: 20 }} />
          <span className={ui.skeleton} style={{ width: "90%", height: 14, marginTop: 14 }} />
          <span className={ui.skeleton} style={{ width: "70%", height: 14, marginTop: 8 }} />
          <span className={ui.skeleton} style={{ width: "30%", height: 12, marginTop: 22 }} />
        </li>
      ))}
    </ul>
  );
}
