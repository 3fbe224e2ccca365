import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { subscribe, waitFor } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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
/**
 * users and catalogue run; orders is in the graph (checkout, subscriptions) but never reached:
 * everything it is asked here is refused before a subgraph is called.
 */
const startRouter = async (env: Record<string, string> = {}) => {
  const router = await startRouterOver(
    [...subgraphs.list, { name: "orders", url: "http://127.0.0.1:9/graphql" }],
    env,
  );
  routers.push(router);
  return router;
};

const BUDGETED_KEY = "test-only-budgeted-partner-key";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** A clients file with one partner whose bucket holds 30 points and refills `restoreRate` a second. */
function clientsFile(restoreRate = 5): string {
  const dir = mkdtempSync(path.join(tmpdir(), "router-cost-"));
  const file = path.join(dir, "clients.json");
  writeFileSync(
    file,
    JSON.stringify({
      clients: [
        {
          name: "budgeted-partner",
          apiKeySha256: sha256(BUDGETED_KEY),
          safelisted: false,
          costBudget: { maximumAvailable: 30, restoreRatePerSecond: restoreRate },
        },
      ],
    }),
  );
  return file;
}

beforeAll(async () => {
  subgraphs = await startSubgraphs();
});
afterAll(async () => {
  for (const router of routers) await router.stop();
  await subgraphs?.stop();
});

describe("the cost the subgraphs declare decides the limit", () => {
  let router: Router;
  beforeAll(async () => {
    router = await startRouter({ MAX_COST: "25", RATE_LIMIT_PER_MINUTE: "0" });
  });

  it("admits a wide page of scalars that the old every-field-costs-1 rule refused", async () => {
    // Old rule: 1 + 8 × (nodes 1 + 4 scalars) = 41 > 25. Now: 1 + 8 × Product 1 = 9.
    const reply = await send(router.url, {
      query: `{ products(first: 8) { nodes { id name slug description } } }`,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
  });

  it("refuses a full-text search (ProductFilter.query @cost 20) that the old rule admitted", async () => {
    const browse = await send(router.url, {
      query: `query($f: ProductFilter) { products(first: 5, filter: $f) { nodes { id } } }`,
      variables: { f: { inStock: true } },
    });
    expect(browse.status).toBe(200);
    // Old rule: 1 + 5 × 2 = 11. Now: 1 + 5 + 20 = 26.
    const search = await send(router.url, {
      query: `query($f: ProductFilter) { products(first: 5, filter: $f) { nodes { id } } }`,
      variables: { f: { query: "wool" } },
    });
    expect(search.status).toBe(400);
    expect(search.body.errors?.[0]?.extensions).toEqual({
      code: "COST_LIMIT_EXCEEDED",
      limit: 25,
      actual: 26,
    });
  });

  it("refuses checkout (@cost 50 on a mutation) before anything is called", async () => {
    const reply = await send(router.url, {
      query: `mutation($input: CheckoutInput!) { checkout(input: $input) { __typename } }`,
      variables: { input: {} },
    });
    // Old rule: 1. Now: mutation 10 + checkout 50; refused before the variables are even looked at.
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.extensions).toEqual({
      code: "COST_LIMIT_EXCEEDED",
      limit: 25,
      actual: 60,
    });
  });

  it("refuses a connection asked for with first: null as a validation error", async () => {
    const reply = await send(router.url, { query: `{ products(first: null) { nodes { id } } }` });
    // Like every validation error: 200 under application/json (GraphQL over HTTP), nothing run.
    expect(reply.status).toBe(200);
    expect(reply.body.data ?? null).toBeNull();
    expect(codeOf(reply)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(reply.body.errors?.[0]?.message).toBe(
      "`Query.products` needs exactly one of its slicing arguments (`first`); none was given.",
    );
  });

  it("reports extensions.cost when the request asks with extensions: { cost: true }", async () => {
    const query = `{ products(first: 4) { nodes { id price { amount } } } }`;
    const asked = await send(router.url, { query, extensions: { cost: true } });
    expect(asked.status).toBe(200);
    expect((asked.body as { extensions?: unknown }).extensions).toEqual({
      cost: { requestedQueryCost: 1 + 4 * 2, maximumQueryCost: 25 },
    });
    const notAsked = await send(router.url, { query });
    expect((notAsked.body as { extensions?: unknown }).extensions).toBeUndefined();
  });

  it("shows the refusal's code to an Apollo Client 4 app", async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: router.url }), cache: new InMemoryCache() });
    const error = await client
      .query({
        query: gql`
          query Search {
            products(first: 5, filter: { query: "wool" }) {
              nodes {
                id
              }
            }
          }
        `,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    const errors = (error as CombinedGraphQLErrors).errors;
    expect(errors[0]?.extensions).toEqual({ code: "COST_LIMIT_EXCEEDED", limit: 25, actual: 26 });
  });
});

