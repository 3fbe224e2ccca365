import { oversizedChunkedPost } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routerConfigFrom } from "../src/env";
import { send, startRouterOver, startSubgraphs, type Subgraphs } from "./support";

type Router = Awaited<ReturnType<typeof startRouterOver>>;
let subgraphs: Subgraphs;
const routers: Router[] = [];
const startRouter = async (env: Record<string, string> = {}) => {
  const router = await startRouterOver(subgraphs.list, { RATE_LIMIT_PER_MINUTE: "0", ...env });
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

const scrape = async (metricsUrl: string) => {
  const response = await fetch(metricsUrl);
  expect(response.status).toBe(200);
  return response.text();
};
/** The distinct `operation` label values of graphql_operations_total. */
const operationLabels = (text: string) =>
  new Set(
    [...text.matchAll(/^graphql_operations_total\{[^}]*operation="([^"]*)"/gm)].map((match) => match[1]),
  );
const operationCount = (text: string, operation: string) =>
  [...text.matchAll(/^graphql_operations_total\{([^}]*)\} (\d+)/gm)]
    .filter(([, labels]) => labels!.includes(`operation="${operation}"`))
    .reduce((sum, [, , value]) => sum + Number(value), 0);

/** `count` operations with made-up names, ten to a batch. */
async function madeUpOperations(url: string, prefix: string, count: number) {
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, i) => ({
      query: `query ${prefix}${start + i} { __typename }`,
    }));
    const reply = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(batch),
    });
    expect(reply.status).toBe(200);
  }
}

describe("metrics port", () => {
  it("the router serves /metrics on its own port, and the public port answers 404", async () => {
    const router = await startRouter();
    expect(router.metricsPort).toBeGreaterThan(0);
    expect(router.metricsPort).not.toBe(router.port);
    expect(router.metricsUrl).toBe(`http://localhost:${router.metricsPort}/metrics`);
    await send(router.url, { query: "query Categories { categories { id } }" });
    const origin = new URL(router.url).origin;
    expect((await fetch(`${origin}/metrics`)).status).toBe(404);
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    expect((await fetch(`${origin}/ready`)).status).toBe(200);
    const text = await scrape(router.metricsUrl);
    expect(text).toMatch(/subgraph_fetches_total\{[^}]*subgraph="catalogue"/);
    // A fetch's time is kept by outcome too: slow failures apart from slow answers.
    expect(text).toMatch(
      /subgraph_fetch_duration_seconds_count\{(?=[^}]*subgraph="catalogue")(?=[^}]*outcome="ok")/,
    );
    expect(text).toMatch(/graphql_operations_total\{operation="Categories",type="query",outcome="ok"/);
  });

  it("a subgraph serves /metrics on its own port too", async () => {
    const { users } = subgraphs;
    expect(users.metricsPort).not.toBe(users.port);
    expect((await fetch(`${new URL(users.url).origin}/metrics`)).status).toBe(404);
    expect(await scrape(users.metricsUrl)).toMatch(/http_requests_total\{[^}]*service="users"/);
  });

  it("defaults to port 9090 for the router, and ROUTER_METRICS_PORT moves it", () => {
    expect(routerConfigFrom({}).metricsPort).toBe(9090);
    expect(routerConfigFrom({ ROUTER_METRICS_PORT: "9190" }).metricsPort).toBe(9190);
    expect(() => routerConfigFrom({ ROUTER_METRICS_PORT: "http" })).toThrow(/ROUTER_METRICS_PORT/);
  });
});

describe("operation labels", () => {
  it("500 made-up operation names add a bounded number of series, the rest counted as other", async () => {
    const router = await startRouter();
    await madeUpOperations(router.url, "Warmup", 1);
    const before = await scrape(router.metricsUrl);

    await madeUpOperations(router.url, "MadeUp", 500);
    const after = await scrape(router.metricsUrl);
    const labels = operationLabels(after);
    // The first 100 names other than the manifests' keep a label (one was the warm-up), then `other`.
    expect(labels.size).toBeLessThanOrEqual(101);
    expect(labels.has("other")).toBe(true);
    expect(operationCount(after, "other")).toBe(401);
    expect(labels.has("MadeUp98")).toBe(true);
    expect(labels.has("MadeUp99")).toBe(false);
    // Each labelled name costs a counter and a histogram (~14 series): 99 names stay well under 250 KB,
    // where 500 would have been over 1 MB.
    expect(after.length - before.length).toBeLessThan(250_000);

    // A second round of new names adds nothing: they are all `other`.
    await madeUpOperations(router.url, "MoreMadeUp", 200);
    const later = await scrape(router.metricsUrl);
    expect(operationLabels(later)).toEqual(labels);
    expect(operationCount(later, "other")).toBe(601);
    expect(later.length - after.length).toBeLessThan(200);
  });

  it("an operation of a persisted manifest keeps its name after the budget is spent", async () => {
    const router = await startRouter({ METRICS_MAX_OPERATION_NAMES: "5" });
    await madeUpOperations(router.url, "Invented", 50);
    // AddToCart and ProductPage are operations of the storefront's manifest (schema/persisted/web.json).
    await send(router.url, { query: "query ProductPage { __typename }" });
    await send(router.url, { query: "query AddToCart { __typename }" });
    const text = await scrape(router.metricsUrl);
    const labels = operationLabels(text);
    expect(labels).toContain("ProductPage");
    expect(labels).toContain("AddToCart");
    expect(labels).toContain("other");
    expect([...labels].filter((label) => label!.startsWith("Invented"))).toHaveLength(5);
    expect(operationCount(text, "other")).toBe(45);
  });
});

describe("an oversized chunked body", () => {
  it("is answered 413 by the router and the connection closed, so the next request does not hang", async () => {
    const router = await startRouter({ MAX_REQUEST_BYTES: "3000" });
    const reply = await oversizedChunkedPost(router.port, { totalBytes: 500_000 });
    expect(reply.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.head).toMatch(/\r\nconnection: close\r\n/i);
    expect(reply.body).toContain("PAYLOAD_TOO_LARGE");
    expect(reply.secondAnswered || reply.closed).toBe(true);
    expect((await fetch(`${new URL(router.url).origin}/health`)).status).toBe(200);
  });

  it("is answered 413 by a subgraph and the connection closed the same way", async () => {
    const reply = await oversizedChunkedPost(subgraphs.catalogue.port, { totalBytes: 2_000_000 });
    expect(reply.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.secondAnswered || reply.closed).toBe(true);
    expect((await fetch(`${new URL(subgraphs.catalogue.url).origin}/health`)).status).toBe(200);
  });
});
