import { z } from "zod";
import type { App, AppRegistry } from "./apps";
import type { Store } from "./db/store";
import { HttpError } from "./http";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export type RequestContext = {
  app: App;
  tenantId: string;
  /** The `rid` header: the core routes `PUT /recipe/user` by it. */
  rid: string | undefined;
  store: Store;
  apps: AppRegistry;
};

export type RouteOptions = {
  /** Answered without an API key, as in the real core (`/hello`, the JWKS). */
  isPublic?: boolean;
  /** Runs for a tenant that does not exist (the handler answers TENANT_NOT_FOUND_ERROR). */
  allowUnknownTenant?: boolean;
};

export type Route = RouteOptions & {
  method: Method;
  path: string;
  /**
   * `input` is the parsed JSON body, or the query string as an object for GET. Resolves to a
   * `Reply`, or to any other value, which is sent as JSON.
   */
  handle(ctx: RequestContext, input: unknown): Promise<unknown>;
};

/** A route whose input is validated by `schema` before `handler` sees it. */
export function route<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  handler: (ctx: RequestContext, input: z.output<S>) => unknown,
  options: RouteOptions = {},
): Route {
  return {
    method,
    path,
    ...options,
    async handle(ctx, input) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw new HttpError(400, describe(parsed.error));
      return handler(ctx, parsed.data);
    },
  };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.code === "custom" && issue.params?.verbatim === true) return issue.message;
  if (!issue || issue.path.length === 0) return "Invalid input: expected a JSON object";
  return `Field name '${issue.path.join(".")}' is invalid in JSON input: ${issue.message}`;
}

export type Match = { route: Route } | { methodNotAllowed: true } | undefined;

export class Router {
  private readonly routes = new Map<string, Route>();
  private readonly paths = new Set<string>();

  constructor(routes: Route[]) {
    for (const r of routes) {
      this.routes.set(`${r.method} ${r.path}`, r);
      this.paths.add(r.path);
    }
  }

  match(method: string, path: string): Match {
    const found = this.routes.get(`${method} ${path}`);
    if (found) return { route: found };
    return this.paths.has(path) ? { methodNotAllowed: true } : undefined;
  }
}
