import type { GetServerSideProps } from "next";
import { useState } from "react";
import { PageHeader } from "@/components/PageHeader";
import ui from "@/styles/ui.module.css";

/**
 * Throws on purpose, to show (and let the browser tests check) what a page that fails looks like:
 * the error boundary in pages/_app.tsx catches it. It only breaks this view, in this tab.
 */
/** `/crash?where=server` fails before rendering instead: Next answers 500 with pages/_error.tsx. */
export const getServerSideProps: GetServerSideProps = async ({ query }) => {
  if (query.where === "server") throw new Error("Thrown on purpose by /crash on the server");
  return { props: {} };
};

export default function CrashPage() {
  const [crash, setCrash] = useState(false);
  if (crash) throw new Error("Thrown on purpose by /crash");
  return (
    <>
      <PageHeader
        title="A page that fails"
        description="Press the button to make this page throw while rendering."
      />
      <button type="button" className={ui.button} onClick={() => setCrash(true)}>
        Throw an error
      </button>
    </>
  );
}
