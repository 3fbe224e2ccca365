import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type RequestContext } from "@storefront/platform/context";
import { forbidden, unauthenticated } from "@storefront/platform/errors";
import { type RunningHttpService } from "@storefront/platform/http";
import { createLogger } from "@storefront/platform/logger";
import { createServiceMetrics } from "@storefront/platform/metrics";
import { startSubgraphServer } from "@storefront/platform/subgraph";
import { composeSupergraph } from "@storefront/schema";
import { subscribe, testEnv, waitFor } from "@storefront/testkit";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { routerConfigFrom, startRouter, type RunningRouter } from "../src";
import { metric } from "./support";
import {
  TickLog,
  contextFrom,
  subscriptionContext,
  tickerSubscriptions,
  token,
  verify,
  type TickRow,
} from "./subscription-support";

/**
 * The WebSocket transport against two small subgraphs, with no database: `ticker` owns the
 * subscriptions (`ticks` follows the resumable convention, `afterSequence` + `sequence`) and
 * `items` resolves the `Item` entity each tick refers to. Tokens are `user.<expiry>`, checked by a
 * fake verifier shared by the router and the subgraphs.
 */
const TICKER_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { lastSequence: Int! }
  type Item @key(fields: "id", resolvable: false) { id: ID! }
  type Tick { sequence: Int! value: Int! item: Item! }
  type Subscription {
    "Every tick after afterSequence (replayed first), then live."
    ticks(afterSequence: Int): Tick!
    "Three values, then the subscription completes."
    countdown: Int!
    "Always refused."
    secret: Int!
    "The value of each new tick, for its owner only (FORBIDDEN for anyone else)."
    mine(owner: String!): Int!
  }
`;
const ITEMS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { item(id: ID!): Item }
  type Item @key(fields: "id") { id: ID! name: String! }
`;

const log = createLogger({ service: "router-test", level: testEnv.logLevel });

const tickLog = new TickLog();
const { ticks, listeners } = tickLog;
const publish = (value: number) => tickLog.publish(value);
const asTick = (row: TickRow) => ({ ...row, item: { __typename: "Item", id: `i${row.value}` } });

const followTicks = (after: number | null | undefined) => tickLog.follow(after, asTick);

/** What the ticker authenticated: each connection_init, and each subscription that carries its own caller. */
const tickerConnections: Record<string, unknown>[] = [];
/** The upgrade requests of the ticker's sockets: one per connection, whatever it carries. */
const tickerSockets = new Set<IncomingMessage>();
const itemRequests: IncomingHttpHeaders[] = [];
/** While set, the items subgraph answers the name of item `i999` only once it resolves. */
let slowItem: Promise<void> | undefined;
let slowItemAsked = 0;

async function startTicker(port = 0): Promise<RunningHttpService> {
  return startSubgraphServer<RequestContext>({
    name: "ticker",
    port,
    typeDefs: TICKER_SDL,
    log,
    metrics: createServiceMetrics("ticker"),
    readiness: {},
    context: (req) => Promise.resolve(contextFrom(req.headers, undefined, log)),
    resolvers: {
      Query: { lastSequence: () => ticks.length },
      Subscription: {
        ...tickerSubscriptions(followTicks),
        mine: {
          subscribe: (_: unknown, args: { owner: string }, context: RequestContext) => {
            if (!context.viewer) throw unauthenticated();
            if (context.viewer.userId !== args.owner) throw forbidden("Not your ticks.");
            return followTicks(null);
          },
          resolve: (tick: TickRow) => tick.value,
        },
      },
    },
    subscriptions: {
      connect: async (req, params) => {
        tickerSockets.add(req);
        tickerConnections.push(params);
        return subscriptionContext(params, log);
      },
      perEvent: (context) => context,
    },
  });
}

let ticker: RunningHttpService;
let items: RunningHttpService;
let router: RunningRouter;
let supergraphSdl: string;
const clients: Client[] = [];

