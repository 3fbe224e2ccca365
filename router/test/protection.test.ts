import http from "node:http";
import type { AddressInfo } from "node:net";
import { execute, testAccounts } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_KEY,
  codeOf,
  isolatedRedis,
  metric,
  send,
  startRouterOver,
  startSubgraphs,
  type Subgraphs,
} from "./support";

type Router = Awaited<ReturnType<typeof startRouterOver>>;
let subgraphs: Subgraphs;
const routers: Router[] = [];
const startRouter = async (env: Record<string, string> = {}, list = subgraphs.list) => {
  const router = await startRouterOver(list, env);
  routers.push(router);
  return router;
};

beforeAll(async () => {
  subgraphs = await startSubgraphs();
});
afterAll(async () => {
  for (const router of routers) await router.stop();
  await subgraphs?.stop();
});

describe("operation limits", () => {
  let router: Router;
  beforeAll(async () => {
    router = await startRouter({
      MAX_DEPTH: "4",
      MAX_ALIASES: "3",
      MAX_ROOT_FIELDS: "3",
      MAX_TOKENS: "200",
      MAX_DIRECTIVES: "3",
      MAX_COST: "500",
      MAX_BATCH_SIZE: "2",
      MAX_REQUEST_BYTES: "3000",
      RATE_LIMIT_PER_MINUTE: "0",
    });
  });

  const refusedWith = async (code: string, query: string, variables: Record<string, unknown> = {}) => {
    const reply = await send(router.url, { query, variables });
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe(code);
    expect(reply.body.data ?? null).toBeNull();
    return reply;
  };
  const allowed = async (query: string, variables: Record<string, unknown> = {}) => {
    const reply = await send(router.url, { query, variables });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.status).toBe(200);
  };

  it("depth", async () => {
    await allowed(`{ products(first: 1) { nodes { category { name } } } }`);
    const reply = await refusedWith(
      "DEPTH_LIMIT_EXCEEDED",
      `{ products(first: 1) { nodes { category { parent { name } } } } }`,
    );
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({ limit: 4, actual: 5 });
    // Fragments count where they are spread.
    await refusedWith(
      "DEPTH_LIMIT_EXCEEDED",
      `query { products(first: 1) { nodes { ...P } } } fragment P on Product { category { parent { id } } }`,
    );
  });

  it("aliases", async () => {
    await allowed(`{ categories { a: id b: slug c: name } }`);
    await refusedWith("ALIAS_LIMIT_EXCEEDED", `{ categories { a: id b: slug c: name d: description } }`);
  });

  it("root fields", async () => {
    await allowed(`{ categories { id } me { id } category(slug: "none") { id } }`);
    await refusedWith(
      "ROOT_FIELD_LIMIT_EXCEEDED",
      `{ categories { id } me { id } category(slug: "none") { id } product(slug: "none") { id } }`,
    );
  });

  it("tokens, counted by the lexer before the document is parsed", async () => {
    await allowed(`{ ${"__typename ".repeat(190)} }`);
    const reply = await refusedWith("TOKEN_LIMIT_EXCEEDED", `{ ${"__typename ".repeat(250)} }`);
    expect(reply.body.errors?.[0]?.extensions?.limit).toBe(200);
    expect(await metric(router.metricsUrl, "router_rejections_total", { reason: "tokens" })).toBe(1);
  });

  it("directives", async () => {
    await allowed(`{ categories { id @include(if: true) slug @skip(if: false) name @include(if: true) } }`);
    await refusedWith(
      "DIRECTIVE_LIMIT_EXCEEDED",
      `{ categories { id @include(if: true) slug @skip(if: false) name @include(if: true) description @skip(if: false) } }`,
    );
  });

  it("estimated cost, with page sizes from arguments, variables and schema defaults", async () => {
    // @listSize on products: 1 + 100 × Product 1 (scalars are free)
    await allowed(`{ products(first: 100) { nodes { id name } } }`);
    // 1 + 100 × (1 + variants 10 × 1) = 1101
    const reply = await refusedWith(
      "COST_LIMIT_EXCEEDED",
      `{ products(first: 100) { nodes { id name variants { id sku } } } }`,
    );
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({ limit: 500, actual: 1101 });
    const byVariable = `query($n: Int) { products(first: $n) { nodes { id name } } }`;
    await allowed(byVariable, { n: 10 });
    await refusedWith("COST_LIMIT_EXCEEDED", byVariable, { n: 1000 });
    // No `first`: the schema default (20) applies: 1 + 20 × (1 + 3 lists × 10) = 621.
    const byDefault = await refusedWith(
      "COST_LIMIT_EXCEEDED",
      `{ products { nodes { variants { id } images { url } attributes { name } } } }`,
    );
    expect(byDefault.body.errors?.[0]?.extensions?.actual).toBe(621);
    expect(await metric(router.metricsUrl, "router_rejections_total", { reason: "cost" })).toBe(3);
  });

  it("request size: HTTP 413", async () => {
    const reply = await send(router.url, { query: `{ categories { id } } # ${"x".repeat(4000)}` });
    expect(reply.status).toBe(413);
    expect(codeOf(reply)).toBe("PAYLOAD_TOO_LARGE");
    expect(await metric(router.metricsUrl, "router_rejections_total", { reason: "payload_too_large" })).toBe(
      1,
    );
  });

  it("batches: allowed up to MAX_BATCH_SIZE, each operation checked on its own", async () => {
    const ok = await fetch(router.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { query: `{ categories { slug } }` },
        { query: `{ products(first: 1) { nodes { category { parent { name } } } } }` },
      ]),
    });
    const results = (await ok.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] }[];
    expect(results).toHaveLength(2);
    expect(results[0]!.data).toMatchObject({ categories: expect.any(Array) as unknown });
    expect(results[1]!.errors?.[0]?.extensions.code).toBe("DEPTH_LIMIT_EXCEEDED");

    const tooMany = await send(router.url, [
      { query: `{ categories { id } }` },
      { query: `{ categories { id } }` },
      { query: `{ categories { id } }` },
    ]);
    expect(tooMany.status).toBe(400);
    expect(codeOf(tooMany)).toBe("BATCH_LIMIT_EXCEEDED");
  });
});

