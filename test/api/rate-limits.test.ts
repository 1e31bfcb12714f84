/**
 * Abuse limits (middleware/rate-limit.ts, server/rate-limit/): the sign-in lockout, sign-up and
 * password-reset limits, a route's write limit, the client address behind proxies, and counters
 * that live in the app's database. The stack trusts a proxy on loopback, so each test speaks from
 * its own client address (X-Forwarded-For) and starts with fresh per-address counters.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { breakCounters, repairCounters } from "../../testing/counters";
import { startStack, type Stack } from "../../testing/stack";
import { bearer, call, send, type Reply } from "../../testing/http";
import { authAttempt, PASSWORD, signUp, uniqueEmail } from "../../testing/users";
import { useTempDir } from "../../testing/node";

const limits = {
  TRUST_PROXY: "loopback",
  SIGN_IN_MAX_FAILURES: "3",
  SIGN_IN_LOCKOUT_SECONDS: "2",
  SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: "6",
  SIGN_UPS_PER_ADDRESS_PER_HOUR: "3",
  PASSWORD_RESETS_PER_ACCOUNT_PER_HOUR: "2",
  PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: "3",
  RATE_LIMIT_WRITES_PER_MINUTE: "3",
};
const wrong = "Wr0ng-password";

const dataDir = useTempDir("rate-limits");
let stack: Stack;
before(async () => {
  stack = await startStack({ dataDir, env: limits });
});
after(async () => {
  await stack?.stop();
});

let addresses = 0;
/** A client address of its own, as the trusted proxy reports it. */
function client(): Record<string, string> {
  addresses += 1;
  return { "x-forwarded-for": `198.18.${addresses >> 8}.${addresses & 255}` };
}

const signIn = (email: string, pass: string, from: Record<string, string>) =>
  authAttempt(stack, "signin", email, pass, from);
const reset = (email: string, from: Record<string, string>) =>
  call(`${stack.appUrl}/api/auth/user/password/reset/token`, {
    ...send("POST", { formFields: [{ id: "email", value: email }] }),
    headers: { "content-type": "application/json", ...from },
  });

function assertRateLimited(reply: Reply, retryAfter?: number) {
  assert.equal(reply.status, 429, reply.text);
  const { error } = reply.body as { error: { code: string; message: string } };
  assert.equal(error.code, "rate_limited");
  assert.match(error.message, /^Too many \w+\. Try again in \d+ (second|minute|hour)s?\.$/);
  const seconds = Number(reply.headers.get("retry-after"));
  assert.ok(seconds >= 1, `Retry-After: ${reply.headers.get("retry-after")}`);
  if (retryAfter !== undefined) assert.ok(Math.abs(seconds - retryAfter) <= 1, `${seconds}s`);
  assert.ok(reply.headers.get("ratelimit-policy"));
  assert.match(reply.headers.get("ratelimit") ?? "", /;r=0;t=\d+$/);
}

