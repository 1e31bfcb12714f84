/**
 * Abuse limits on SuperTokens' email-password endpoints, as overrides of the recipe's APIs (neither
 * supertokens-node nor the core limits them). Every counter refuses with 503 when its store is
 * down: an uncounted sign-in is an unlimited password guess, and an uncounted reset an e-mail flood.
 */
import { createHash } from "node:crypto";
import { IncomingMessage } from "node:http";
import type { APIInterface, APIOptions } from "supertokens-node/recipe/emailpassword/types";
import { env } from "@/config/env";
import { counterUnavailable, isOverQuota, rateLimited } from "./answer";
import { clientAddress } from "./client-address";
import { counter, type Quota } from "./store";

const { signIn, signUpsPerAddressPerHour, passwordResets } = env.rateLimits;
const hour = 3600;
const day = 24 * hour;

const quotas = {
  accountFailures: { name: "sign-in-account", points: signIn.maxFailures, seconds: day },
  addressFailures: {
    name: "sign-in-address",
    points: signIn.failuresPerAddressPerHour,
    seconds: hour,
  },
  signUps: { name: "sign-up-address", points: signUpsPerAddressPerHour, seconds: hour },
  accountResets: { name: "reset-account", points: passwordResets.perAccountPerHour, seconds: hour },
  addressResets: { name: "reset-address", points: passwordResets.perAddressPerHour, seconds: hour },
} satisfies Record<string, Quota>;

const accountFailures = counter(quotas.accountFailures);
const addressFailures = counter(quotas.addressFailures);
/** How often an account was locked today: each lockout lasts twice as long as the one before. */
const accountLockouts = counter({ name: "sign-in-lockouts", points: 1_000_000, seconds: day });
const signUps = counter(quotas.signUps);
const accountResets = counter(quotas.accountResets);
const addressResets = counter(quotas.addressResets);

type Fields = { id: string; value: unknown }[];

export function limitEmailPassword(original: APIInterface): APIInterface {
  // Bound: the SDK's override builder calls through `this`.
  const signInPOST = original.signInPOST?.bind(original);
  const signUpPOST = original.signUpPOST?.bind(original);
  const generatePasswordResetTokenPOST = original.generatePasswordResetTokenPOST?.bind(original);
  return {
    ...original,
    signInPOST:
      signInPOST &&
      (async (input) => {
        const account = accountKey(input.formFields);
        const address = clientAddress(requestOf(input.options));
        // Checked before the password: while locked, the right password gets the same 429.
        await refuseIfLocked(account, address);
        const result = await signInPOST(input);
        if (result.status === "WRONG_CREDENTIALS_ERROR") await countFailure(account, address);
        if (result.status === "OK") await forgetFailures(account);
        return result;
      }),
    signUpPOST:
      signUpPOST &&
      (async (input) => {
        await spend(signUps, quotas.signUps, clientAddress(requestOf(input.options)));
        return signUpPOST(input);
      }),
    generatePasswordResetTokenPOST:
      generatePasswordResetTokenPOST &&
      (async (input) => {
        await spend(accountResets, quotas.accountResets, accountKey(input.formFields));
        await spend(addressResets, quotas.addressResets, clientAddress(requestOf(input.options)));
        return generatePasswordResetTokenPOST(input);
      }),
  };
}

async function refuseIfLocked(account: string, address: string) {
  const [byAccount, byAddress] = await counted(
    Promise.all([accountFailures().get(account), addressFailures().get(address)]),
  );
  if (byAccount && byAccount.consumedPoints >= quotas.accountFailures.points) {
    throw rateLimited(quotas.accountFailures, byAccount.msBeforeNext, "attempts");
  }
  if (byAddress && byAddress.consumedPoints >= quotas.addressFailures.points) {
    throw rateLimited(quotas.addressFailures, byAddress.msBeforeNext, "attempts");
  }
}

async function countFailure(account: string, address: string) {
  const [byAccount, byAddress] = await counted(
    Promise.all([accountFailures().penalty(account), addressFailures().penalty(address)]),
  );
  const max = quotas.accountFailures.points;
  // Exactly one failure reaches the limit, however many arrive at once: it sets the lockout.
  if (byAccount.consumedPoints === max) {
    const lockouts = await counted(accountLockouts().penalty(account));
    const seconds = Math.min(signIn.lockoutSeconds * 2 ** (lockouts.consumedPoints - 1), day);
    await counted(accountFailures().block(account, seconds));
    throw rateLimited(quotas.accountFailures, seconds * 1000, "attempts");
  }
  if (byAccount.consumedPoints > max) {
    // Raced with the failure that sets the lockout; its length is at least the first one's.
    const ms = Math.min(byAccount.msBeforeNext, signIn.lockoutSeconds * 1000);
    throw rateLimited(quotas.accountFailures, ms, "attempts");
  }
  if (byAddress.consumedPoints >= quotas.addressFailures.points) {
    throw rateLimited(quotas.addressFailures, byAddress.msBeforeNext, "attempts");
  }
}

/** A success clears the account's failures; if the store is down, the user is signed in anyway. */
async function forgetFailures(account: string) {
  try {
    await accountFailures().delete(account);
  } catch (error) {
    console.error("rate-limit store: failures not cleared:", error);
  }
}

/** Spends one point of `quota` for `key`, or answers 429 when none is left. */
async function spend(limiter: typeof signUps, quota: Quota, key: string) {
  try {
    await limiter().consume(key);
  } catch (reason) {
    if (isOverQuota(reason)) throw rateLimited(quota, reason.msBeforeNext, "attempts");
    throw counterUnavailable();
  }
}

async function counted<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    console.error("rate-limit store:", error);
    throw counterUnavailable();
  }
}

/**
 * The account a sign-in or reset is for: the e-mail as typed, trimmed and lower-cased, so that
 * `Alice@Example.com ` and `alice@example.com` share a counter; hashed, so the counters table holds
 * no e-mail addresses. Unknown e-mails are counted exactly like known ones: no answer tells them apart.
 */
function accountKey(fields: Fields): string {
  const email = fields.find((field) => field.id === "email")?.value;
  const normalised = typeof email === "string" ? email.trim().toLowerCase() : "";
  return createHash("sha256").update(normalised).digest("base64url");
}

function requestOf(options: APIOptions): IncomingMessage {
  const original: unknown = options.req.original;
  if (!(original instanceof IncomingMessage)) throw new Error("Expected Node's request");
  return original;
}
