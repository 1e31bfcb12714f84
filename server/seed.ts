/**
 * Demo users with their roles, created through the SDK (never by writing to the core's database).
 * Used by `npm run seed` and by tests that need an admin or a paying user.
 */
import supertokens from "supertokens-node";
import EmailPassword from "supertokens-node/recipe/emailpassword";
import UserRoles from "supertokens-node/recipe/userroles";
import { ensureRoles, type Role } from "./roles";

export const demoPassword = "Passw0rd!demo";

export const demoUsers: { email: string; role?: Role }[] = [
  { email: "admin@example.com", role: "admin" },
  { email: "paid@example.com", role: "paid" },
  { email: "free@example.com" },
];

// #region ensure-user
/**
 * Makes sure the user exists with this password and, if given, this role. Idempotent: an existing
 * user keeps its id and gets the password back.
 */
export async function ensureUser(email: string, password: string, role?: Role): Promise<string> {
  const signUp = await EmailPassword.signUp("public", email, password);
  let userId: string;
  if (signUp.status === "OK") {
    userId = signUp.user.id;
  } else {
    const [existing] = await supertokens.listUsersByAccountInfo("public", { email });
    const login = existing?.loginMethods.find((method) => method.recipeId === "emailpassword");
    if (!existing || !login) throw new Error(`Cannot sign up ${email}: ${signUp.status}`);
    await EmailPassword.updateEmailOrPassword({ recipeUserId: login.recipeUserId, password });
    userId = existing.id;
  }
  if (role) {
    await ensureRoles();
    const added = await UserRoles.addRoleToUser("public", userId, role);
    if (added.status !== "OK")
      throw new Error(`Cannot give ${email} the role ${role}: ${added.status}`);
  }
  return userId;
}
// #endregion ensure-user

export async function seedDemoUsers(): Promise<{ email: string; role?: Role; userId: string }[]> {
  await ensureRoles();
  const seeded = [];
  for (const user of demoUsers) {
    seeded.push({ ...user, userId: await ensureUser(user.email, demoPassword, user.role) });
  }
  return seeded;
}
