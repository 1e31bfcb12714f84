import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import supertokens from "supertokens-node";
import Session from "supertokens-node/recipe/session";
import UserMetadata from "supertokens-node/recipe/usermetadata";
import UserRoles from "supertokens-node/recipe/userroles";
import type { RunningCore } from "../server";
import { decodeJwt } from "jose";
import { createApp, initSdk, startTestCore } from "./helpers";

let core: RunningCore;

before(async () => {
  core = await startTestCore();
  initSdk(await createApp(core));
});
after(() => core.close());

const userId = () => `user-${Math.random().toString(36).slice(2)}`;

describe("user roles through the SDK", () => {
  test("roles and permissions: create, add, list, remove", async () => {
    assert.equal(
      (await UserRoles.createNewRoleOrAddPermissions("editor", ["notes:write"])).createdNewRole,
      true,
    );
    assert.equal(
      (await UserRoles.createNewRoleOrAddPermissions(" editor ", ["notes:read"])).createdNewRole,
      false,
    );
    const perms = await UserRoles.getPermissionsForRole("editor");
    assert.ok(perms.status === "OK");
    assert.deepEqual(perms.permissions, ["notes:read", "notes:write"]);
    assert.deepEqual((await UserRoles.getRolesThatHavePermission("notes:read")).roles, ["editor"]);
    await UserRoles.removePermissionsFromRole("editor", ["notes:write"]);
    const after = await UserRoles.getPermissionsForRole("editor");
    assert.ok(after.status === "OK");
    assert.deepEqual(after.permissions, ["notes:read"]);
    assert.equal((await UserRoles.getPermissionsForRole("ghost")).status, "UNKNOWN_ROLE_ERROR");
  });

  test("a user's roles and permissions appear as claims in new sessions", async () => {
    const user = userId();
    await UserRoles.createNewRoleOrAddPermissions("paid", ["premium:read"]);
    const added = await UserRoles.addRoleToUser("public", user, "paid");
    assert.ok(added.status === "OK");
    assert.equal(added.didUserAlreadyHaveRole, false);
    assert.equal(
      (await UserRoles.addRoleToUser("public", user, "nope")).status,
      "UNKNOWN_ROLE_ERROR",
    );
    assert.deepEqual((await UserRoles.getRolesForUser("public", user)).roles, ["paid"]);
    assert.ok((await UserRoles.getUsersThatHaveRole("public", "paid")).status === "OK");

    const session = await Session.createNewSessionWithoutRequestResponse(
      "public",
      supertokens.convertToRecipeUserId(user),
    );
    const claims = decodeJwt(session.getAccessToken()) as Record<string, { v: string[] }>;
    assert.deepEqual(claims["st-role"]?.v, ["paid"]);
    assert.deepEqual(claims["st-perm"]?.v, ["premium:read"]);
  });

  test("deleting a role removes it from users", async () => {
    const user = userId();
    await UserRoles.createNewRoleOrAddPermissions("temp", []);
    await UserRoles.addRoleToUser("public", user, "temp");
    assert.equal((await UserRoles.deleteRole("temp")).didRoleExist, true);
    assert.deepEqual((await UserRoles.getRolesForUser("public", user)).roles, []);
    assert.equal((await UserRoles.deleteRole("temp")).didRoleExist, false);
    assert.equal((await UserRoles.getAllRoles()).roles.includes("temp"), false);
  });
});

describe("user metadata through the SDK", () => {
  test("updates merge shallowly; null deletes a key; clear removes all", async () => {
    const user = userId();
    assert.deepEqual((await UserMetadata.getUserMetadata(user)).metadata, {});
    await UserMetadata.updateUserMetadata(user, { profile: { first: "Ada" }, theme: "dark" });
    const merged = await UserMetadata.updateUserMetadata(user, {
      profile: { last: "Lovelace" },
      theme: null,
    });
    assert.deepEqual(merged.metadata, { profile: { last: "Lovelace" } });
    assert.deepEqual((await UserMetadata.getUserMetadata(user)).metadata, merged.metadata);
    await UserMetadata.clearUserMetadata(user);
    assert.deepEqual((await UserMetadata.getUserMetadata(user)).metadata, {});
  });

  test("many concurrent writes to one user's metadata all land", async () => {
    const user = userId();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => UserMetadata.updateUserMetadata(user, { [`k${i}`]: i })),
    );
    const { metadata } = await UserMetadata.getUserMetadata(user);
    assert.equal(Object.keys(metadata).length, 40);
    assert.equal(metadata.k39, 39);
  });
});
