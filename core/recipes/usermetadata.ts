import { z } from "zod";
import { route, type Route } from "../router";
import { jsonObject } from "../validation";

// Metadata is app-wide: one object per user id, whichever tenant asks.
export const userMetadataRoutes: Route[] = [
  route("GET", "/recipe/user/metadata", z.object({ userId: z.string() }), ({ app, store }, q) => ({
    status: "OK",
    metadata: store.metadata.get(app.id, q.userId),
  })),

  route(
    "PUT",
    "/recipe/user/metadata",
    z.object({ userId: z.string(), metadataUpdate: jsonObject }),
    ({ app, store }, input) => ({
      status: "OK",
      metadata: store.metadata.merge(app.id, input.userId, input.metadataUpdate),
    }),
  ),

  route(
    "POST",
    "/recipe/user/metadata/remove",
    z.object({ userId: z.string() }),
    ({ app, store }, input) => {
      store.metadata.remove(app.id, input.userId);
      return { status: "OK" };
    },
  ),
];
