import { z } from "zod";
import { DEFAULT_APP, DEFAULT_TENANT } from "../apps";
import { coreConfigSchema } from "../config";
import { HttpError } from "../http";
import { route, type RequestContext, type Route } from "../router";
import { jsonObject } from "../validation";

const RESERVED_IDS = new Set(["recipe", "config", "users", "user", "hello", "apiversion"]);
const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "letters, digits, '-' and '_' only")
  .refine((value) => !RESERVED_IDS.has(value) && !value.startsWith("appid-"), "is reserved");

const factors = z.array(z.string()).nullable().optional();
const tenantConfigSchema = z.object({
  firstFactors: factors,
  requiredSecondaryFactors: factors,
  coreConfig: jsonObject.optional(),
});
type TenantConfig = z.infer<typeof tenantConfigSchema>;

function tenantJson(tenantId: string, configJson: string) {
  const config = JSON.parse(configJson) as TenantConfig;
  return {
    tenantId,
    thirdParty: { providers: [] },
    coreConfig: config.coreConfig ?? {},
    // Omitted, never null, when unset: the SDK calls .filter on any value it finds here.
    ...(config.firstFactors ? { firstFactors: config.firstFactors } : {}),
    ...(config.requiredSecondaryFactors
      ? { requiredSecondaryFactors: config.requiredSecondaryFactors }
      : {}),
  };
}

/** Fields left out keep their value, `null` clears one. */
function mergeTenantConfig(previousJson: string | undefined, update: TenantConfig): string {
  const merged: Record<string, unknown> = previousJson ? JSON.parse(previousJson) : {};
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return JSON.stringify(merged);
}

function requireDefaultApp(ctx: RequestContext): void {
  if (ctx.app.id !== DEFAULT_APP) throw new HttpError(403, "Only the public app can manage apps");
}

export const multitenancyRoutes: Route[] = [
  route(
    "GET",
    "/recipe/multitenancy/tenant/v2",
    z.object({}).loose(),
    ({ app, tenantId, store }) => {
      const row = store.apps.findTenant(app.id, tenantId);
      return row
        ? { status: "OK", ...tenantJson(row.tenant_id, row.config) }
        : { status: "TENANT_NOT_FOUND_ERROR" };
    },
    { allowUnknownTenant: true },
  ),

  route(
    "PUT",
    "/recipe/multitenancy/tenant/v2",
    tenantConfigSchema.extend({ tenantId: id }),
    ({ app, store }, { tenantId, ...update }) => {
      const previous = store.apps.findTenant(app.id, tenantId)?.config;
      const config = mergeTenantConfig(previous, update);
      return { status: "OK", createdNew: store.apps.upsertTenant(app.id, tenantId, config) };
    },
  ),

  route(
    "POST",
    "/recipe/multitenancy/tenant/remove",
    z.object({ tenantId: z.string() }),
    ({ app, store }, { tenantId }) => {
      if (tenantId === DEFAULT_TENANT) throw new HttpError(400, "Cannot delete public tenant");
      return { status: "OK", didExist: store.apps.removeTenant(app.id, tenantId) };
    },
  ),

  route("GET", "/recipe/multitenancy/tenant/list/v2", z.object({}).loose(), ({ app, store }) => ({
    status: "OK",
    tenants: store.apps.listTenants(app.id).map((row) => tenantJson(row.tenant_id, row.config)),
  })),

  route(
    "POST",
    "/recipe/multitenancy/tenant/user",
    z.object({ recipeUserId: z.string() }),
    ({ app, tenantId, store }, { recipeUserId }) => {
      const user = store.users.byId(app.id, recipeUserId);
      if (!user) return { status: "UNKNOWN_USER_ID_ERROR" };
      if (store.users.tenantsOf(app.id, recipeUserId).includes(tenantId)) {
        return { status: "OK", wasAlreadyAssociated: true };
      }
      if (store.users.addToTenant(app.id, tenantId, recipeUserId, user.email) === "duplicate") {
        return { status: "EMAIL_ALREADY_EXISTS_ERROR" };
      }
      return { status: "OK", wasAlreadyAssociated: false };
    },
  ),

  route(
    "POST",
    "/recipe/multitenancy/tenant/user/remove",
    z.object({ recipeUserId: z.string() }),
    ({ app, tenantId, store }, { recipeUserId }) => ({
      status: "OK",
      wasAssociated: store.users.removeFromTenant(app.id, tenantId, recipeUserId),
    }),
  ),

  route(
    "PUT",
    "/recipe/multitenancy/app/v2",
    z.object({
      appId: id,
      firstFactors: factors,
      requiredSecondaryFactors: factors,
      coreConfig: coreConfigSchema.optional(),
    }),
    async (ctx, input) => {
      requireDefaultApp(ctx);
      const previous = await ctx.apps.get(input.appId);
      const coreConfig = input.coreConfig ?? previous?.coreConfig ?? {};
      return { status: "OK", createdNew: await ctx.apps.upsert(input.appId, coreConfig) };
    },
  ),

  route(
    "POST",
    "/recipe/multitenancy/app/remove",
    z.object({ appId: z.string() }),
    (ctx, { appId }) => {
      requireDefaultApp(ctx);
      if (appId === DEFAULT_APP) throw new HttpError(400, "Cannot delete the public app");
      return { status: "OK", didExist: ctx.apps.remove(appId) };
    },
  ),

  // Enterprise features are not gated here; accepting a key keeps test setups that send one working.
  route("PUT", "/ee/license", z.object({ licenseKey: z.string() }), () => ({ status: "OK" })),
];
