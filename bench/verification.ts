/**
 * The session check on its own, outside Next.js: how much of a signed-in request's cost is
 * supertokens-node verifying the access token, and how much of that is the RS256 signature check.
 * Timed in the bench's own process with as many checks in flight as the load has connections.
 */
import { createPublicKey, verify } from "node:crypto";
import { promisify } from "node:util";
import { decodeProtectedHeader } from "jose";
import { initAppSdk } from "../testing/sdk";

export type Verification = {
  /** CPU µs per `getSessionWithoutRequestResponse` (the check `verifySession` runs). */
  sdkMicros: number;
  /** CPU µs per RS256 signature check alone, the way the SDK's jose runs it. */
  signatureMicros: number;
  checks: number;
};

const checks = 20_000;
const timeLimitMs = 10_000;
const verifyAsync = promisify(verify);

export async function measureVerification(
  coreUrl: string,
  accessToken: string,
  inFlight: number,
): Promise<Verification> {
  // The app's own SuperTokens setup (same recipes, same claims), pointed at the bench's core.
  await initAppSdk({ coreUrl });
  const { default: Session } = await import("supertokens-node/recipe/session");

  const sdkCheck = async () => {
    await Session.getSessionWithoutRequestResponse(accessToken);
  };
  const [header, payload, signature] = accessToken.split(".") as [string, string, string];
  const key = await signingKey(coreUrl, accessToken);
  const data = Buffer.from(`${header}.${payload}`);
  const signatureBytes = Buffer.from(signature, "base64url");
  const signatureCheck = async () => {
    if (!(await verifyAsync("sha256", data, key, signatureBytes))) {
      throw new Error("The access token's signature does not verify");
    }
  };

  await cpuPerCall(sdkCheck, 2_000, inFlight); // warm-up: the JWKS fetch, the JIT
  return {
    sdkMicros: await cpuPerCall(sdkCheck, checks, inFlight),
    signatureMicros: await cpuPerCall(signatureCheck, checks, inFlight),
    checks,
  };
}

/** The core's public key that signed `token`, by its `kid`. */
async function signingKey(coreUrl: string, token: string) {
  const { kid } = decodeProtectedHeader(token);
  const response = await fetch(`${coreUrl}/.well-known/jwks.json`);
  const { keys } = (await response.json()) as { keys: { kid: string }[] };
  const jwk = keys.find((candidate) => candidate.kid === kid);
  if (!jwk) throw new Error(`The core's JWKS has no key ${kid}`);
  return createPublicKey({ key: jwk, format: "jwk" });
}

/** CPU time of this process (event loop and thread pool) per call, `inFlight` calls at a time. */
async function cpuPerCall(call: () => Promise<void>, count: number, inFlight: number) {
  const deadline = performance.now() + timeLimitMs;
  let started = 0;
  const before = process.cpuUsage();
  const lane = async () => {
    while (started < count && performance.now() < deadline) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / started;
}
