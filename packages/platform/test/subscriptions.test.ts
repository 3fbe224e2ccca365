import { randomUUID } from "node:crypto";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { subscriptionBaseContext, type RequestContext } from "../src/context";
import { unauthenticated } from "../src/errors";
import { type RunningHttpService } from "../src/http";
import { createLogger } from "../src/logger";
import { createServiceMetrics } from "../src/metrics";
import { currentRequestScope } from "../src/request-scope";
import { startSubgraphServer } from "../src/subgraph";

/** A subgraph with one subscription, served by the platform's graphql-ws server. */
const typeDefs = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { ping: String }
  type Tick { n: Int!, internalCaller: Boolean!, contextId: String!, scopeRequestId: String }
  type Subscription { ticks(count: Int!): Tick! }
`;
type Context = RequestContext & { contextId: string };
const log = createLogger({ service: "subscriptions-test", level: "silent" });
const SERVICE_TOKEN = "a-service-token-long-enough-0123456789";
let server: RunningHttpService;

beforeAll(async () => {
  server = await startSubgraphServer<Context>({
    name: "subscriptions-test",
    port: 0,
    typeDefs,
    resolvers: {
      Query: { ping: () => "pong" },
      Subscription: {
        ticks: {
          subscribe: async function* (_: unknown, args: { count: number }) {
            for (let n = 1; n <= args.count; n++) yield await Promise.resolve({ n });
          },
          resolve: (event: { n: number }) => event,
        },
      },
      Tick: {
        internalCaller: (_: unknown, __: unknown, ctx: Context) => ctx.internalCaller,
        contextId: (_: unknown, __: unknown, ctx: Context) => ctx.contextId,
        scopeRequestId: () => currentRequestScope()?.requestId ?? null,
      },
    },
    log,
    metrics: createServiceMetrics("subscriptions-test"),
    context: () => Promise.reject(unauthenticated()),
    readiness: {},
    subscriptions: {
      connect: async (req, params) => ({
        ...(await subscriptionBaseContext(
          req,
          params,
          { requestId: String(params["x-request-id"]), sqlStatements: 0 },
          () => Promise.reject(unauthenticated()),
          log,
        )),
        contextId: randomUUID(),
      }),
      perEvent: (context) => ({ ...context, contextId: randomUUID() }),
    },
  });
});
afterAll(async () => {
  await server?.close(100);
});

function client(params: Record<string, unknown>): Client {
  return createClient({
    url: server.url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: params,
  });
}

async function collect(c: Client, query: string): Promise<{ data?: unknown; errors?: unknown[] }[]> {
  const results: { data?: unknown; errors?: unknown[] }[] = [];
  await new Promise<void>((resolve, reject) => {
    c.subscribe({ query }, { next: (r) => results.push(r as never), error: reject, complete: resolve });
  });
  return results;
}

describe("subgraph subscriptions (graphql-ws)", () => {
  it("runs each event with a fresh context, in a request scope carrying the forwarded request id", async () => {
    const c = client({ "x-request-id": "req-from-router-1" });
    const results = await collect(c, `subscription { ticks(count: 2) { n contextId scopeRequestId } }`);
    await c.dispose();
    const ticks = results.map(
      (r) => (r.data as { ticks: { n: number; contextId: string; scopeRequestId: string } }).ticks,
    );
    expect(ticks.map((t) => t.n)).toEqual([1, 2]);
    // Per-request caches (DataLoaders) live in the context: never shared between events.
    expect(ticks[0]!.contextId).not.toBe(ticks[1]!.contextId);
    expect(ticks.map((t) => t.scopeRequestId)).toEqual(["req-from-router-1", "req-from-router-1"]);
  });

  it("never treats a socket as an internal caller, even with the service credential", async () => {
    const c = client({ "x-request-id": "req-2", "x-service-token": SERVICE_TOKEN });
    const results = await collect(c, `subscription { ticks(count: 1) { internalCaller } }`);
    await c.dispose();
    expect(results).toEqual([{ data: { ticks: { internalCaller: false } } }]);
  });

  it("refuses queries and mutations over the socket with BAD_REQUEST", async () => {
    const c = client({ "x-request-id": "req-3" });
    const results = await collect(c, `{ ping }`);
    await c.dispose();
    expect(results).toHaveLength(1);
    expect(results[0]!.data).toBeUndefined();
    expect(results[0]!.errors).toEqual([expect.objectContaining({ extensions: { code: "BAD_REQUEST" } })]);
  });
});

describe("subscriptions that carry their own caller (one connection shared by many clients)", () => {
  const viewerOf = (presented: string) => {
    const [userId, expiry] = presented.split(".");
    const expiresAt = Number(expiry);
    if (!userId || !Number.isInteger(expiresAt) || expiresAt * 1000 <= Date.now())
      return Promise.reject(unauthenticated("The access token is invalid."));
    return Promise.resolve({ userId, role: "CUSTOMER" as const, expiresAt, sessionId: undefined });
  };
  const bearer = (user: string, ttlSeconds = 600) =>
    `Bearer ${user}.${Math.floor(Date.now() / 1000) + ttlSeconds}`;
  let shared: RunningHttpService;

  beforeAll(async () => {
    shared = await startSubgraphServer<RequestContext>({
      name: "per-subscription-test",
      port: 0,
      typeDefs: `
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { ping: String }
        type Subscription { whoami: String, waiting: Int }
      `,
      resolvers: {
        Query: { ping: () => "pong" },
        Subscription: {
          whoami: {
            subscribe: async function* () {
              yield await Promise.resolve({});
            },
            resolve: (_: unknown, __: unknown, ctx: RequestContext) => ctx.viewer?.userId ?? null,
          },
          waiting: {
            // Never yields: it ends only when its subscriber leaves, or its token expires.
            subscribe: () => ({
              [Symbol.asyncIterator]() {
                return this;
              },
              next: () => new Promise<never>(() => {}),
              return: () => Promise.resolve({ done: true, value: undefined }),
            }),
            resolve: () => 1,
          },
        },
      },
      log,
      metrics: createServiceMetrics("per-subscription-test"),
      context: () => Promise.reject(unauthenticated()),
      readiness: {},
      subscriptions: {
        connect: (req, params) =>
          subscriptionBaseContext(
            req,
            params,
            { requestId: "req", sqlStatements: 0 },
            (token) => viewerOf(token),
            log,
          ),
        perEvent: (context) => context,
      },
    });
  });
  afterAll(async () => {
    await shared?.close(100);
  });

  /** Every message of one subscription, as the socket carried it. */
  function run(c: Client, query: string, headers?: Record<string, string>) {
    const results: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }[] = [];
    const ended = new Promise<void>((resolve, reject) => {
      c.subscribe(
        { query, ...(headers ? { extensions: { headers } } : {}) },
        { next: (r) => results.push(r as never), error: reject, complete: resolve },
      );
    });
    return { results, ended };
  }

  it("runs each subscription as its own caller, and refuses a bad token for that subscription only", async () => {
    let connections = 0;
    const c = createClient({
      url: shared.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: {},
      on: { connected: () => (connections += 1) },
    });
    try {
      const held = run(c, `subscription { waiting }`, { authorization: bearer("cy") });
      const ann = run(c, `subscription { whoami }`, { authorization: bearer("ann") });
      const bob = run(c, `subscription { whoami }`, { authorization: bearer("bob") });
      const guest = run(c, `subscription { whoami }`, { "x-request-id": "guest-1" });
      const bad = run(c, `subscription { whoami }`, { authorization: "Bearer not-a-token" });
      await Promise.all([ann.ended, bob.ended, guest.ended, bad.ended]);
      expect(ann.results).toEqual([{ data: { whoami: "ann" } }]);
      expect(bob.results).toEqual([{ data: { whoami: "bob" } }]);
      expect(guest.results).toEqual([{ data: { whoami: null } }]);
      expect(bad.results).toEqual([
        { errors: [{ message: "Invalid access token", extensions: { code: "UNAUTHENTICATED" } }] },
      ]);
      // One socket throughout: a refused subscription does not close it.
      expect(connections).toBe(1);
      expect(held.results).toEqual([]);
    } finally {
      await c.dispose();
    }
  });

  it("ends a subscription with UNAUTHENTICATED when its own token expires, and nothing else", async () => {
    const c = createClient({
      url: shared.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const long = run(c, `subscription { waiting }`, { authorization: bearer("ann") });
      const short = run(c, `subscription { waiting }`, { authorization: bearer("bob", 1) });
      await short.ended;
      expect(short.results).toEqual([
        { errors: [{ message: "Access token expired", extensions: { code: "UNAUTHENTICATED" } }] },
      ]);
      // ann's subscription on the same socket goes on.
      const after = run(c, `subscription { whoami }`, { authorization: bearer("ann") });
      await after.ended;
      expect(after.results).toEqual([{ data: { whoami: "ann" } }]);
      expect(long.results).toEqual([]);
    } finally {
      await c.dispose();
    }
  });
});
