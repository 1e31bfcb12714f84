import type { NextPageContext } from "next";
import Link from "next/link";
import { Icon } from "@/components/Icon";
import { PageHeader } from "@/components/PageHeader";
import { StateMessage } from "@/components/StateMessage";
import ui from "@/styles/ui.module.css";

type Props = { statusCode: number };

/**
 * What Next shows when a page fails outside the page's error boundary: on the server (a 500 from
 * `getServerSideProps`), or in the browser when the layout itself throws.
 */
export default function ErrorPage({ statusCode }: Props) {
  return (
    <>
      <PageHeader title={statusCode === 404 ? "Page not found" : "Something went wrong"} />
      <StateMessage
        tone="error"
        icon={<Icon name="alert" />}
        title={`The page could not be shown (error ${statusCode})`}
        action={
          <Link href="/" className={ui.button}>
            Back to the home page
          </Link>
        }
      >
        Try again in a moment. Nothing you saved is lost.
      </StateMessage>
    </>
  );
}

ErrorPage.getInitialProps = ({ res, err }: NextPageContext): Props => ({
  statusCode: res?.statusCode ?? err?.statusCode ?? 500,
});