async function startTestRouterOver(env: Record<string, string> = {}) {
  const config = routerConfigFrom({
    ROUTER_PORT: "0",
    ROUTER_METRICS_PORT: "0",
    LOG_LEVEL: testEnv.logLevel,
    RATE_LIMIT_PER_MINUTE: "0",
    SUBSCRIPTION_MAX_PER_CONNECTION: "3",
    SUBSCRIPTION_INIT_TIMEOUT_MS: "300",
    SUBSCRIPTION_MAX_MESSAGE_BYTES: "4000",
    SUBSCRIPTION_RESUME_TIMEOUT_MS: "1500",
    ...env,
  });
  return startRouter({ ...config, supergraphSdl }, { log, verifyToken: verify });
}

beforeAll(async () => {
  ticker = await startTicker();
  items = await startSubgraphServer<RequestContext>({
    name: "items",
    port: 0,
    typeDefs: ITEMS_SDL,
    log,
    metrics: createServiceMetrics("items"),
    readiness: {},
    context: (req) => {
      itemRequests.push(req.headers);
      return Promise.resolve(contextFrom(req.headers, undefined, log));
    },
    resolvers: {
      Query: { item: (_: unknown, args: { id: string }) => ({ id: args.id }) },
      Item: {
        __resolveReference: (ref: { id: string }) => ref,
        name: (item: { id: string }) => {
          if (item.id === "i13") throw new Error("database on fire at 10.0.0.7");
          if (item.id === "i999" && slowItem) {
            slowItemAsked += 1;
            return slowItem.then(() => `Item ${item.id}`);
          }
          return `Item ${item.id}`;
        },
      },
    },
  });
  supergraphSdl = composeSupergraph([
    { name: "ticker", url: ticker.url, sdl: TICKER_SDL },
    { name: "items", url: items.url, sdl: ITEMS_SDL },
  ]);
  router = await startTestRouterOver();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await router?.stop();
  await ticker?.close();
  await items?.close();
});

/** A graphql-ws client of the router that can hold several subscriptions on one connection. */
function connection(
  params: Record<string, unknown> = { authorization: `Bearer ${token("ann")}` },
  url = router.url,
  webSocketImpl: unknown = WebSocket,
) {
  const client = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl,
    retryAttempts: 0,
    lazy: true,
    connectionParams: params,
  });
  clients.push(client);
  return client;
}

/** Collects one subscription's messages on a client. */
function follow(client: Client, query: string, variables: Record<string, unknown> = {}, extensions?: object) {
  const results: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }[] =
    [];
  let finish: (outcome: { error?: unknown }) => void = () => {};
  const ended = new Promise<{ error?: unknown }>((resolve) => (finish = resolve));
  const stop = client.subscribe(
    { query, variables, ...(extensions ? { extensions: extensions as Record<string, unknown> } : {}) },
    {
      next: (result) => results.push(result as (typeof results)[number]),
      error: (error) => finish({ error }),
      complete: () => finish({}),
    },
  );
  return { results, ended, stop };
}

const TICKS = `subscription($after: Int) { ticks(afterSequence: $after) { sequence value item { name } } }`;
const listening = (count: number) =>
  waitFor(
    () => Promise.resolve(listeners.size),
    (size) => size === count,
  );
const errorCode = (error: unknown) =>
  (error as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code;

/** A WebSocket whose upgrade request carries these headers (`X-Forwarded-For` from the ingress). */
function upgradeHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}
const forwardedFor = (header: string) => upgradeHeaders({ "x-forwarded-for": header });

/**
 * A subgraph that acknowledges every connection_init and drops the connection (1001) as soon as a
 * subscription arrives on it: up enough to connect to, never up enough to serve.
 */
