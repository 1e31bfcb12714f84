/**
 * Whether an error means "the database cannot be used right now" (so: 503, try again later) rather
 * than a bug in a query (500). Decided from the drivers' own codes, never from message text alone.
 */

// Node's network errors while connecting or talking to PostgreSQL.
const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

// PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources), and the
// server shutting down or starting up (57P01–57P03).
const postgresStates = /^(08|53)|^57P0[123]$/;

// SQLite: the file is locked, unreadable, or the disk is full.
const sqliteCodes = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|PROTOCOL)/;

// node-postgres reports a pool timeout and a dropped connection without a code.
const postgresMessages = [
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "Query read timeout",
  "Client has encountered a connection error",
];

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof AggregateError && error.errors.some(isUnavailable)) return true;
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  return (
    networkCodes.has(code) ||
    postgresStates.test(code) ||
    sqliteCodes.test(code) ||
    postgresMessages.some((text) => error.message.startsWith(text))
  );
}