const statusOf = (reply: Reply) => (reply.body as { status?: string }).status;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sign-in lockout", () => {
  test("the 3rd consecutive failure locks the account: 429, Retry-After and the headers", async () => {
    const { email } = await signUp(stack, { email: uniqueEmail("lock"), headers: client() });
    const from = client();
    assert.equal(statusOf(await signIn(email, wrong, from)), "WRONG_CREDENTIALS_ERROR");
    assert.equal(statusOf(await signIn(email, wrong, from)), "WRONG_CREDENTIALS_ERROR");
    const locked = await signIn(email, wrong, from);
    assertRateLimited(locked, 2);
    assert.equal(
      (locked.body as { error: { message: string } }).error.message,
      "Too many attempts. Try again in 2 seconds.",
    );
    assert.equal(locked.headers.get("ratelimit-policy"), '"sign-in-account";q=3;w=86400');
    assert.equal(locked.headers.get("ratelimit"), '"sign-in-account";r=0;t=2');
    // From another address too: the lock is on the account.
    assertRateLimited(await signIn(email, wrong, client()));
  });

  test("while locked the right password is refused too; after the wait it works, and the next lockout is longer", async () => {
    const { email, userId } = await signUp(stack, {
      email: uniqueEmail("wait"),
      headers: client(),
    });
    const from = client();
    for (let i = 0; i < 2; i++) await signIn(email, wrong, from);
    assertRateLimited(await signIn(email, wrong, from), 2);
    assertRateLimited(await signIn(email, PASSWORD, from));

    await wait(2_200);
    const accepted = await signIn(email, PASSWORD, from);
    assert.equal(statusOf(accepted), "OK", accepted.text);
    assert.equal((accepted.body as { user: { id: string } }).user.id, userId);

    const again = client();
    for (let i = 0; i < 2; i++) await signIn(email, wrong, again);
    assertRateLimited(await signIn(email, wrong, again), 4); // the second lockout of the day
  });

  test("a successful sign-in clears the account's failures", async () => {
    const { email } = await signUp(stack, { email: uniqueEmail("clear"), headers: client() });
    const from = client();
    for (let i = 0; i < 2; i++) await signIn(email, wrong, from);
    assert.equal(statusOf(await signIn(email, PASSWORD, from)), "OK");
    for (let i = 0; i < 2; i++) {
      assert.equal(statusOf(await signIn(email, wrong, from)), "WRONG_CREDENTIALS_ERROR");
    }
  });

  test("unknown and known e-mails get the same answers, attempt by attempt", async () => {
    const { email: known } = await signUp(stack, {
      email: uniqueEmail("known"),
      headers: client(),
    });
    const unknown = uniqueEmail("nobody");
    const answers = async (email: string) => {
      const from = client();
      const replies: unknown[] = [];
      for (let i = 0; i < 4; i++) {
        const reply = await signIn(email, wrong, from);
        replies.push([reply.status, reply.body, reply.headers.get("ratelimit-policy")]);
      }
      return replies;
    };
    const forKnown = await answers(known);
    assert.deepEqual(await answers(unknown), forKnown);
    assert.equal((forKnown[3] as [number])[0], 429);
  });

  test("case and surrounding spaces do not make a new account", async () => {
    const { email } = await signUp(stack, { email: uniqueEmail("case"), headers: client() });
    const from = client();
    await signIn(email.toUpperCase(), wrong, from);
    await signIn(`  ${email} `, wrong, from);
    assertRateLimited(
      await signIn(
        email.replace(/^./, (c) => c.toUpperCase()),
        wrong,
        from,
      ),
    );
    assertRateLimited(await signIn(email, PASSWORD, from));
  });
});

describe("per client address", () => {
  test("failures from one address are limited across accounts; a trusted proxy's X-Forwarded-For is honoured", async () => {
    const from = client();
    for (let i = 0; i < 5; i++) {
      assert.equal(
        statusOf(await signIn(uniqueEmail("addr"), wrong, from)),
        "WRONG_CREDENTIALS_ERROR",
      );
    }
    const sixth = await signIn(uniqueEmail("addr"), wrong, from);
    assertRateLimited(sixth);
    assert.equal(sixth.headers.get("ratelimit-policy"), '"sign-in-address";q=6;w=3600');
    assertRateLimited(await signIn(uniqueEmail("addr"), PASSWORD, from));
    // Another client behind the same proxy has its own count.
    assert.equal(
      statusOf(await signIn(uniqueEmail("addr"), wrong, client())),
      "WRONG_CREDENTIALS_ERROR",
    );
  });

  test("IPv6 clients are counted per /64", async () => {
    for (let i = 1; i <= 6; i++) {
      await signIn(uniqueEmail("v6"), wrong, { "x-forwarded-for": `2001:db8:aa:bb::${i}` });
    }
    const sameNetwork = { "x-forwarded-for": "2001:db8:aa:bb:ffff:1:2:3" };
    assertRateLimited(await signIn(uniqueEmail("v6"), wrong, sameNetwork));
    const otherNetwork = { "x-forwarded-for": "2001:db8:aa:bc::1" };
    assert.equal(
      statusOf(await signIn(uniqueEmail("v6"), wrong, otherNetwork)),
      "WRONG_CREDENTIALS_ERROR",
    );
  });

  test("sign-ups: 3 per address", async () => {
    const from = client();
    for (let i = 0; i < 3; i++)
      await signUp(stack, { email: uniqueEmail("signup"), headers: from });
    assertRateLimited(await authAttempt(stack, "signup", uniqueEmail("signup"), PASSWORD, from));
    await signUp(stack, { email: uniqueEmail("signup"), headers: client() });
  });

  test("password-reset e-mails: 2 per account, 3 per address", async () => {
    const { email } = await signUp(stack, { email: uniqueEmail("reset"), headers: client() });
    assert.equal((await reset(email, client())).status, 200);
    assert.equal((await reset(email.toUpperCase(), client())).status, 200);
    assertRateLimited(await reset(email, client()));

    const from = client();
    for (let i = 0; i < 3; i++) assert.equal((await reset(uniqueEmail("any"), from)).status, 200);
    assertRateLimited(await reset(uniqueEmail("any"), from));
  });
});

