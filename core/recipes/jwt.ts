import { SignJWT } from "jose";
import { z } from "zod";
import { Reply } from "../http";
import { route, type Route } from "../router";
import { jsonObject } from "../validation";

const MIN_JWKS_MAX_AGE_S = 60;

export const jwtRoutes: Route[] = [
  route(
    "GET",
    "/.well-known/jwks.json",
    z.object({}).loose(),
    ({ app }) => {
      const keys = app.keys.published();
      // Clients may cache the set until the next dynamic key appears (an unknown kid refetches),
      // but never less than a minute: a real core's JWKS is cacheable, and a max-age of 0 just
      // before a rotation would send every verifier back here on every request.
      const untilRotation = Math.floor((app.keys.nextRotation() - Date.now()) / 1000);
      const maxAge = Math.max(MIN_JWKS_MAX_AGE_S, Math.min(untilRotation, 24 * 3600));
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
