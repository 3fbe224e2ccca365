import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { executeOk } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_KEY,
  PARTNER_KEY,
  codeOf,
  isolatedRedis,
  metric,
  send,
  startRouterOver,
  startSubgraphs,
  type Subgraphs,
} from "./support";

interface ManifestOperation {
  id: string;
  name: string;
  body: string;
}
const manifest = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../../schema/persisted/partner-example.json"), "utf8"),
) as { operations: ManifestOperation[] };
const operation = (name: string) => manifest.operations.find((o) => o.name === name)!;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let subgraphs: Subgraphs;
let routerA: Awaited<ReturnType<typeof startRouterOver>>;
let routerB: Awaited<ReturnType<typeof startRouterOver>>;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  // Two replicas sharing one Redis, as in production; the dev client config (partner-example) applies.
  const redis = isolatedRedis();
  routerA = await startRouterOver(subgraphs.list, redis);
  routerB = await startRouterOver(subgraphs.list, redis);
});
afterAll(async () => {
  await routerA?.stop();
  await routerB?.stop();
  await subgraphs?.stop();
});

/** An Apollo Client with the APQ link, recording every request body it sends. */
function apqClient(uri: string) {
  const sent: Record<string, unknown>[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    sent.push(JSON.parse(init?.body as string) as Record<string, unknown>);
    return fetch(input, init);
  };
  const link = createPersistedQueryLink({ sha256 }).concat(new HttpLink({ uri, fetch: recordingFetch }));
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), sent };
}

describe("automatic persisted queries (APQ)", () => {
  const PRODUCTS = gql`
    query ApqProducts {
      products(first: 5) {
        nodes {
          name
          price {
            amount
            currency
          }
        }
      }
    }
  `;

  it("Apollo Client registers on a miss, then sends only the hash; another replica hits through Redis", async () => {
    const a = apqClient(routerA.url);
    const first = await a.client.query({ query: PRODUCTS, fetchPolicy: "no-cache" });
    expect(first.data).toMatchObject({ products: { nodes: [{ name: "Wool blanket" }] } });
    // A hash-only attempt, PERSISTED_QUERY_NOT_FOUND, then the text with its hash (the registration).
    expect(a.sent).toHaveLength(2);
    expect(a.sent[0]).not.toHaveProperty("query");
    expect(a.sent[0]).toMatchObject({ extensions: { persistedQuery: { version: 1 } } });
    expect(a.sent[1]).toHaveProperty("query");
    expect(
      await metric(routerA.metricsUrl, "router_persisted_operations_total", { kind: "apq", outcome: "miss" }),
    ).toBe(1);
    expect(
      await metric(routerA.metricsUrl, "router_persisted_operations_total", {
        kind: "apq",
        outcome: "register",
      }),
    ).toBe(1);

    const second = await a.client.query({ query: PRODUCTS, fetchPolicy: "no-cache" });
    expect(second.data).toEqual(first.data);
    expect(a.sent).toHaveLength(3);
    expect(a.sent[2]).not.toHaveProperty("query");
    // The router served it from the cache: a hit is counted only for a request without text.
    expect(
      await metric(routerA.metricsUrl, "router_persisted_operations_total", { kind: "apq", outcome: "hit" }),
    ).toBe(1);

    const b = apqClient(routerB.url);
    const onB = await b.client.query({ query: PRODUCTS, fetchPolicy: "no-cache" });
    expect(onB.data).toEqual(first.data);
    expect(b.sent).toHaveLength(1);
    expect(b.sent[0]).not.toHaveProperty("query");
    expect(
      await metric(routerB.metricsUrl, "router_persisted_operations_total", { kind: "apq", outcome: "hit" }),
    ).toBe(1);
    expect(
      await metric(routerB.metricsUrl, "router_persisted_operations_total", { kind: "apq", outcome: "miss" }),
    ).toBe(0);
  });

  it("refuses a registration whose hash is not the SHA-256 of the text", async () => {
    const reply = await send(routerA.url, {
      query: "{ categories { id } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ something else }") } },
    });
    expect(reply.status).toBe(400);
    expect(codeOf(reply)).toBe("BAD_REQUEST");
    expect(reply.body.errors?.[0]?.message).toMatch(/not the SHA-256/);
  });
});

