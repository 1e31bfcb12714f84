/** The e-mails the app wrote to a stack's outbox (server/outbox.ts) instead of sending them. */
import { setTimeout as sleep } from "node:timers/promises";
import { latestMessageTo, type OutboxMessage } from "../server/outbox";
import type { At } from "./http";

/** The newest message to `email`, waiting up to `timeoutMs` for it to arrive. */
export async function messageTo(
  stack: At<"dataDir">,
  email: string,
  timeoutMs = 5_000,
): Promise<OutboxMessage> {
  await stack.ready;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = latestMessageTo(email, stack.dataDir);
    if (message) return message;
    if (Date.now() > deadline) throw new Error(`No message to ${email} within ${timeoutMs} ms`);
    await sleep(100);
  }
}
