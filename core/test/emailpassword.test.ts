import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import supertokens from "supertokens-node";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import type { RunningCore } from "../server";
import { uniqueEmail } from "../../testing/users";
import { createApp, initSdk, PASSWORD, startSdkServer, startTestCore } from "./helpers";

let core: RunningCore;
let sdk: Awaited<ReturnType<typeof startSdkServer>>;

before(async () => {
  core = await startTestCore();
  initSdk(await createApp(core));
  sdk = await startSdkServer();
});
after(async () => {
  await sdk.close();
  await core.close();
});

describe("emailpassword through the SDK", () => {
  test("sign-up stores a normalised email and returns the user", async () => {
    const email = uniqueEmail("Mixed.Case");
    const result = await EmailPassword.signUp("public", `  ${email.toUpperCase()} `, PASSWORD);
    assert.equal(result.status, "OK");
    assert.ok(result.status === "OK");
    assert.deepEqual(result.user.emails, [email.toLowerCase()]);
    assert.deepEqual(result.user.tenantIds, ["public"]);
    assert.equal(result.user.loginMethods[0]?.recipeId, "emailpassword");
    assert.equal(result.recipeUserId.getAsString(), result.user.id);

    const fetched = await supertokens.getUser(result.user.id);
    assert.equal(fetched?.emails[0], email.toLowerCase());
    const byEmail = await supertokens.listUsersByAccountInfo("public", { email });
    assert.deepEqual(
      byEmail.map((user) => user.id),
      [result.user.id],
    );
  });

  test("a second sign-up with the same email is refused", async () => {
    const email = uniqueEmail("dup");
    assert.equal((await EmailPassword.signUp("public", email, PASSWORD)).status, "OK");
    const again = await EmailPassword.signUp("public", ` ${email.toUpperCase()}`, PASSWORD);
    assert.equal(again.status, "EMAIL_ALREADY_EXISTS_ERROR");
  });

  test("two concurrent sign-ups of one email: exactly one wins", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all([
      EmailPassword.signUp("public", email, PASSWORD),
      EmailPassword.signUp("public", email, PASSWORD),
    ]);
    const statuses = results.map((r) => r.status).sort();
    assert.deepEqual(statuses, ["EMAIL_ALREADY_EXISTS_ERROR", "OK"]);
    assert.equal((await supertokens.listUsersByAccountInfo("public", { email })).length, 1);
  });

  test("sign-in accepts the right password and refuses a wrong one", async () => {
    const email = uniqueEmail("signin");
    await EmailPassword.signUp("public", email, PASSWORD);
    const ok = await EmailPassword.signIn("public", email.toUpperCase(), PASSWORD);
    assert.equal(ok.status, "OK");
    const wrong = await EmailPassword.signIn("public", email, `${PASSWORD}x`);
    assert.equal(wrong.status, "WRONG_CREDENTIALS_ERROR");
    const unknown = await EmailPassword.signIn("public", uniqueEmail("nobody"), PASSWORD);
    assert.equal(unknown.status, "WRONG_CREDENTIALS_ERROR");
  });

  test("password reset: the token works once and sets the new password", async () => {
    const email = uniqueEmail("reset");
    const signUp = await EmailPassword.signUp("public", email, PASSWORD);
    assert.ok(signUp.status === "OK");
    const token = await EmailPassword.createResetPasswordToken("public", signUp.user.id, email);
    assert.ok(token.status === "OK");
    const reset = await EmailPassword.resetPasswordUsingToken("public", token.token, "N3wPassw0rd");
    assert.equal(reset.status, "OK");
    const reused = await EmailPassword.resetPasswordUsingToken("public", token.token, "Other1234");
    assert.equal(reused.status, "RESET_PASSWORD_INVALID_TOKEN_ERROR");
    assert.equal(
      (await EmailPassword.signIn("public", email, PASSWORD)).status,
      "WRONG_CREDENTIALS_ERROR",
    );
    assert.equal((await EmailPassword.signIn("public", email, "N3wPassw0rd")).status, "OK");
  });

  test("a reset token for an unknown user is refused", async () => {
    const token = await EmailPassword.createResetPasswordToken("public", "no-such-user", "x@y.z");
    assert.equal(token.status, "UNKNOWN_USER_ID_ERROR");
  });

  test("changing the email keeps it unique", async () => {
    const first = await EmailPassword.signUp("public", uniqueEmail("first"), PASSWORD);
    const secondEmail = uniqueEmail("second");
    await EmailPassword.signUp("public", secondEmail, PASSWORD);
    assert.ok(first.status === "OK");
    const clash = await EmailPassword.updateEmailOrPassword({
      recipeUserId: first.recipeUserId,
      email: secondEmail,
    });
    assert.equal(clash.status, "EMAIL_ALREADY_EXISTS_ERROR");
  });

  test("deleting a user removes it", async () => {
    const signUp = await EmailPassword.signUp("public", uniqueEmail("delete"), PASSWORD);
    assert.ok(signUp.status === "OK");
    await supertokens.deleteUser(signUp.user.id);
    assert.equal(await supertokens.getUser(signUp.user.id), undefined);
  });

  test("the SDK's HTTP sign-up, sign-in and protected call work end to end", async () => {
    const email = uniqueEmail("fdi");
    const formFields = [
      { id: "email", value: email },
      { id: "password", value: PASSWORD },
    ];
    const signUp = await sdk.call("/auth/signup", { body: { formFields } });
    assert.equal(signUp.status, 200);
    assert.equal((signUp.body as { status: string }).status, "OK");
    const token = signUp.headers.get("st-access-token");
    assert.ok(token, "sign-up returns an access token");

    const dup = await sdk.call("/auth/signup", { body: { formFields } });
    assert.equal((dup.body as { status: string }).status, "FIELD_ERROR");

    const signIn = await sdk.call("/auth/signin", { body: { formFields } });
    assert.equal((signIn.body as { status: string }).status, "OK");
    const me = await sdk.call("/session", { token: signIn.headers.get("st-access-token") ?? "" });
    assert.equal(me.status, 200);
    assert.equal(
      (me.body as { userId: string }).userId,
      (signIn.body as { user: { id: string } }).user.id,
    );

    const wrong = await sdk.call("/auth/signin", {
      body: { formFields: [formFields[0], { id: "password", value: "Wr0ngpassword" }] },
    });
    assert.equal((wrong.body as { status: string }).status, "WRONG_CREDENTIALS_ERROR");
  });

  test("HTTP refresh, first-use promotion, theft detection and sign-out", async () => {
    const formFields = [
      { id: "email", value: uniqueEmail("refresh") },
      { id: "password", value: PASSWORD },
    ];
    const signUp = await sdk.call("/auth/signup", { body: { formFields } });
    const firstRefresh = signUp.headers.get("st-refresh-token") ?? "";
    const refresh = (token: string) =>
      sdk.call("/auth/session/refresh", { method: "POST", body: {}, token });

    const refreshed = await refresh(firstRefresh);
    assert.equal(refreshed.status, 200);
    const newAccess = refreshed.headers.get("st-access-token") ?? "";
    const newRefresh = refreshed.headers.get("st-refresh-token") ?? "";
    assert.ok(newAccess && newRefresh);

    // The first use of the refreshed token goes to the core, which promotes it and issues
    // a final access token.
    const firstUse = await sdk.call("/session", { token: newAccess });
    assert.equal(firstUse.status, 200);
    assert.ok(firstUse.headers.get("st-access-token"));

    const theft = await refresh(firstRefresh);
    assert.equal(theft.status, 401);
    assert.deepEqual(theft.body, { message: "token theft detected" });
    const revoked = await sdk.call("/session?checkDatabase=true", { token: newAccess });
    assert.equal(revoked.status, 401);
    assert.equal((await refresh(newRefresh)).status, 401);
  });

  test("HTTP sign-out revokes the session", async () => {
    const formFields = [
      { id: "email", value: uniqueEmail("signout") },
      { id: "password", value: PASSWORD },
    ];
    const signUp = await sdk.call("/auth/signup", { body: { formFields } });
    const token = signUp.headers.get("st-access-token") ?? "";
    assert.equal((await sdk.call("/auth/signout", { body: {}, token })).status, 200);
    assert.equal((await sdk.call("/session?checkDatabase=true", { token })).status, 401);
  });

  test("users are listed newest first, paginated and searchable by email", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const ids: string[] = [];
    for (const name of ["one", "two", "three"]) {
      const result = await EmailPassword.signUp("public", `${tag}-${name}@list.example`, PASSWORD);
      assert.ok(result.status === "OK");
      ids.push(result.user.id);
    }
    const query = { email: `${tag}-` };
    const first = await supertokens.getUsersNewestFirst({ tenantId: "public", limit: 2, query });
    assert.deepEqual(
      first.users.map((user) => user.id),
      [ids[2], ids[1]],
    );
    assert.ok(first.nextPaginationToken);
    const second = await supertokens.getUsersNewestFirst({
      tenantId: "public",
      limit: 2,
      query,
      paginationToken: first.nextPaginationToken,
    });
    assert.deepEqual(
      second.users.map((user) => user.id),
      [ids[0]],
    );
    assert.equal(second.nextPaginationToken, undefined);
    assert.ok((await supertokens.getUserCount()) >= 3);
  });
});
