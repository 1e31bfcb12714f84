/**
 * A local outbox: emails the app would send, one JSON line each in `<DATA_DIR>/outbox.jsonl`, so
 * that a developer (or a test) can follow a password-reset link without a mail server.
 */
import { existsSync, readFileSync } from "node:fs";
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { env } from "../config/env";

export type OutboxMessage = { to: string; subject: string; link: string; sentAt: string };

const fileIn = (dataDir: string) => path.join(dataDir, "outbox.jsonl");

export async function appendToOutbox(message: OutboxMessage, dataDir = env.dataDir): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await appendFile(fileIn(dataDir), `${JSON.stringify(message)}\n`);
}

/** The newest message sent to `email`, if any. Synchronous, so a test may call it with or without `await`. */
export function latestMessageTo(email: string, dataDir = env.dataDir): OutboxMessage | undefined {
  const file = fileIn(dataDir);
  if (!existsSync(file)) return undefined;
  const wanted = email.trim().toLowerCase();
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as OutboxMessage)
    .findLast((message) => message.to === wanted);
}
