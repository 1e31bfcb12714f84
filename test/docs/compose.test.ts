/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks what can be checked
 * without it: the app accepts every variable the file sets, the services name each other with the
 * same hosts, ports and credentials, and the deployment guide shows the same URLs.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { z } from "zod";
import { envVariables, parseEnv } from "../../config/env";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const service = z.object({
  image: z.string(),
  environment: z.record(z.string(), z.string()).default({}),
  ports: z.array(z.string()).default([]),
  command: z.string().optional(),
});
const compose = z
  .object({ services: z.object({ app: service, supertokens: service, postgres: service }) })
  .parse(parse(read("docker-compose.yml")));
const { app, supertokens, postgres } = compose.services;
const guide = read("docs/tutorial/08-production.md");

test("every variable set for the app is one the app reads (.env.example) and accepts", () => {
  const documented = new Set([...read(".env.example").matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
  for (const name of Object.keys(app.environment)) {
    if (name === "NODE_ENV") continue; // Next.js's own
    assert.ok(envVariables.includes(name), `${name} is not a variable of config/env.ts`);
    assert.ok(documented.has(name), `${name} is not listed in .env.example`);
  }
  const env = parseEnv(app.environment);
  assert.equal(env.databaseUrl, app.environment.DATABASE_URL);
  assert.equal(env.supertokensConnectionUri, app.environment.SUPERTOKENS_CONNECTION_URI);
  assert.equal(env.supertokensApiKey, app.environment.SUPERTOKENS_API_KEY);
});

test("the services reach each other by the same hosts, ports and credentials", () => {
  const database = new URL(app.environment.DATABASE_URL ?? "");
  const coreDatabase = new URL(supertokens.environment.POSTGRESQL_CONNECTION_URI ?? "");
  for (const url of [database, coreDatabase]) {
    assert.equal(url.hostname, "postgres");
    assert.equal(url.port, "5432");
    assert.equal(url.username, postgres.environment.POSTGRES_USER);
    assert.equal(url.password, postgres.environment.POSTGRES_PASSWORD);
    assert.equal(url.pathname, `/${postgres.environment.POSTGRES_DB}`);
  }
  assert.equal(app.environment.SUPERTOKENS_CONNECTION_URI, "http://supertokens:3567");
  assert.equal(app.environment.SUPERTOKENS_API_KEY, supertokens.environment.API_KEYS);
  const [major = 0, minor = 0] = (supertokens.image.split(":")[1] ?? "").split(".").map(Number);
  assert.ok(major > 11 || (major === 11 && minor >= 3), `core ${supertokens.image}: 11.3+ needed`);
});

test("the published port is the one in API_DOMAIN and in the guide", () => {
  const apiDomain = new URL(app.environment.API_DOMAIN ?? "");
  assert.deepEqual(app.ports, [`${apiDomain.port}:${apiDomain.port}`]);
  assert.ok(guide.includes("docker compose up"), "the guide shows how to start it");
  assert.ok(guide.includes(`${apiDomain.origin}/api/health`), "the guide checks the same URL");
  assert.match(guide, /not run by this repository's CI/);
});

test("the app's command runs the scripts it needs, in the order the guide gives", () => {
  const steps = (app.command ?? "")
    .replace(/^sh -c "(.*)"$/, "$1")
    .split("&&")
    .map((step) => step.trim());
  // npm skips devDependencies under NODE_ENV=production, and the build and migrations need them.
  if (app.environment.NODE_ENV === "production") assert.match(steps[0] ?? "", /--include=dev/);
  const scripts = steps.map((step) => /^npm (?:run )?(\S+)/.exec(step)?.[1]);
  assert.deepEqual(scripts, ["ci", "build", "db:migrate", "start"]);
  const defined = Object.keys(JSON.parse(read("package.json")).scripts as Record<string, string>);
  for (const script of ["build", "db:migrate", "start"])
    assert.ok(defined.includes(script), script);
});
