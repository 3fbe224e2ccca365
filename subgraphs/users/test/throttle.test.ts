import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRouter } from "@storefront/router/testing";
import { uniqueEmail } from "@storefront/testkit";
import { schema } from "../src/db";
import { LoginDocument } from "./generated/users";
import {
  clientIp,
  login,
  register,
  startStack,
  type SessionResult,
  type Stack,
  type UsersSubgraph,
} from "./stack";

/**
 * Sign-in throttling under concurrency, with the shipped limits (5 failures per account, 20 per
 * address, in 15 minutes). Every wrong password that is checked leaves one LOGIN_FAILED row, so
 * those rows count the argon2 verifications that ran.
 */
let users: Stack;
let router: Awaited<ReturnType<typeof startTestRouter>>;
beforeAll(async () => {
  users = await startStack({}, { shippedThrottle: true });
  router = await startTestRouter([{ name: "users", url: users.url }], {
    env: { RATE_LIMIT_PER_MINUTE: "0", MAX_BATCH_SIZE: "10" },
  });
}, 60_000);
afterAll(async () => {
  await router?.stop();
  await users?.stop();
});

const WRONG = "wrong password, surely";

async function failuresRecorded(db: UsersSubgraph["database"]["db"], where: { email?: string; ip?: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.type, "LOGIN_FAILED"),
        where.email ? eq(schema.auditLog.email, where.email) : undefined,
        where.ip ? eq(schema.auditLog.clientIp, where.ip) : undefined,
      ),
    );
  return row?.n ?? 0;
}

describe("login throttle under concurrency", () => {
  it("checks at most 5 passwords of 100 concurrent wrong attempts on one account; the right one is then refused", async () => {
    const account = await register(users.url);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => login(users.url, account.email, WRONG, clientIp())),
    );
    const codes = results.map((r) => r.data?.login.code);
    expect(codes.every((code) => code === "INVALID_CREDENTIALS" || code === "TOO_MANY_ATTEMPTS")).toBe(true);
    const verified = await failuresRecorded(users.db, { email: account.email });
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "INVALID_CREDENTIALS")).toHaveLength(verified);

    const right = await login(users.url, account.email, account.password, clientIp());
    expect(right.data?.login).toMatchObject({ __typename: "AuthError", code: "TOO_MANY_ATTEMPTS" });
    expect(right.data?.login.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("checks at most 5 passwords of 10 concurrent batches of 10 through the router", async () => {
    const account = await register(users.url);
    const batch = Array.from({ length: 10 }, () => ({
      query: String(LoginDocument),
      variables: { input: { email: account.email, password: WRONG } },
    }));
    const replies = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await fetch(router.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(batch),
        });
        expect(response.status).toBe(200);
        return (await response.json()) as { data?: { login: SessionResult } }[];
      }),
    );
    const codes = replies.flat().map((reply) => reply.data?.login.code);
    expect(codes).toHaveLength(100);
    expect(codes.every((code) => code === "INVALID_CREDENTIALS" || code === "TOO_MANY_ATTEMPTS")).toBe(true);
    const verified = await failuresRecorded(users.db, { email: account.email });
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(5);

    const right = await login(users.url, account.email, account.password, clientIp());
    expect(right.data?.login).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
  });

  it("checks at most 20 passwords of 100 concurrent attempts from one address across accounts", async () => {
    const ip = clientIp();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => login(users.url, uniqueEmail(), WRONG, ip)),
    );
    const verified = await failuresRecorded(users.db, { ip });
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(20);
    expect(results.filter((r) => r.data?.login.code === "INVALID_CREDENTIALS")).toHaveLength(verified);

    const account = await register(users.url);
    const blocked = await login(users.url, account.email, account.password, ip);
    expect(blocked.data?.login).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    const elsewhere = await login(users.url, account.email, account.password, clientIp());
    expect(elsewhere.data?.login).toMatchObject({ __typename: "AuthSession" });
  });

  it("starts an account's count afresh after a successful sign-in", async () => {
    const account = await register(users.url);
    for (let i = 0; i < 4; i++) await login(users.url, account.email, WRONG, clientIp());
    const signedIn = await login(users.url, account.email, account.password, clientIp());
    expect(signedIn.data?.login).toMatchObject({ __typename: "AuthSession" });
    for (let i = 0; i < 4; i++) {
      const again = await login(users.url, account.email, WRONG, clientIp());
      expect(again.data?.login).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const stillOpen = await login(users.url, account.email, account.password, clientIp());
    expect(stillOpen.data?.login).toMatchObject({ __typename: "AuthSession" });
  });
});

describe("login throttle on the embedded database (PGlite)", () => {
  it("checks at most 5 passwords of 30 concurrent wrong attempts and then refuses the right one", async () => {
    const embedded = await startStack({}, { shippedThrottle: true, embedded: true });
    try {
      const account = await register(embedded.url);
      await Promise.all(
        Array.from({ length: 30 }, () => login(embedded.url, account.email, WRONG, clientIp())),
      );
      const verified = await failuresRecorded(embedded.db, {
        email: account.email,
      });
      expect(verified).toBeGreaterThan(0);
      expect(verified).toBeLessThanOrEqual(5);
      const right = await login(embedded.url, account.email, account.password, clientIp());
      expect(right.data?.login).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    } finally {
      await embedded.stop();
    }
  }, 60_000);
});
