import { randomUUID } from "node:crypto";
import { type Viewer } from "@storefront/platform/auth";
import { type RequestContext } from "@storefront/platform/context";
import { unauthenticated } from "@storefront/platform/errors";
import { type RunningHttpService } from "@storefront/platform/http";
import { createLogger } from "@storefront/platform/logger";
import { createServiceMetrics } from "@storefront/platform/metrics";
import { startSubgraphServer } from "@storefront/platform/subgraph";
import { composeSupergraph } from "@storefront/schema";
import { testEnv } from "@storefront/testkit";
import { buildSchema } from "graphql";
import { createClient, type Client } from "graphql-ws";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { routerConfigFrom, startRouter, type RunningRouter } from "../src";
import { createAdmission, type Transport } from "../src/admission";
import { createProtection } from "../src/protection";
import { PARTNER_KEY, codeOf, metric, send } from "./support";

/**
 * The admission stage behind both transports, seen from outside: a refusal of each kind, over
 * HTTP and over graphql-ws, is counted once in router_rejections_total, and a manifest miss once
 * in router_persisted_operations_total, whichever way it came.
 */
const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Node { value: Int! child: Node }
  type Query { node: Node }
  type Subscription { node: Node }
`;

const log = createLogger({ service: "router-test", level: testEnv.logLevel });

/** Tokens are `user.<expiry>`, so each case can be its own user with its own rate-limit budget. */
function verify(presented: string): Promise<Viewer> {
  const [userId, expiry] = presented.split(".");
  const expiresAt = Number(expiry);
  if (!userId || !Number.isInteger(expiresAt)) return Promise.reject(unauthenticated("Invalid token."));
  return Promise.resolve({ userId, role: "CUSTOMER", expiresAt, sessionId: undefined });
}
const tokenOf = (user: string) => `${user}.${Math.floor(Date.now() / 1000) + 600}`;

const context = (requestId: string): RequestContext => ({
  requestId,
  viewer: undefined,
  authorization: undefined,
  clientIp: undefined,
  userAgent: undefined,
  internalCaller: false,
  log,
});

let nodes: RunningHttpService;
let router: RunningRouter;
const clients: Client[] = [];

beforeAll(async () => {
  const node = { value: 1, child: null };
  nodes = await startSubgraphServer<RequestContext>({
    name: "nodes",
    port: 0,
    typeDefs: SDL,
    log,
    metrics: createServiceMetrics("nodes"),
    readiness: {},
    context: () => Promise.resolve(context("http")),
    resolvers: {
      Query: { node: () => node },
      Subscription: {
        node: {
          subscribe: async function* () {
            yield await Promise.resolve(node);
          },
          resolve: (value: unknown) => value,
        },
      },
    },
    subscriptions: {
      connect: () => Promise.resolve(context("graphql-ws")),
      perEvent: (subscriptionContext) => subscriptionContext,
    },
  });
  const config = routerConfigFrom({
    ROUTER_PORT: "0",
    ROUTER_METRICS_PORT: "0",
    LOG_LEVEL: testEnv.logLevel,
    // One operation a minute per user: each case below is a user of its own.
    RATE_LIMIT_PER_MINUTE: "1",
    MAX_DEPTH: "3",
    MAX_TOKENS: "150",
  });
  router = await startRouter(
    { ...config, supergraphSdl: composeSupergraph([{ name: "nodes", url: nodes.url, sdl: SDL }]) },
    { log, verifyToken: verify },
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await router?.stop();
  await nodes?.close();
});

interface Operation {
  query: string;
  extensions?: Record<string, unknown>;
}

/** Everything a case sends as one user: its key (if any) and operations, the last of them refused. */
interface Case {
  reason: string;
  code: string;
  apiKey?: string;
  /** Operations that use up what the last one then lacks (the rate limit). */
  before?: (kind: "query" | "subscription") => Operation[];
  refused: (kind: "query" | "subscription") => Operation;
}

const nested = (depth: number): string => (depth === 0 ? "value" : `child { ${nested(depth - 1)} }`);
const UNKNOWN_HASH = { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } };

const CASES: Case[] = [
  {
    reason: "depth",
    code: "DEPTH_LIMIT_EXCEEDED",
    refused: (kind) => ({ query: `${kind} { node { ${nested(4)} } }` }),
  },
  {
    reason: "aliases",
    code: "ALIAS_LIMIT_EXCEEDED",
    refused: (kind) => ({
      query: `${kind} { node { ${Array.from({ length: 31 }, (_, i) => `a${i}: value`).join(" ")} } }`,
    }),
  },
  {
    reason: "tokens",
    code: "TOKEN_LIMIT_EXCEEDED",
    refused: (kind) => ({ query: `${kind} { node { ${"value ".repeat(200)} } }` }),
  },
  {
    reason: "operation_not_in_manifest",
    code: "OPERATION_NOT_IN_MANIFEST",
    apiKey: PARTNER_KEY,
    refused: () => ({ query: "", extensions: UNKNOWN_HASH }),
  },
  {
    reason: "persisted_query_required",
    code: "PERSISTED_QUERY_REQUIRED",
    apiKey: PARTNER_KEY,
    refused: (kind) => ({ query: `${kind} { node { value } }` }),
  },
  {
    reason: "rate_limited",
    code: "RATE_LIMITED",
    // A document that does not validate still counts against the budget (and is no rejection).
    before: (kind) => [{ query: `${kind} { nosuch }` }],
    refused: (kind) => ({ query: `${kind} { node { value } }` }),
  },
];

/** The first error code of an operation sent over HTTP as `user`. */
async function overHttp(user: string, apiKey: string | undefined, operation: Operation) {
  const reply = await send(router.url, operation.query ? operation : { extensions: operation.extensions }, {
    headers: { authorization: `Bearer ${tokenOf(user)}`, ...(apiKey ? { "x-api-key": apiKey } : {}) },
  });
  return codeOf(reply);
}

/** The first error code of a subscribe over graphql-ws as `user` (undefined when it ran). */
function overWebSocket(client: Client, operation: Operation) {
  return new Promise<unknown>((resolve) => {
    client.subscribe(
      { query: operation.query, ...(operation.extensions ? { extensions: operation.extensions } : {}) },
      {
        next: () => {},
        error: (error) =>
          resolve((error as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code),
        complete: () => resolve(undefined),
      },
    );
  });
}

function connect(user: string, apiKey: string | undefined) {
  const client = createClient({
    url: router.url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: {
      authorization: `Bearer ${tokenOf(user)}`,
      ...(apiKey ? { "x-api-key": apiKey } : {}),
    },
  });
  clients.push(client);
  return client;
}

/** Every series of a counter, summed: a refusal counted under a second reason would show here. */
async function total(name: string): Promise<number> {
  const text = await (await fetch(router.metricsUrl)).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
}

describe("every refusal is counted once, over either transport", () => {
  const TRANSPORTS = ["http", "graphql-ws"] as const;
  const table = CASES.flatMap((refusal) => TRANSPORTS.map((transport) => ({ ...refusal, transport })));

  it.each(table)("$reason over $transport", async ({ reason, code, apiKey, before, refused, transport }) => {
    const user = `${reason}-${transport}-${randomUUID().slice(0, 8)}`;
    const kind = transport === "http" ? "query" : "subscription";
    const client = transport === "graphql-ws" ? connect(user, apiKey) : undefined;
    const run = (operation: Operation) =>
      client ? overWebSocket(client, operation) : overHttp(user, apiKey, operation);
    for (const operation of before?.(kind) ?? []) await run(operation);

    const reasonBefore = await metric(router.metricsUrl, "router_rejections_total", { reason });
    const allBefore = await total("router_rejections_total");
    expect(await run(refused(kind))).toBe(code);
    expect(await metric(router.metricsUrl, "router_rejections_total", { reason })).toBe(reasonBefore + 1);
    expect(await total("router_rejections_total")).toBe(allBefore + 1);
  });
});

describe("persisted operations", () => {
  it("counts a manifest miss over graphql-ws once, as over HTTP", async () => {
    const miss = { kind: "manifest", outcome: "miss" };
    const missed = () => metric(router.metricsUrl, "router_persisted_operations_total", miss);
    const operation = { query: "", extensions: UNKNOWN_HASH };

    const start = await missed();
    expect(await overHttp(`miss-http-${randomUUID()}`, PARTNER_KEY, operation)).toBe(
      "OPERATION_NOT_IN_MANIFEST",
    );
    expect(await missed()).toBe(start + 1);

    const client = connect(`miss-ws-${randomUUID()}`, PARTNER_KEY);
    expect(await overWebSocket(client, operation)).toBe("OPERATION_NOT_IN_MANIFEST");
    expect(await missed()).toBe(start + 2);
  });
});

describe("admitted operations", () => {
  it("run over graphql-ws and over HTTP", async () => {
    const client = connect(`runs-ws-${randomUUID()}`, undefined);
    const events: unknown[] = [];
    await new Promise<void>((resolve) => {
      client.subscribe(
        { query: "subscription { node { value } }" },
        { next: (event) => events.push(event), error: () => resolve(), complete: () => resolve() },
      );
    });
    expect(events).toEqual([{ data: { node: { value: 1 } } }]);

    const reply = await send(
      router.url,
      { query: "{ node { value } }" },
      { headers: { authorization: `Bearer ${tokenOf(`runs-http-${randomUUID()}`)}` } },
    );
    expect(reply.body).toEqual({ data: { node: { value: 1 } } });
  });
});

describe("the admission stage's document cache", () => {
  const schema = buildSchema(`
    type Node { value: Int! child: Node }
    type Query { node: Node }
  `);
  const config = routerConfigFrom({ RATE_LIMIT_PER_MINUTE: "0" });
  const protection = createProtection(config, { registry: new Registry(), log, redis: undefined });
  const runsEverything: Transport = { screen: () => "run" };
  const caller = { client: undefined, viewer: undefined, clientIp: "192.0.2.1" };

  it("parses and validates a text once, however often it is admitted", async () => {
    const admission = createAdmission({ protection, production: false, schema: () => schema });
    const query = "query Twice { node { value } }";
    const first = await admission.admit({ query }, caller, runsEverything);
    const second = await admission.admit({ query, operationName: "Twice" }, caller, runsEverything);
    expect(first.kind).toBe("admitted");
    expect(second.kind).toBe("admitted");
    expect(admission.documents.stats).toEqual({ checked: 1, reused: 1 });
    // The same document: nothing was parsed again.
    expect(second.kind === "admitted" && first.kind === "admitted" && second.document).toBe(
      first.kind === "admitted" && first.document,
    );
  });

  it("keeps no refused text, and starts over for a new schema", async () => {
    let current = schema;
    const admission = createAdmission({ protection, production: false, schema: () => current });
    const invalid = "{ nosuch }";
    expect((await admission.admit({ query: invalid }, caller, runsEverything)).kind).toBe("refused");
    expect((await admission.admit({ query: invalid }, caller, runsEverything)).kind).toBe("refused");
    expect(admission.documents.stats).toEqual({ checked: 0, reused: 0 });

    const valid = "{ node { value } }";
    await admission.admit({ query: valid }, caller, runsEverything);
    current = buildSchema("type Query { node: Int }");
    // Valid for the old schema, not for the new one: checked again, and refused.
    const again = await admission.admit({ query: valid }, caller, runsEverything);
    expect(again.kind === "refused" && again.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(admission.documents.stats).toEqual({ checked: 1, reused: 0 });
  });
});
