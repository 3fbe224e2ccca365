import { randomUUID } from "node:crypto";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  createLogger,
  createServiceMetrics,
  currentRequestScope,
  startSubgraphServer,
  subscriptionBaseContext,
  unauthenticated,
  type RequestContext,
  type RunningHttpService,
} from "../src";

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
