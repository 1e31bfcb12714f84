import { z } from "zod";
import { Reply } from "../http";
import { route, type Method, type Route } from "../router";

/** The only CDI version this core speaks: the one supertokens-node 24.x asks for. */
export const CDI_VERSIONS = ["5.4"];

const METHODS: Method[] = ["GET", "POST", "PUT", "DELETE"];
const hello = () => Reply.text(200, "Hello");

export const coreRoutes: Route[] = [
  route("GET", "/apiversion", z.object({}).loose(), () => ({ versions: CDI_VERSIONS })),
  // Health checks: any method, no API key, like the real core.
  ...["/", "/hello"].flatMap((path) =>
    METHODS.map((method) => route(method, path, z.unknown(), hello, { isPublic: true })),
  ),
];