describe("operation timeout", () => {
  it("answers OPERATION_TIMEOUT instead of hanging, and abandons the subgraph fetch", async () => {
    let closed = 0;
    let received = 0;
    // A catalogue that accepts requests and never answers.
    const stuck = http.createServer((req) => {
      received += 1;
      req.on("close", () => (closed += 1));
    });
    await new Promise<void>((resolve) => stuck.listen(0, "127.0.0.1", resolve));
    try {
      const router = await startRouter({ OPERATION_TIMEOUT_MS: "300", SUBGRAPH_TIMEOUT_MS: "30000" }, [
        { name: "users", url: subgraphs.users.url },
        { name: "catalogue", url: `http://127.0.0.1:${(stuck.address() as AddressInfo).port}/graphql` },
      ]);
      const started = Date.now();
      const reply = await send(router.url, { query: `{ categories { id } }` });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(reply.status).toBeLessThan(500);
      expect(codeOf(reply)).toBe("OPERATION_TIMEOUT");
      expect(received).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(closed).toBe(1);
      expect(await metric(router.metricsUrl, "router_rejections_total", { reason: "timeout" })).toBe(1);
    } finally {
      stuck.closeAllConnections();
      await new Promise((resolve) => stuck.close(resolve));
    }
  });
});

describe("rate limits", () => {
  const QUERY = { query: `{ __typename }` };

  it("per client address, then 429 with Retry-After and RATE_LIMITED; a signed-in user has a budget of their own", async () => {
    const router = await startRouter({ RATE_LIMIT_PER_MINUTE: "3" });
    for (let i = 0; i < 3; i++) expect((await send(router.url, QUERY)).status).toBe(200);
    const refused = await send(router.url, QUERY);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.errors?.[0]?.extensions).toEqual({
      code: "RATE_LIMITED",
      retryAfterSeconds: retryAfter,
    });
    expect(await metric(router.metricsUrl, "router_rejections_total", { reason: "rate_limited" })).toBe(1);

    const customer = await testAccounts(subgraphs.users).customer();
    const signedIn = await send(router.url, QUERY, {
      headers: { authorization: `Bearer ${customer.token}` },
    });
    expect(signedIn.status).toBe(200);
    // An API-key client is counted by its name, apart from its address.
    expect((await send(router.url, QUERY, { headers: { "x-api-key": APP_KEY } })).status).toBe(200);
  });

  it("behind a trusted proxy, counts the address the proxy saw: a spoofed X-Forwarded-For buys no new budget", async () => {
    const router = await startRouter({ RATE_LIMIT_PER_MINUTE: "2", TRUST_PROXY: "true" });
    // The proxy appends what it saw (198.51.100.7) to whatever the client wrote itself.
    const from = (written: string, seen = "198.51.100.7") =>
      send(router.url, QUERY, { headers: { "x-forwarded-for": `${written}, ${seen}` } });
    expect((await from("10.0.0.1")).status).toBe(200);
    expect((await from("10.0.0.2")).status).toBe(200);
    const refused = await from("10.0.0.3");
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe("RATE_LIMITED");
    // Another client behind the same proxy has a budget of its own.
    expect((await from("10.0.0.3", "198.51.100.8")).status).toBe(200);
  });

  it("counts every operation of a batch", async () => {
    const router = await startRouter({ RATE_LIMIT_PER_MINUTE: "3" });
    expect((await send(router.url, [QUERY, QUERY])).status).toBe(200);
    expect((await send(router.url, [QUERY, QUERY])).status).toBe(429);
  });

  it("is shared by replicas through Redis", async () => {
    const redis = { ...isolatedRedis(), RATE_LIMIT_PER_MINUTE: "3" };
    const a = await startRouter(redis);
    const b = await startRouter(redis);
    expect((await send(a.url, QUERY)).status).toBe(200);
    expect((await send(b.url, QUERY)).status).toBe(200);
    expect((await send(a.url, QUERY)).status).toBe(200);
    const refused = await send(b.url, QUERY);
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await send(a.url, QUERY)).status).toBe(429);
  });
});

