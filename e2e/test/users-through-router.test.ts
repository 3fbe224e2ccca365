import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { isNull } from "drizzle-orm";
import { SignJWT, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_TOKEN } from "@storefront/platform/auth";
import { routerConfigFrom, startRouter } from "@storefront/router";
import { composeSupergraph, readSupergraphConfig } from "@storefront/schema";
import { startTestRouter } from "@storefront/router/testing";
import {
  countSql,
  execute,
  executeOk,
  startTestSubgraph,
  uniqueEmail,
  type TestSubgraph,
} from "@storefront/testkit";
import { usersConfigFrom, usersDbSchema, usersModule } from "@storefront/users";

type Users = TestSubgraph<typeof usersDbSchema>;
let users: Users;
let router: Awaited<ReturnType<typeof startTestRouter>>;
const usersLog: { requestId?: string; msg?: string }[] = [];

beforeAll(async () => {
  // The users subgraph logs into memory so the test can see which request ids reached it.
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        usersLog.push(JSON.parse(line) as (typeof usersLog)[number]);
      done();
    },
  });
  users = await startTestSubgraph(usersModule(usersConfigFrom({})), { log: pino({ level: "info" }, sink) });
  router = await startTestRouter([{ name: "users", url: users.url }]);
});
afterAll(async () => {
  await router?.stop();
  await users?.stop();
});

const SESSION = `accessToken refreshToken user { id email role }`;
type Session = {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; role: string };
};

async function registerThroughRouter(): Promise<Session & { email: string }> {
  const email = uniqueEmail();
  const data = await executeOk<{ register: Session }>(
    router.url,
    `mutation($i: RegisterInput!) { register(input: $i) { ... on AuthSession { ${SESSION} } } }`,
    { variables: { i: { email, password: "correct horse battery", name: "Router User" } } },
  );
  return { ...data.register, email };
}