// #region route-limit
describe("a route's limit", () => {
  test("notes writes: 3 a minute per user, with RateLimit headers; reads are not counted", async () => {
    const user = await signUp(stack, { email: uniqueEmail("writer"), headers: client() });
    const note = send("POST", { title: "t", body: "b" }, user.accessToken);
    for (const remaining of [2, 1, 0]) {
      const created = await call(`${stack.appUrl}/api/notes`, note);
      assert.equal(created.status, 201, created.text);
      assert.equal(created.headers.get("ratelimit-policy"), '"notes-write";q=3;w=60');
      assert.match(created.headers.get("ratelimit")!, new RegExp(`^"notes-write";r=${remaining};`));
    }
    const refused = await call(`${stack.appUrl}/api/notes`, {
      ...note,
      headers: { ...note.headers, origin: stack.appUrl },
    });
    assertRateLimited(refused); // 429, rate_limited, Retry-After, RateLimit: …;r=0;t=…
    // A script on an allowed origin may read how long to wait.
    assert.match(refused.headers.get("access-control-expose-headers")!, /Retry-After,RateLimit/);
    assert.match(refused.text, /Too many requests\. Try again in \d+ (seconds?|minute)\./);

    const list = await call(`${stack.appUrl}/api/notes`, { headers: bearer(user.accessToken) });
    assert.equal(list.status, 200);
    assert.equal((list.body as { notes: unknown[] }).notes.length, 3, "nothing more was stored");
    // Another user has their own count.
    const other = await signUp(stack, { email: uniqueEmail("writer"), headers: client() });
    const theirs = send("POST", { title: "t", body: "b" }, other.accessToken);
    assert.equal((await call(`${stack.appUrl}/api/notes`, theirs)).status, 201);
  });
});
// #endregion route-limit

describe("every write route counts", () => {
  test("a note's writes share one budget in all three shapes of route (chain, plain, App Router)", async () => {
    const user = await signUp(stack, { email: uniqueEmail("shapes"), headers: client() });
    const created = await call(
      `${stack.appUrl}/api/notes`,
      send("POST", { title: "t", body: "b" }, user.accessToken),
    );
    assert.equal(created.status, 201, created.text);
    const { id } = created.body as { id: string };
    const edit = send("PATCH", { title: "edited" }, user.accessToken);
    for (const [path, remaining] of [
      [`/api/plain/notes/${id}`, 1],
      [`/api/app-router/notes/${id}`, 0],
    ] as const) {
      const edited = await call(`${stack.appUrl}${path}`, edit);
      assert.equal(edited.status, 200, `${path}: ${edited.text}`);
      assert.match(edited.headers.get("ratelimit")!, new RegExp(`^"notes-write";r=${remaining};`));
    }
    for (const path of ["/api/notes", "/api/app-router/notes"]) {
      assertRateLimited(
        await call(
          `${stack.appUrl}${path}`,
          send("POST", { title: "t", body: "b" }, user.accessToken),
        ),
      );
    }
    for (const path of [`/api/plain/notes/${id}`, `/api/app-router/notes/${id}`]) {
      assertRateLimited(await call(`${stack.appUrl}${path}`, edit));
    }
  });

  test("API keys: creating and revoking are writes too", async () => {
    const user = await signUp(stack, { email: uniqueEmail("keys"), headers: client() });
    const create = send(
      "POST",
      { name: "script", scopes: ["notes:read"], expiresInDays: 30 },
      user.accessToken,
    );
    for (let i = 0; i < 3; i++) {
      assert.equal((await call(`${stack.appUrl}/api/keys`, create)).status, 201);
    }
    assertRateLimited(await call(`${stack.appUrl}/api/keys`, create));
  });

  test("a user's API keys and session share one write budget: a new key buys no more writes", async () => {
    const user = await signUp(stack, { email: uniqueEmail("key-writes"), headers: client() });
    const keys: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await call(
        `${stack.appUrl}/api/keys`,
        send(
          "POST",
          { name: `k${i}`, scopes: ["notes:write"], expiresInDays: 30 },
          user.accessToken,
        ),
      );
      keys.push((created.body as { key: string }).key);
    }
    const write = (token: string) =>
      call(`${stack.appUrl}/api/notes`, send("POST", { title: "t", body: "b" }, token));
    for (const token of [keys[0]!, keys[1]!, user.accessToken]) {
      assert.equal((await write(token)).status, 201);
    }
    for (const token of [keys[0]!, keys[1]!, user.accessToken])
      assertRateLimited(await write(token));
  });
});

