import Link from "next/link";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Icon } from "@/components/Icon";
import { StateMessage } from "@/components/StateMessage";
import ui from "@/styles/ui.module.css";

type Props = {
  children: ReactNode;
  /** The page's address: moving to another page clears the error. */
  resetKey: string;
};
type State = { failed: boolean };

/**
 * Catches an exception thrown while a page renders, so that the user gets a message and a way on
 * instead of a blank screen, with the header and its links still there. React offers this only as
 * a class component.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) {
      this.setState({ failed: false });
    }
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <PageFailed onRetry={() => this.setState({ failed: false })} />;
  }
}

function PageFailed({ onRetry }: { onRetry: () => void }) {
  return (
    <StateMessage
      tone="error"
      icon={<Icon name="alert" />}
      title="This page stopped working"
      action={
        <div className={ui.row}>
          <button type="button" className={`${ui.button} ${ui.primary}`} onClick={onRetry}>
            Try again
          </button>
          <Link href="/" className={ui.button}>
            Back to the home page
          </Link>
        </div>
      }
    >
      Something went wrong while showing it. Nothing you saved is lost.
    </StateMessage>
  );
}
