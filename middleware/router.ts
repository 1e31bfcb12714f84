import type { NextApiRequest, NextApiResponse } from "next";
import { createRouter } from "next-connect";
import { ensureSuperTokensInit } from "@/config/backendConfig";
import { chainHandler } from "./chain-handlers";
import { cors } from "./cors";
import { onError, onNoMatch } from "./errors";
import { noStore } from "./no-store";

const shortcuts = ["get", "post", "put", "patch", "delete"] as const;

/**
 * A fresh next-connect router for one route file (a router shared between files leaks handlers from
 * one route into another, next-connect#141), with CORS as its first link. `Req` is the request type
 * the route's handlers see, e.g. `SessionRequest` after `requireSession()`.
 *
 * Its `handler()` takes no options: errors become JSON, and an unknown method gets 405 with `Allow`.
 */
export function createApiRouter<Req extends NextApiRequest = NextApiRequest>() {
  ensureSuperTokensInit();
  const router = createRouter<Req, NextApiResponse>().use(noStore, cors);

  // next-connect keeps its route table private, so note each method as the route adds it.
  const allowed = new Set<string>();
  for (const shortcut of shortcuts) {
    const add = router[shortcut];
    router[shortcut] = (...args) => {
      const method = shortcut.toUpperCase();
      allowed.add(method);
      if (method === "GET") allowed.add("HEAD"); // next-connect answers HEAD with the GET handler
      return add(...args);
    };
  }
  const handler = router.handler.bind(router);
  router.handler = () => chainHandler(handler({ onError, onNoMatch: onNoMatch([...allowed]) }));

  return router;
}
