import { protectedRoute } from "@/middleware/app/route";
import { describeSession } from "@/server/session-info";

/** /api/user as an App Router route handler: the same links, the same answers. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = protectedRoute(
  {},
  { GET: async (_request, { session }) => Response.json(describeSession(session)) },
);
