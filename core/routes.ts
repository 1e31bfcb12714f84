import { coreRoutes } from "./recipes/core";
import { emailPasswordRoutes } from "./recipes/emailpassword";
import { jwtRoutes } from "./recipes/jwt";
import { multitenancyRoutes } from "./recipes/multitenancy";
import { sessionRoutes } from "./recipes/session";
import { sessionDataRoutes } from "./recipes/sessionData";
import { testRoutes } from "./recipes/testing";
import { userMetadataRoutes } from "./recipes/usermetadata";
import { userRoleRoutes } from "./recipes/userroles";
import { userRoutes } from "./recipes/users";
import { Router } from "./router";

const routes = [
  ...coreRoutes,
  ...userRoutes,
  ...emailPasswordRoutes,
  ...sessionRoutes,
  ...sessionDataRoutes,
  ...userRoleRoutes,
  ...userMetadataRoutes,
  ...multitenancyRoutes,
  ...jwtRoutes,
];

export const router = new Router(routes);

/** With the test-only routes, for a core started for tests (`testRoutes`). */
export const routerWithTestRoutes = new Router([...routes, ...testRoutes]);
