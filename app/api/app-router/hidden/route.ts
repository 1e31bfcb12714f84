import { protectedRoute } from "@/middleware/app/route";

/** /api/hidden as a route handler: anonymous callers get 404, as if it did not exist. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = protectedRoute(
  { hideFromAnonymous: true },
  {
    GET: async (_request, { session }) =>
      Response.json({ message: "You found the hidden route.", userId: session.getUserId() }),
  },
);