describe("browsers: CORS and CSRF", () => {
  let router: Router;
  beforeAll(async () => {
    router = await startRouter({ CORS_ORIGINS: "http://localhost:3000, https://shop.example.com" });
  });

  const preflight = (origin: string) =>
    fetch(router.url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization, x-api-key",
      },
    });

  it("answers a preflight from an allowed origin with the methods and headers it may use", async () => {
    const reply = await preflight("https://shop.example.com");
    expect(reply.status).toBe(204);
    expect(reply.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(reply.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    const allowed = reply.headers.get("access-control-allow-headers")!.split(", ");
    for (const header of [
      "content-type",
      "authorization",
      "x-api-key",
      "x-cart-token",
      "x-request-id",
      "apollographql-client-name",
      "apollographql-client-version",
      "apollo-require-preflight",
    ]) {
      expect(allowed).toContain(header);
    }
  });

  it("gives a refused origin no CORS headers, on preflight or request", async () => {
    const reply = await preflight("https://evil.example.net");
    expect(reply.headers.get("access-control-allow-origin")).toBeNull();
    expect(reply.headers.get("access-control-allow-headers")).toBeNull();
    const request = await send(
      router.url,
      { query: "{ __typename }" },
      { headers: { origin: "https://evil.example.net" } },
    );
    expect(request.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets an allowed origin read the response and its request id", async () => {
    const reply = await send(
      router.url,
      { query: "{ __typename }" },
      { headers: { origin: "http://localhost:3000" } },
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(reply.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(reply.headers.get("vary")).toContain("Origin");
  });

  it("keeps CSRF prevention: a GET a browser sends cross-site is blocked unless it carries a preflighted header", async () => {
    const search = { query: "{ __typename }" };
    const blocked = await send(router.url, undefined, {
      method: "GET",
      search,
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(blocked.status).toBe(400);
    expect(blocked.body.errors?.[0]?.message).toMatch(/cross-site request forgery/);
    const preflighted: Record<string, string>[] = [
      { "apollo-require-preflight": "true" },
      { "x-api-key": APP_KEY },
    ];
    for (const headers of preflighted) {
      const reply = await send(router.url, undefined, {
        method: "GET",
        search,
        headers: { ...headers, "sec-fetch-site": "cross-site" },
      });
      expect(reply.status).toBe(200);
    }
  });
});

describe("what errors reveal", () => {
  it("in production: no introspection and no field suggestions, in validation or variable errors", async () => {
    const dev = await startRouter();
    const production = await startRouter({ NODE_ENV: "production" });
    const typo = `{ prodcts(first: 1) { nodes { id } } }`;
    const badEnum = `query($s: ProductSort) { products(sort: $s, first: 1) { nodes { id } } }`;

    expect((await execute(dev.url, typo)).errors?.[0]?.message).toMatch(/Did you mean/);
    const typoInProduction = await execute(production.url, typo);
    expect(typoInProduction.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(typoInProduction.errors?.[0]?.message).toBe('Cannot query field "prodcts" on type "Query".');

    expect((await execute(dev.url, badEnum, { variables: { s: "NEWES" } })).errors?.[0]?.message).toMatch(
      /Did you mean/,
    );
    const enumInProduction = await execute(production.url, badEnum, { variables: { s: "NEWES" } });
    expect(enumInProduction.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(enumInProduction.errors?.[0]?.message).not.toMatch(/Did you mean/);

    const introspection = `{ __schema { queryType { name } } }`;
    expect((await execute(dev.url, introspection)).data).toEqual({
      __schema: { queryType: { name: "Query" } },
    });
    const refused = await execute(production.url, introspection);
    expect(refused.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(refused.errors?.[0]?.message).toMatch(/introspection is not allowed/);
  });

  it("never a stack trace, for a bad request or a subgraph that is down", async () => {
    const down = await startRouter({}, [
      { name: "users", url: subgraphs.users.url },
      { name: "catalogue", url: "http://127.0.0.1:9/graphql" },
    ]);
    for (const body of [
      { query: "{ categories { nope } }" },
      { query: "{ categories { id } }" },
      { query: "{" },
    ]) {
      const response = await fetch(down.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toMatch(/stacktrace|\s+at\s+\S+\s+\(|node_modules|ECONNREFUSED/);
      expect((JSON.parse(text) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
  });
});