describe("when the counters' store fails", () => {
  test("sign-in, sign-up and reset refuse with 503 and Retry-After; a note write and an API key go through uncounted", async () => {
    const user = await signUp(stack, { email: uniqueEmail("store"), headers: client() });
    const created = await call(
      `${stack.appUrl}/api/keys`,
      send("POST", { name: "k", scopes: ["notes:read"], expiresInDays: 30 }, user.accessToken),
    );
    const { key } = created.body as { key: string };
    await breakCounters(stack);
    try {
      for (const [what, refused] of [
        ["sign-in", await signIn(user.email, PASSWORD, client())],
        ["sign-up", await authAttempt(stack, "signup", uniqueEmail("new"), PASSWORD, client())],
        ["password reset", await reset(user.email, client())],
      ] as const) {
        assert.equal(refused.status, 503, `${what}: ${refused.text}`);
        const { error } = refused.body as { error: { code: string } };
        assert.equal(error.code, "database_unavailable", what);
        assert.ok(Number(refused.headers.get("retry-after")) > 0, what);
      }
      const note = send("POST", { title: "t", body: "b" }, user.accessToken);
      const written = await call(`${stack.appUrl}/api/notes`, note);
      assert.equal(written.status, 201, written.text);
      assert.equal(written.headers.get("ratelimit"), null, "not counted");
      const read = await call(`${stack.appUrl}/api/notes`, { headers: bearer(key) });
      assert.equal(read.status, 200, read.text);
      assert.equal(read.headers.get("ratelimit"), null, "the key's request was not counted");
    } finally {
      await repairCounters(stack);
    }
    assert.equal(statusOf(await signIn(user.email, PASSWORD, client())), "OK");
  });
});

describe("counters live in the app's database", () => {
  test("they survive a restart of the app", async () => {
    const { email } = await signUp(stack, { email: uniqueEmail("restart"), headers: client() });
    const from = client();
    for (let i = 0; i < 2; i++) await signIn(email, wrong, from);
    await stack.stop();
    // Lockouts now last longer than the burst below takes, however slow the machine.
    stack = await startStack({ dataDir, env: { ...limits, SIGN_IN_LOCKOUT_SECONDS: "300" } });
    assertRateLimited(await signIn(email, wrong, from));
  });

  test("50 concurrent wrong passwords from 50 addresses are all counted", async () => {
    const { email } = await signUp(stack, { email: uniqueEmail("burst"), headers: client() });
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => signIn(email, wrong, client())),
    );
    const statuses = replies.map((reply) => reply.status);
    // One atomic count: exactly the first two failures are answered as such, all others are 429.
    assert.equal(
      replies.filter((reply) => statusOf(reply) === "WRONG_CREDENTIALS_ERROR").length,
      2,
    );
    assert.equal(statuses.filter((status) => status === 429).length, 48);
  });
});

describe(
  "two instances on one PostgreSQL",
  { skip: !process.env.TEST_DATABASE_URL && "PostgreSQL only: npm run test:api:pg" },
  () => {
    let other: Stack;
    before(async () => {
      other = await startStack({
        databaseUrl: stack.databaseUrl,
        env: { ...limits, SIGN_IN_LOCKOUT_SECONDS: "300" },
      });
    });
    after(() => other?.stop());

    test("failures on either instance add up, and the lockout holds on both", async () => {
      // Each instance has its own core here: an unknown e-mail is counted like any account.
      const email = uniqueEmail("shared");
      const from = client();
      const onOther = (pass: string) => authAttempt(other, "signin", email, pass, from);
      assert.equal(statusOf(await signIn(email, wrong, from)), "WRONG_CREDENTIALS_ERROR");
      assert.equal(statusOf(await onOther(wrong)), "WRONG_CREDENTIALS_ERROR");
      assertRateLimited(await signIn(email, wrong, from), 300);
      assertRateLimited(await onOther(PASSWORD));
    });
  },
);

describe("without a trusted proxy", () => {
  let direct: Stack;
  before(async () => {
    direct = await startStack({
      env: { ...limits, TRUST_PROXY: "", SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: "50" },
    });
  });
  after(() => direct?.stop());

  test("50 concurrent failures with spoofed X-Forwarded-For all count for the one real address", async () => {
    let n = 0;
    const spoofed = () => ({ "x-forwarded-for": `203.0.113.${(n += 1)}` });
    const attempt = () => authAttempt(direct, "signin", uniqueEmail("spoof"), wrong, spoofed());
    const replies = await Promise.all(Array.from({ length: 50 }, attempt));
    const failures = replies.filter((reply) => statusOf(reply) === "WRONG_CREDENTIALS_ERROR");
    assert.equal(failures.length, 49, "the 50th failure reaches the limit");
    assertRateLimited(replies.find((reply) => reply.status === 429)!);
    assertRateLimited(await attempt());
  });
});