async function acceptAndDrop() {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  let accepted = 0;
  wss.on("connection", (socket) => {
    socket.on("message", (raw) => {
      const message = JSON.parse((raw as Buffer).toString()) as { type: string };
      if (message.type === "connection_init") {
        accepted += 1;
        socket.send(JSON.stringify({ type: "connection_ack" }));
      } else if (message.type === "subscribe") {
        socket.close(1001, "Going away");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    accepted: () => accepted,
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("federated subscriptions through the router", () => {
  it("completes each event with the rest of the plan, forwarding the caller to every subgraph", async () => {
    const probe = subscribe<{ ticks: { sequence: number; value: number; item: { name: string } } }>(
      router.url,
      `subscription { ticks { value item { name } } }`,
      { token: token("ann"), connectionParams: { "x-request-id": "live-req-1" } },
    );
    await listening(1);
    publish(7);
    const [result] = await probe.waitFor(1);
    expect(result).toEqual({ data: { ticks: { value: 7, item: { name: "Item i7" } } } });
    await probe.close();

    const upstream = tickerConnections.at(-1)!;
    expect(upstream).toMatchObject({ "x-request-id": "live-req-1" });
    expect(upstream.authorization).toMatch(/^Bearer ann\./);
    expect(upstream["x-client-ip"]).toMatch(/127\.0\.0\.1/);
    expect(itemRequests.at(-1)).toMatchObject({ "x-request-id": "live-req-1" });
    expect(itemRequests.at(-1)!.authorization).toMatch(/^Bearer ann\./);
    await listening(0);
  });

  it("takes the request id from connection_init, else from the upgrade request, when well-formed", async () => {
    const requestIdUpstream = async (params: Record<string, unknown>, headers: Record<string, string>) => {
      const countdown = follow(
        connection(params, router.url, upgradeHeaders(headers)),
        `subscription { countdown }`,
      );
      expect(await countdown.ended).toEqual({});
      return tickerConnections.at(-1)!["x-request-id"];
    };
    expect(await requestIdUpstream({ "x-request-id": "from-init" }, { "x-request-id": "from-upgrade" })).toBe(
      "from-init",
    );
    expect(
      await requestIdUpstream({ "x-request-id": "not well formed!" }, { "x-request-id": "from-upgrade" }),
    ).toBe("from-upgrade");
    const fresh = await requestIdUpstream({ "x-request-id": "x".repeat(129) }, { "x-request-id": "bad id" });
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("masks an unexpected subgraph error in an event", async () => {
    const client = connection();
    const live = follow(client, `subscription { ticks { value item { name } } }`);
    await listening(1);
    publish(13);
    await waitFor(
      () => Promise.resolve(live.results.length),
      (n) => n === 1,
    );
    expect(live.results[0]!.errors?.map((e) => e.extensions?.code)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(JSON.stringify(live.results[0])).not.toContain("10.0.0.7");
    live.stop();
    await listening(0);
  });

  it("holds one connection to the subgraph for every client, each subscription authenticated as its client", async () => {
    const socketsBefore = tickerSockets.size;
    const upstreamConnections = () =>
      metric(router.metricsUrl, "router_subscription_upstream_connections", { subgraph: "ticker" });
    // Six clients, three subscriptions each, on different ticks and users.
    const users = ["ann", "bob", "cy", "dee", "eve", "fay"];
    const held = users.flatMap((user) => {
      const client = connection({ authorization: `Bearer ${token(user)}` });
      return [
        follow(client, TICKS, { after: ticks.length }),
        follow(client, `subscription($owner: String!) { mine(owner: $owner) }`, { owner: user }),
        follow(client, `subscription { ticks { value } }`),
      ];
    });
    await waitFor(
      () => metric(router.metricsUrl, "router_subscriptions_active", { transport: "graphql-ws" }),
      (active) => active === 18,
    );
    expect(await upstreamConnections()).toBe(1);
    expect(tickerSockets.size - socketsBefore).toBeLessThanOrEqual(1);
    // Each client's own subscriptions upstream: the tokens differ, so none is shared.
    expect(listeners.size).toBe(18);
    const perSubscription = tickerConnections.slice(-18);
    for (const user of users) {
      expect(
        perSubscription.filter((p) => String(p.authorization).startsWith(`Bearer ${user}.`)),
      ).toHaveLength(3);
    }

    publish(21);
    for (const [n, subscription] of held.entries()) {
      const [result] = await waitFor(
        () => Promise.resolve(subscription.results),
        (results) => results.length === 1,
      );
      expect(result!.data).toEqual(
        n % 3 === 0
          ? { ticks: { sequence: ticks.length, value: 21, item: { name: "Item i21" } } }
          : n % 3 === 1
            ? { mine: 21 }
            : { ticks: { value: 21 } },
      );
    }
    for (const subscription of held) subscription.stop();
    await listening(0);
    // Once nothing uses it, the connection closes.
    await waitFor(upstreamConnections, (open) => open === 0);
  });

  it("shares one upstream subscription among identical subscriptions: both get every event, completed once", async () => {
    const annToken = `Bearer ${token("ann")}`;
    const query = `subscription { ticks { sequence value item { name } } }`;
    const first = follow(connection({ authorization: annToken }), query);
    await listening(1);
    const second = follow(connection({ authorization: annToken }), query);
    await waitFor(
      () => metric(router.metricsUrl, "router_subscription_deduplicated_subscribers", { subgraph: "ticker" }),
      (shared) => shared === 1,
    );
    expect(listeners.size).toBe(1);
    expect(
      await metric(router.metricsUrl, "router_subscription_upstream_subscriptions", { subgraph: "ticker" }),
    ).toBe(1);

    const itemsBefore = itemRequests.length;
    for (const value of [31, 32, 33]) publish(value);
    for (const live of [first, second]) {
      await waitFor(
        () => Promise.resolve(live.results.length),
        (n) => n === 3,
      );
      expect(live.results.map((r) => (r.data as { ticks: { value: number } }).ticks.value)).toEqual([
        31, 32, 33,
      ]);
    }
    // Each event's entity fetch ran once for both subscribers.
    expect(itemRequests.length - itemsBefore).toBe(3);

    // The first leaving keeps it for the second; the last leaving ends it upstream.
    first.stop();
    publish(34);
    await waitFor(
      () => Promise.resolve(second.results.length),
      (n) => n === 4,
    );
    expect(listeners.size).toBe(1);
    second.stop();
    await listening(0);
    expect(
      await metric(router.metricsUrl, "router_subscription_upstream_subscriptions", { subgraph: "ticker" }),
    ).toBe(0);
  });

  it("shares one upstream subscription among one user's tokens, going on as another when the one it was opened as expires, with no event lost", async () => {
    const query = `subscription { ticks { sequence value item { name } } }`;
    const handovers = () =>
      metric(router.metricsUrl, "router_subscription_handovers_total", { subgraph: "ticker" });
    const handoversBefore = await handovers();
    // Two devices of one user: a token about to expire, and a fresh one.
    const expiring = follow(connection({ authorization: `Bearer ${token("ann", 2)}` }), query);
    await listening(1);
    const fresh = `Bearer ${token("ann", 600)}`;
    const staying = follow(connection({ authorization: fresh }), query);
    await waitFor(
      () => metric(router.metricsUrl, "router_subscription_deduplicated_subscribers", { subgraph: "ticker" }),
      (shared) => shared === 1,
    );
    expect(listeners.size).toBe(1);
    expect(String(tickerConnections.at(-1)!.authorization)).not.toBe(fresh);

    const itemsBefore = itemRequests.length;
    publish(41);
    await waitFor(
      () => Promise.resolve(staying.results.length + expiring.results.length),
      (n) => n === 2,
    );
    expect(itemRequests.length - itemsBefore).toBe(1);

    // The expiring token's connection is closed for it; the subscription goes on as the fresh one,
    // after the last sequence: what happens meanwhile is replayed, not lost.
    await expiring.ended;
    publish(42);
    await waitFor(handovers, (n) => n === handoversBefore + 1);
    await waitFor(
      () => Promise.resolve(staying.results.length),
      (n) => n === 2,
    );
    expect(staying.results.map((r) => (r.data as { ticks: { value: number } }).ticks.value)).toEqual([
      41, 42,
    ]);
    expect(staying.results.every((r) => !r.errors)).toBe(true);
    expect(tickerConnections.at(-1)!.authorization).toBe(fresh);
    expect(listeners.size).toBe(1);
    staying.stop();
    await listening(0);
  });

  it("another customer on the same subgraph connection still gets FORBIDDEN", async () => {
    const mine = `subscription($owner: String!) { mine(owner: $owner) }`;
    const ann = follow(connection({ authorization: `Bearer ${token("ann")}` }), mine, { owner: "ann" });
    await listening(1);
    const bob = follow(connection({ authorization: `Bearer ${token("bob")}` }), mine, { owner: "ann" });
    const guest = follow(connection({}), mine, { owner: "ann" });
    expect((await bob.ended).error).toEqual([
      expect.objectContaining({ message: "Not your ticks.", extensions: { code: "FORBIDDEN" } }),
    ]);
    expect(errorCode((await guest.ended).error)).toBe("UNAUTHENTICATED");
    expect(
      await metric(router.metricsUrl, "router_subscription_upstream_connections", { subgraph: "ticker" }),
    ).toBe(1);
    publish(41);
    await waitFor(
      () => Promise.resolve(ann.results),
      (results) => results.length === 1,
    );
    expect(ann.results).toEqual([{ data: { mine: 41 } }]);
    expect(bob.results).toEqual([]);
    ann.stop();
    await listening(0);
    // The refusals left nothing holding the connection: it closes once idle.
    await waitFor(
      () => metric(router.metricsUrl, "router_subscription_upstream_connections", { subgraph: "ticker" }),
      (open) => open === 0,
    );
  });

  it("forwards the subgraph's completion and its refusals", async () => {
    const client = connection();
    const countdown = follow(client, `subscription { countdown }`);
    expect(await countdown.ended).toEqual({});
    expect(countdown.results).toEqual([
      { data: { countdown: 3 } },
      { data: { countdown: 2 } },
      { data: { countdown: 1 } },
    ]);

    const secret = follow(client, `subscription { secret }`);
    const { error } = await secret.ended;
    expect(secret.results).toEqual([]);
    expect(error).toEqual([
      expect.objectContaining({ message: "Not for you.", extensions: { code: "FORBIDDEN" } }),
    ]);
  });

  it("one rule for refusals: the router's and the subgraph's alike end with a graphql-ws error message, errors while it runs are events", async () => {
    // Messages as they arrive on the socket, so a `next` or `complete` after a refusal would show.
    const socket = new WebSocket(router.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const messages: { id?: string; type: string; payload?: unknown }[] = [];
    socket.on("message", (raw) => {
      messages.push(JSON.parse((raw as Buffer).toString()) as (typeof messages)[number]);
    });
    await new Promise((resolve) => socket.once("open", resolve));
    const send = (message: object) => socket.send(JSON.stringify(message));
    send({ type: "connection_init", payload: { authorization: `Bearer ${token("ann")}` } });
    await waitFor(
      () => Promise.resolve(messages.length),
      (n) => n === 1,
    );
    const ofOperation = (id: string) => messages.filter((message) => message.id === id);
    const ended = (id: string) =>
      waitFor(
        () => Promise.resolve(ofOperation(id)),
        (received) => received.some((m) => m.type === "error" || m.type === "complete"),
      );
    try {
      // Refused by the router's checks (validation, a query over the socket), by its protection
      // (the alias limit), and by the subgraph that owns the field (FORBIDDEN from its resolver).
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: value`).join(" ");
      // One at a time: the connection holds at most 3 subscriptions, counting those being checked.
      for (const [id, query, code] of [
        ["invalid", "subscription { nosuch }", "GRAPHQL_VALIDATION_FAILED"],
        ["query", "{ lastSequence }", "BAD_REQUEST"],
        ["aliases", `subscription { ticks { ${aliases} } }`, "ALIAS_LIMIT_EXCEEDED"],
        ["forbidden", "subscription { secret }", "FORBIDDEN"],
      ] as const) {
        send({ id, type: "subscribe", payload: { query } });
        const received = await ended(id);
        expect(received.map((m) => m.type)).toEqual(["error"]);
        expect(received[0]!.payload).toEqual([
          expect.objectContaining({ extensions: expect.objectContaining({ code }) as unknown }),
        ]);
      }

      // Once running, a failing event is a `next` with errors, and the stream goes on.
      send({
        id: "live",
        type: "subscribe",
        payload: { query: "subscription { ticks { value item { name } } }" },
      });
      await listening(1);
      publish(13);
      publish(14);
      const events = await waitFor(
        () => Promise.resolve(ofOperation("live")),
        (received) => received.length === 2,
      );
      expect(events.map((m) => m.type)).toEqual(["next", "next"]);
      expect(events[0]!.payload).toMatchObject({
        errors: [{ extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      });
      expect(events[1]!.payload).toEqual({ data: { ticks: { value: 14, item: { name: "Item i14" } } } });
      send({ id: "live", type: "complete" });
      await listening(0);
      // Nothing followed a refusal (the socket keeps order: anything sent after it is here by now).
      for (const id of ["invalid", "query", "aliases", "forbidden"]) expect(ofOperation(id)).toHaveLength(1);
    } finally {
      socket.close();
    }
  });

  it("holds at most SUBSCRIPTION_MAX_PER_CONNECTION subscriptions on one connection", async () => {
    const client = connection();
    const active = (count: number) =>
      waitFor(
        () => metric(router.metricsUrl, "router_subscriptions_active", { transport: "graphql-ws" }),
        (n) => n === count,
      );
    const held = [1, 2, 3].map(() => follow(client, TICKS, { after: ticks.length }));
    await active(3);
    const refused = follow(client, TICKS);
    const { error } = await refused.ended;
    expect(errorCode(error)).toBe("SUBSCRIPTION_LIMIT_EXCEEDED");
    expect(
      await metric(router.metricsUrl, "router_subscribe_rejections_total", {
        reason: "subscriptions_per_connection",
      }),
    ).toBe(1);

    held[0]!.stop();
    await active(2);
    const again = follow(client, TICKS, { after: ticks.length });
    await active(3);
    for (const subscription of [again, ...held]) subscription.stop();
    await listening(0);
  });

  it("runs automatic persisted queries over WebSocket", async () => {
    const query = `subscription { countdown }`;
    const hash = createHash("sha256").update(query).digest("hex");
    const persistedQuery = { persistedQuery: { version: 1, sha256Hash: hash } };
    const client = connection();
    const unknown = follow(client, "", {}, persistedQuery);
    expect(errorCode((await unknown.ended).error)).toBe("PERSISTED_QUERY_NOT_FOUND");
    const register = follow(client, query, {}, persistedQuery);
    await register.ended;
    expect(register.results).toHaveLength(3);
    const byHash = follow(client, "", {}, persistedQuery);
    await byHash.ended;
    expect(byHash.results).toHaveLength(3);
  });

  it("closes a socket that sends no connection_init, or a message over the size limit", async () => {
    const silent = new WebSocket(router.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const silentClosed = await new Promise<number>((resolve) => silent.on("close", (code) => resolve(code)));
    expect(silentClosed).toBe(4408);

    const client = connection();
    const huge = follow(client, `subscription { countdown ${"# padding\n".repeat(500)} }`);
    const { error } = await huge.ended;
    expect((error as { code?: number }).code).toBe(1009);
  });

  it("behind a trusted proxy, counts and forwards the address the proxy saw, not one the client wrote", async () => {
    const proxied = await startTestRouterOver({ TRUST_PROXY: "true", RATE_LIMIT_PER_MINUTE: "1" });
    try {
      // Guests (no token), so the budget is the address's; each writes another first entry.
      const first = follow(
        connection({}, proxied.url, forwardedFor("10.0.0.1, 198.51.100.7")),
        `subscription { countdown }`,
      );
      expect(await first.ended).toEqual({});
      expect(first.results).toHaveLength(3);
      expect(tickerConnections.at(-1)!["x-client-ip"]).toBe("198.51.100.7");

      const second = follow(
        connection({}, proxied.url, forwardedFor("10.0.0.2, 198.51.100.7")),
        `subscription { countdown }`,
      );
      const { error } = await second.ended;
      // The HTTP path's RATE_LIMITED error, without its HTTP part.
      expect(error).toEqual([
        {
          message: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds\.$/) as string,
          extensions: { code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) as number },
        },
      ]);
      expect(second.results).toEqual([]);
    } finally {
      await proxied.stop();
    }
  });

  it("ends a subscription whose events pile up unread with a retryable SUBSCRIPTION_BACKLOG", async () => {
    let release = () => {};
    slowItem = new Promise<void>((resolve) => (release = resolve));
    try {
      const client = connection();
      const live = follow(
        client,
        `subscription($after: Int) { ticks(afterSequence: $after) { value item { name } } }`,
        {
          after: ticks.length,
        },
      );
      await listening(1);
      // The first event waits on its entity fetch while the ticker sends 110 more at once.
      const asked = slowItemAsked;
      publish(999);
      await waitFor(
        () => Promise.resolve(slowItemAsked),
        (n) => n > asked,
      );
      for (let n = 0; n < 110; n++) publish(1_000 + n);
      // The router stops its subgraph subscription without waiting for the client to catch up.
      await listening(0);
      release();
      const { error } = await live.ended;
      expect(error).toEqual([
        {
          message: "Updates arrived faster than this connection read them. Subscribe again to resume.",
          extensions: { code: "SUBSCRIPTION_BACKLOG", retryable: true },
        },
      ]);
      expect(live.results).toEqual([{ data: { ticks: { value: 999, item: { name: "Item i999" } } } }]);
    } finally {
      release();
      slowItem = undefined;
    }
  });

  it("closes the socket with 4403 when the token expires", async () => {
    const probe = subscribe(router.url, TICKS, {
      token: token("bob", 1),
      variables: { after: ticks.length },
    });
    const ended = await probe.ended;
    expect(ended).toMatchObject({ code: 4403, reason: "token expired" });
  });
});

describe("subgraph failover", () => {
  it("re-opens every subscription after the last sequence it received: nothing lost, nothing repeated", async () => {
    const port = ticker.port;
    const start = ticks.length;
    const query = `subscription($after: Int) { ticks(afterSequence: $after) { value } }`;
    const annToken = `Bearer ${token("ann")}`;
    // Two of ann's identical subscriptions (one upstream), bob's, and a guest's: three upstream.
    const all = [
      follow(connection({ authorization: annToken }), query, { after: start }),
      follow(connection({ authorization: annToken }), query, { after: start }),
      follow(connection({ authorization: `Bearer ${token("bob")}` }), query, { after: start }),
      follow(connection({}), query, { after: start }),
    ];
    await listening(3);
    const received = (count: number) =>
      Promise.all(
        all.map((live) =>
          waitFor(
            () => Promise.resolve(live.results.length),
            (n) => n === count,
          ),
        ),
      );
    publish(101);
    publish(102);
    await received(2);

    // The replica goes away (1001); changes happen while no ticker runs; a new one takes its place.
    await ticker.close();
    publish(103);
    publish(104);
    ticker = await startTicker(port);
    await received(4);
    publish(105);
    await received(5);
    for (const live of all) {
      expect(live.results.map((r) => (r.data as { ticks: { value: number } }).ticks.value)).toEqual([
        101, 102, 103, 104, 105,
      ]);
    }
    expect(
      await metric(router.metricsUrl, "router_subscription_resumes_total", { subgraph: "ticker" }),
    ).toBeGreaterThanOrEqual(3);
    // Resumed on one new connection.
    expect(
      await metric(router.metricsUrl, "router_subscription_upstream_connections", { subgraph: "ticker" }),
    ).toBe(1);
    for (const live of all) live.stop();
    await listening(0);
  });

  it("ends the subscription with a retryable SUBGRAPH_UNAVAILABLE when the subgraph stays away", async () => {
    const port = ticker.port;
    const client = connection();
    const live = follow(client, TICKS, { after: ticks.length });
    await listening(1);
    await ticker.close();
    const { error } = await live.ended;
    expect(error).toEqual([
      expect.objectContaining({ extensions: { code: "SUBGRAPH_UNAVAILABLE", retryable: true } }),
    ]);
    ticker = await startTicker(port);
  });

  it("ends with SUBGRAPH_UNAVAILABLE when the subgraph accepts every connection and drops it", async () => {
    const flaky = await acceptAndDrop();
    const over = await startTestRouterOver({
      SUBGRAPH_URLS: `ticker=${flaky.url}`,
      SUBSCRIPTION_RESUME_TIMEOUT_MS: "1000",
    });
    try {
      const started = Date.now();
      const live = follow(connection(undefined, over.url), TICKS, { after: ticks.length });
      const outcome = await Promise.race([live.ended, sleep(6_000).then(() => "still retrying" as const)]);
      expect(outcome).toEqual({
        error: [expect.objectContaining({ extensions: { code: "SUBGRAPH_UNAVAILABLE", retryable: true } })],
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      // Re-opened with backoff for about the resume timeout (50-100 ms apart would be 10-20 times).
      expect(flaky.accepted()).toBeGreaterThan(1);
      expect(flaky.accepted()).toBeLessThan(10);
      const accepted = flaky.accepted();
      await sleep(300);
      expect(flaky.accepted()).toBe(accepted);
    } finally {
      await over.stop();
      await flaky.close();
    }
  });
});

describe("stopping the router", () => {
  it("closes client sockets with 1001 and its subgraph connections", async () => {
    const stopping = await startTestRouterOver();
    const probe = subscribe(stopping.url, TICKS, { token: token("cy"), variables: { after: ticks.length } });
    await listening(1);
    await stopping.stop();
    expect((await probe.ended).code).toBe(1001);
    await listening(0);
  });
});
