import { coreRoutes } from "./recipes/core";
import { emailPasswordRoutes } from "./recipes/emailpassword";
import { jwtRoutes } from "./recipes/jwt";
import { multitenancyRoutes } from "./recipes/multitenancy";
import { sessionRoutes } from "./recipes/session";
import { sessionDataRoutes } from "./recipes/sessionData";
import { userMetadataRoutes } from "./recipes/usermetadata";
import { userRoleRoutes } from "./recipes/userroles";
import { userRoutes } from "./recipes/users";
import { Router } from "./router";

export const router = new Router([
  ...coreRoutes,
  ...userRoutes,
  ...emailPasswordRoutes,
  ...sessionRoutes,
  ...sessionDataRoutes,
  ...userRoleRoutes,
  ...userMetadataRoutes,
  ...multitenancyRoutes,
  ...jwtRoutes,
]);
