import Link from "next/link";
import { Icon } from "@/components/Icon";
import { PageHeader } from "@/components/PageHeader";
import { StateMessage } from "@/components/StateMessage";
import ui from "@/styles/ui.module.css";

export default function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <StateMessage
        icon={<Icon name="alert" />}
        title="There is nothing at this address"
        action={
          <Link href="/" className={ui.button}>
            Back to the home page
          </Link>
        }
      />
    </>
  );
}
