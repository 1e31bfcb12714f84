import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { HttpError } from "../http";
import { hashPassword, verifyPassword } from "../passwords";
import { route, type Route } from "../router";
import { sha256 } from "../tokens/hash";
import { normaliseEmail } from "../validation";
import { toUserJson } from "./users";

const credentials = z.object({ email: z.string(), password: z.string() });

export const emailPasswordRoutes: Route[] = [
  route("POST", "/recipe/signup", credentials, async ({ app, tenantId, store }, input) => {
    if (input.password === "") throw new HttpError(400, "Password cannot be an empty string");
    const email = normaliseEmail(input.email);
    if (store.users.byEmail(app.id, tenantId, email))
      return { status: "EMAIL_ALREADY_EXISTS_ERROR" };
    const row = {
      user_id: randomUUID(),
      email,
      password_hash: await hashPassword(input.password),
      time_joined: Date.now(),
    };
    // Hashing is async, so the check above cannot stop a concurrent twin: the UNIQUE constraint does.
    if (store.users.insert(app.id, tenantId, row) === "duplicate") {
      return { status: "EMAIL_ALREADY_EXISTS_ERROR" };
    }
    return { status: "OK", user: toUserJson(store, app.id, row), recipeUserId: row.user_id };
  }),

  route("POST", "/recipe/signin", credentials, async ({ app, tenantId, store }, input) => {
    const row = store.users.byEmail(app.id, tenantId, normaliseEmail(input.email));
    if (!row || !(await verifyPassword(row.password_hash, input.password))) {
      return { status: "WRONG_CREDENTIALS_ERROR" };
    }
    return { status: "OK", user: toUserJson(store, app.id, row), recipeUserId: row.user_id };
  }),

  route(
    "POST",
    "/recipe/user/password/reset/token",
    z.object({ userId: z.string(), email: z.string() }),
    ({ app, store }, input) => {
      const row = store.users.byId(app.id, input.userId);
      if (!row) return { status: "UNKNOWN_USER_ID_ERROR" };
      const token = randomBytes(48).toString("base64url");
      const expiresAt = Date.now() + app.config.passwordResetTokenLifetimeMs;
      // Only the hash is stored: a copy of the database cannot reset anyone's password.
      store.users.insertResetToken(app.id, sha256(token), row.user_id, row.email, expiresAt);
      return { status: "OK", token };
    },
  ),

  route(
    "POST",
    "/recipe/user/password/reset/token/consume",
    z.object({ token: z.string() }),
    ({ app, store }, { token }) => {
      const row = store.users.consumeResetToken(app.id, sha256(token), Date.now());
      return row
        ? { status: "OK", userId: row.user_id, email: row.email }
        : { status: "RESET_PASSWORD_INVALID_TOKEN_ERROR" };
    },
  ),

  route(
    "PUT",
    "/recipe/user",
    z.object({
      recipeUserId: z.string(),
      email: z.string().optional(),
      password: z.string().optional(),
    }),
    async ({ app, store, rid }, input) => {
      if (rid !== undefined && rid !== "emailpassword") {
        throw new HttpError(400, `Recipe '${rid}' is not supported by this core`);
      }
      if (input.email === undefined && input.password === undefined) {
        throw new HttpError(400, "You have to provide either email or password.");
      }
      if (input.password === "") throw new HttpError(400, "Password cannot be an empty string");
      if (!store.users.byId(app.id, input.recipeUserId)) return { status: "UNKNOWN_USER_ID_ERROR" };
      const passwordHash =
        input.password === undefined ? undefined : await hashPassword(input.password);
      if (input.email !== undefined) {
        const email = normaliseEmail(input.email);
        if (store.users.updateEmail(app.id, input.recipeUserId, email) === "duplicate") {
          return { status: "EMAIL_ALREADY_EXISTS_ERROR" };
        }
      }
      if (passwordHash !== undefined) {
        store.users.updatePassword(app.id, input.recipeUserId, passwordHash);
      }
      return { status: "OK" };
    },
  ),
];
