import Head from "next/head";
import type { ReactNode } from "react";
import { productName } from "@/config/frontendConfig";
import styles from "./PageHeader.module.css";

/** The document title and the page's one `<h1>`, with an optional line under it and actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={styles.header}>
      <Head>
        <title>{`${title} · ${productName}`}</title>
      </Head>
      <div className={styles.text}>
        <h1 className={styles.title}>{title}</h1>
        {description ? <p className={styles.description}>{description}</p> : null}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
