import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import supertokens from "supertokens-node";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import Session from "supertokens-node/recipe/session";
import UserMetadata from "supertokens-node/recipe/usermetadata";
import UserRoles from "supertokens-node/recipe/userroles";
import { startCore, type RunningCore } from "../server";
import { useTempDir } from "../../testing/node";
import { initSdk, PASSWORD } from "./helpers";

const dataDir = useTempDir("core-persistence");
let core: RunningCore;

before(async () => {
  core = await startCore({ dataDir, port: 0 });
  initSdk(core.url);
});
after(async () => {
  await core.close();
});

test("a restart on the same data loses nothing; old sessions verify and refresh", async () => {
  const signUp = await EmailPassword.signUp("public", "keep@example.com", PASSWORD);
  assert.ok(signUp.status === "OK");
  const userId = signUp.user.id;
  await UserRoles.createNewRoleOrAddPermissions("admin", ["all"]);
  await UserRoles.addRoleToUser("public", userId, "admin");
  await UserMetadata.updateUserMetadata(userId, { theme: "dark" });
  const session = await Session.createNewSessionWithoutRequestResponse(
    "public",
    signUp.recipeUserId,
    { note: "before restart" },
  );
  const { accessToken, refreshToken } = session.getAllSessionTokensDangerously();

  // Same port: the SDK keeps its connection URI (and its cached JWKS) across the restart.
  const { port } = core;
  await core.close();
  core = await startCore({ dataDir, port });

  const verified = await Session.getSessionWithoutRequestResponse(accessToken, undefined, {
    checkDatabase: true,
  });
  assert.equal(verified.getHandle(), session.getHandle());
  assert.equal(verified.getAccessTokenPayload().note, "before restart");
  const refreshed = await Session.refreshSessionWithoutRequestResponse(refreshToken ?? "");
  assert.equal(refreshed.getHandle(), session.getHandle());
  // The new access token is signed by a key that survived the restart.
  const checked = await Session.getSessionWithoutRequestResponse(refreshed.getAccessToken());
  assert.equal(checked.getUserId(), userId);

  assert.equal((await EmailPassword.signIn("public", "keep@example.com", PASSWORD)).status, "OK");
  assert.deepEqual((await UserRoles.getRolesForUser("public", userId)).roles, ["admin"]);
  assert.deepEqual((await UserMetadata.getUserMetadata(userId)).metadata, { theme: "dark" });
  assert.equal((await supertokens.getUser(userId))?.emails[0], "keep@example.com");
});