describe("per-client cost budgets", () => {
  // 1 + 20 (products' default page) × Product 1
  const QUERY = { query: `{ products { nodes { id } } }`, extensions: { cost: true } };
  const keyed = { headers: { "x-api-key": BUDGETED_KEY } };

  it("takes each operation's cost from the bucket, throttles with Retry-After, then refills", async () => {
    const router = await startRouter({ CLIENTS_FILE: clientsFile(), RATE_LIMIT_PER_MINUTE: "0" });
    const first = await send(router.url, QUERY, keyed);
    expect(first.status).toBe(200);
    const firstCost = (first.body as { extensions?: { cost?: { throttleStatus?: unknown } } }).extensions
      ?.cost;
    expect(firstCost).toMatchObject({
      requestedQueryCost: 21,
      throttleStatus: { maximumAvailable: 30, currentlyAvailable: 9, restoreRate: 5 },
    });
    const refused = await send(router.url, QUERY, keyed);
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    // About 9 left of 30; 21 needs about 2.4 s more at 5 a second.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3);
    const extensions = refused.body.errors?.[0]?.extensions as {
      retryAfterSeconds: number;
      cost: { requestedQueryCost: number; throttleStatus: Record<string, number> };
    };
    expect(extensions.retryAfterSeconds).toBe(retryAfter);
    expect(extensions.cost.requestedQueryCost).toBe(21);
    expect(extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 30, restoreRate: 5 });
    expect(extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(21);
    expect((refused.body as { extensions?: { cost?: unknown } }).extensions?.cost).toEqual(extensions.cost);
    expect(await metric(router.metricsUrl, "router_rejections_total", { reason: "cost_budget" })).toBe(1);

    // Callers without the key are not touched by the partner's bucket.
    expect((await send(router.url, QUERY)).status).toBe(200);
    // The bucket refills at 5 a second: admitted again once 21 points are back.
    const refilled = await waitFor(
      () => send(router.url, QUERY, keyed),
      (reply) => reply.status === 200,
      5_000,
    );
    expect(refilled.body.errors).toBeUndefined();
  });

  it("refuses an operation the bucket could never hold with COST_LIMIT_EXCEEDED, not a retry", async () => {
    const router = await startRouter({ CLIENTS_FILE: clientsFile(), RATE_LIMIT_PER_MINUTE: "0" });
    const reply = await send(router.url, { query: `{ products(first: 40) { nodes { id } } }` }, keyed);
    expect(reply.status).toBe(400);
    expect(reply.headers.get("retry-after")).toBeNull();
    expect(reply.body.errors?.[0]?.extensions).toEqual({
      code: "COST_LIMIT_EXCEEDED",
      limit: 30,
      actual: 41,
    });
  });

  it("is shared by replicas through Redis", async () => {
    const env = { ...isolatedRedis(), CLIENTS_FILE: clientsFile(), RATE_LIMIT_PER_MINUTE: "0" };
    const a = await startRouter(env);
    const b = await startRouter(env);
    expect((await send(a.url, QUERY, keyed)).status).toBe(200);
    const refused = await send(b.url, QUERY, keyed);
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("applies to a subscription's subscribe through the same admission", async () => {
    // A point every 100 seconds: nothing comes back while the test runs.
    const router = await startRouter({ CLIENTS_FILE: clientsFile(0.01), RATE_LIMIT_PER_MINUTE: "0" });
    // 21 of 30 spent; the subscribe costs OrderStatusEvent 1 + order 1 + lines 10 × 1 = 12.
    expect((await send(router.url, QUERY, keyed)).status).toBe(200);
    const probe = subscribe(
      router.url,
      `subscription($id: ID!) { orderStatusChanged(orderId: $id) { order { id lines { quantity } } } }`,
      {
        variables: { id: "00000000-0000-0000-0000-000000000000" },
        connectionParams: { "x-api-key": BUDGETED_KEY },
      },
    );
    await probe.ended;
    const [refusal] = probe.results;
    expect(refusal?.errors?.[0]?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      cost: { requestedQueryCost: 12, throttleStatus: { maximumAvailable: 30, currentlyAvailable: 9 } },
    });
    await probe.close();
  });
});
