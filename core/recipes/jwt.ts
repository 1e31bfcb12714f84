import { SignJWT } from "jose";
import { z } from "zod";
import { Reply } from "../http";
import { route, type Route } from "../router";
import { jsonObject } from "../validation";

export const jwtRoutes: Route[] = [
  route(
    "GET",
    "/.well-known/jwks.json",
    z.object({}).loose(),
    ({ app }) => {
      const keys = app.keys.published();
      // Clients may cache the set until the next dynamic key appears; an unknown kid refetches.
      const untilRotation = Math.floor((app.keys.nextRotation() - Date.now()) / 1000);
      const maxAge = Math.max(0, Math.min(untilRotation, 24 * 3600));
      return Reply.json(
        { keys: keys.map((key) => key.jwk) },
        { "cache-control": `max-age=${maxAge}, must-revalidate` },
      );
    },
    { isPublic: true },
  ),

  route(
    "POST",
    "/recipe/jwt",
    z.object({
      payload: jsonObject,
      algorithm: z.string(),
      jwksDomain: z.string(),
      validity: z.number().int().positive(),
      useStaticSigningKey: z.boolean().default(false),
    }),
    async ({ app }, input) => {
      if (input.algorithm.toUpperCase() !== "RS256") {
        return { status: "UNSUPPORTED_ALGORITHM_ERROR" };
      }
      const key = await app.keys.current(!input.useStaticSigningKey);
      const iat = Math.floor(Date.now() / 1000);
      const jwt = await new SignJWT({
        iss: input.jwksDomain,
        ...input.payload,
        iat,
        exp: iat + input.validity,
      })
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid })
        .sign(key.privateKey);
      return { status: "OK", jwt };
    },
  ),
];