describe("sign-up and sign-in through the router", () => {
  it("register, login, me and refresh all work at the router", async () => {
    const account = await registerThroughRouter();
    const login = await executeOk<{ login: Session }>(
      router.url,
      `mutation($i: LoginInput!) { login(input: $i) { ... on AuthSession { ${SESSION} } } }`,
      { variables: { i: { email: account.email, password: "correct horse battery" } } },
    );
    const me = await executeOk<{ me: { id: string; email: string } }>(router.url, `{ me { id email } }`, {
      token: login.login.accessToken,
    });
    expect(me.me).toEqual({ id: account.user.id, email: account.email });
    const refreshed = await executeOk<{ refresh: Session }>(
      router.url,
      `mutation($t: String!) { refresh(refreshToken: $t) { ${SESSION} } }`,
      {
        variables: { t: login.login.refreshToken },
      },
    );
    const meAgain = await executeOk<{ me: { id: string } }>(router.url, `{ me { id } }`, {
      token: refreshed.refresh.accessToken,
    });
    expect(meAgain.me.id).toBe(account.user.id);
  });

  it("refuses a NUL or a made-up country in an address at the router, naming the field, writing nothing", async () => {
    const account = await registerThroughRouter();
    const address = {
      fullName: "Ada Lovelace",
      line1: "12 Analytical Way",
      city: "London",
      postalCode: "N1 9GU",
    };
    for (const [input, field] of [
      [{ ...address, country: "GB", line1: "12\u0000Analytical Way" }, "line1"],
      [{ ...address, country: "XX" }, "country"],
      [{ ...address, country: "GB", phone: "call me maybe" }, "phone"],
    ] as const) {
      const result = await execute(
        router.url,
        `mutation($i: AddressInput!) { addAddress(input: $i) { id } }`,
        { variables: { i: input }, token: account.accessToken },
      );
      expect(result.status).toBe(200);
      expect(result.errors?.[0]?.extensions, field).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const book = await executeOk<{ me: { addresses: unknown[] } }>(
      router.url,
      `{ me { addresses { id } } }`,
      {
        token: account.accessToken,
      },
    );
    expect(book.me.addresses).toEqual([]);
  });

  it("propagates the caller's request id to the subgraph and echoes it", async () => {
    const requestId = `test-${Date.now()}`;
    const result = await execute(router.url, `{ me { id } }`, { headers: { "x-request-id": requestId } });
    expect(result.headers.get("x-request-id")).toBe(requestId);
    expect(usersLog.some((line) => line.requestId === requestId && line.msg === "graphql operation")).toBe(
      true,
    );
  });
});

describe("access tokens that must be refused", () => {
  let key: CryptoKey;
  let kid: string;
  let subject: Session;

  beforeAll(async () => {
    subject = await registerThroughRouter();
    // Sign with the real key, so each token fails for exactly one reason.
    const [row] = await users.database.db
      .select()
      .from(usersDbSchema.signingKeys)
      .where(isNull(usersDbSchema.signingKeys.retiresAt))
      .limit(1);
    kid = row!.kid;
    key = (await importJWK(row!.privateJwk as JWK, "ES256")) as CryptoKey;
  });

  const sign = (claims: { aud?: string; exp?: number; iss?: string }) =>
    new SignJWT({ role: "CUSTOMER" })
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject(subject.user.id)
      .setIssuer(claims.iss ?? ACCESS_TOKEN.issuer)
      .setAudience(claims.aud ?? ACCESS_TOKEN.audience)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(key);

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

  const cases: [string, () => Promise<string>][] = [
    ["expired", () => sign({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ["wrong audience", () => sign({ aud: "someone-else" })],
    ["wrong issuer", () => sign({ iss: "not-us" })],
    [
      "foreign-key",
      async () => {
        const { privateKey } = await generateKeyPair("ES256");
        return new SignJWT({ role: "ADMIN" })
          .setProtectedHeader({ alg: "ES256", kid })
          .setSubject(subject.user.id)
          .setIssuer(ACCESS_TOKEN.issuer)
          .setAudience(ACCESS_TOKEN.audience)
          .setExpirationTime("5m")
          .sign(privateKey);
      },
    ],
    [
      "tampered",
      () => {
        const [header, , signature] = subject.accessToken.split(".");
        return Promise.resolve(
          `${header}.${b64({ sub: subject.user.id, role: "ADMIN", aud: ACCESS_TOKEN.audience, iss: ACCESS_TOKEN.issuer, exp: 4102444800 })}.${signature}`,
        );
      },
    ],
    [
      "alg none",
      () =>
        Promise.resolve(
          `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: subject.user.id, role: "ADMIN", aud: ACCESS_TOKEN.audience, iss: ACCESS_TOKEN.issuer, exp: 4102444800 })}.`,
        ),
    ],
  ];

  it.each(cases)("a %s token is UNAUTHENTICATED at the router and at the subgraph", async (_name, make) => {
    const token = await make();
    for (const url of [router.url, users.url]) {
      const result = await execute(url, `{ me { id } }`, { token });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.data ?? null).toBeNull();
    }
  });

  it("the valid token signed the same way is accepted (the cases above fail for their one reason)", async () => {
    const result = await executeOk<{ me: { id: string } }>(router.url, `{ me { id } }`, {
      token: await sign({}),
    });
    expect(result.me.id).toBe(subject.user.id);
  });
});

describe("entity batching", () => {
  it("resolves 100 User references with exactly one SQL statement", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push((await registerThroughRouter()).user.id);
    const { result, statements } = await countSql({ users: users.database }, () =>
      executeOk<{ _entities: { id: string; name: string }[] }>(
        users.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name createdAt } } }`,
        { variables: { r: ids.map((id) => ({ __typename: "User", id })) } },
      ),
    );
    expect(result._entities.map((u) => u.id)).toEqual(ids);
    expect(statements.users).toBe(1);
  }, 120_000);
});

describe("router operations endpoints", () => {
  it("serves /health and /ready, and /metrics with per-subgraph series on its own port", async () => {
    const base = new URL(router.url).origin;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    await execute(router.url, `{ me { id } }`);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const metrics = await (await fetch(router.metricsUrl)).text();
    expect(metrics).toMatch(/subgraph_fetches_total\{[^}]*subgraph="users"/);
    expect(metrics).toMatch(/graphql_operations_total\{/);
  });

  it("reloads the supergraph when its file changes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "supergraph-"));
    const file = path.join(dir, "supergraph.graphql");
    const [source] = readSupergraphConfig().filter((s) => s.name === "users");
    const withoutAudit = source!.sdl.replace(/\n\s*"Security events[^\n]*\n\s*auditLog\([^\n]*\n/, "\n");
    expect(withoutAudit).not.toContain("auditLog(");
    writeFileSync(file, composeSupergraph([{ ...source!, sdl: withoutAudit, url: users.url }]));
    const watching = await startRouter({
      ...routerConfigFrom({
        ROUTER_PORT: "0",
        ROUTER_METRICS_PORT: "0",
        LOG_LEVEL: "silent",
        JWKS_URL: new URL("/.well-known/jwks.json", users.url).toString(),
      }),
      supergraphPath: file,
    });
    try {
      const before = await execute(watching.url, `{ auditLog { nodes { id } } }`);
      expect(before.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      writeFileSync(file, composeSupergraph([{ ...source!, url: users.url }]));
      let after = before;
      for (let i = 0; i < 50 && after.errors?.[0]?.extensions?.code === "GRAPHQL_VALIDATION_FAILED"; i++) {
        await new Promise((r) => setTimeout(r, 200));
        after = await execute(watching.url, `{ auditLog { nodes { id } } }`);
      }
      // The field now exists and reaches the subgraph, which refuses a guest.
      expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    } finally {
      await watching.stop();
    }
  });
});