describe("trusted documents for a safelisted partner", () => {
  const bySlug = operation("ProductBySlug");
  const partner = { "x-api-key": PARTNER_KEY };

  it("runs a manifest operation by documentId", async () => {
    const reply = await send(
      routerA.url,
      { documentId: bySlug.id, variables: { slug: subgraphs.product.slug } },
      { headers: partner },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({
      product: {
        slug: subgraphs.product.slug,
        name: "Wool blanket",
        price: { amount: 8900, currency: "EUR" },
      },
    });
  });

  it("runs a manifest operation by extensions.persistedQuery, and by documentId over GET", async () => {
    const byHash = await send(
      routerA.url,
      {
        variables: { slug: subgraphs.product.slug },
        extensions: { persistedQuery: { version: 1, sha256Hash: bySlug.id } },
      },
      { headers: partner },
    );
    expect(byHash.body.data?.product).toMatchObject({ name: "Wool blanket" });

    // GET passes Apollo's CSRF check on the strength of x-api-key (a browser would need a preflight).
    const overGet = await send(routerB.url, undefined, {
      method: "GET",
      headers: partner,
      search: { documentId: `sha256:${operation("Categories").id}` },
    });
    expect(overGet.status).toBe(200);
    expect(overGet.body.data?.categories).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: subgraphs.categorySlug })]),
    );
    const hashOverGet = await send(routerB.url, undefined, {
      method: "GET",
      headers: partner,
      search: {
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: bySlug.id } }),
        variables: JSON.stringify({ slug: subgraphs.product.slug }),
      },
    });
    expect(hashOverGet.body.data?.product).toMatchObject({ name: "Wool blanket" });
    expect(
      await metric(routerB.metricsUrl, "router_persisted_operations_total", {
        kind: "manifest",
        outcome: "hit",
      }),
    ).toBe(2);
  });

  it("refuses free-form text, APQ registration and ids outside the manifest, with their codes", async () => {
    const freeForm = await send(routerA.url, { query: "{ categories { id } }" }, { headers: partner });
    expect(freeForm.status).toBe(400);
    expect(codeOf(freeForm)).toBe("PERSISTED_QUERY_REQUIRED");

    const text = "{ categories { id name } }";
    const registration = await send(
      routerA.url,
      { query: text, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } },
      { headers: partner },
    );
    expect(codeOf(registration)).toBe("PERSISTED_QUERY_REQUIRED");

    // Known to the APQ cache (first-party clients registered it) but not in the partner's manifest.
    await executeOk(routerA.url, text);
    const apqHashOnly = await send(
      routerA.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ categories { id } }") } } },
      { headers: partner },
    );
    expect(apqHashOnly.status).toBe(400);
    expect(codeOf(apqHashOnly)).toBe("OPERATION_NOT_IN_MANIFEST");

    const unknownId = await send(routerA.url, { documentId: "f".repeat(64) }, { headers: partner });
    expect(codeOf(unknownId)).toBe("OPERATION_NOT_IN_MANIFEST");
    expect(unknownId.body.data ?? null).toBeNull();

    const nothing = await send(routerA.url, { variables: {} }, { headers: partner });
    expect(codeOf(nothing)).toBe("PERSISTED_QUERY_REQUIRED");
    expect(
      await metric(routerA.metricsUrl, "router_rejections_total", { reason: "persisted_query_required" }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("answers an unknown or empty API key with 401 INVALID_API_KEY before any subgraph is called", async () => {
    for (const key of ["not-a-key", ""]) {
      const reply = await send(routerA.url, { documentId: bySlug.id }, { headers: { "x-api-key": key } });
      expect(reply.status).toBe(401);
      expect(codeOf(reply)).toBe("INVALID_API_KEY");
    }
    expect(await metric(routerA.metricsUrl, "router_rejections_total", { reason: "invalid_api_key" })).toBe(
      2,
    );
  });
});

describe("first-party clients", () => {
  it("may send free-form operations without a key and with a non-safelisted key", async () => {
    const query = `{ product(slug: "${subgraphs.product.slug}") { name } }`;
    expect(await executeOk(routerA.url, query)).toEqual({ product: { name: "Wool blanket" } });
    expect(await executeOk(routerA.url, query, { headers: { "x-api-key": APP_KEY } })).toEqual({
      product: { name: "Wool blanket" },
    });
  });

  it("cannot call a partner's manifest by documentId", async () => {
    const reply = await send(routerA.url, { documentId: operation("Categories").id });
    expect(codeOf(reply)).toBe("OPERATION_NOT_IN_MANIFEST");
  });
});
