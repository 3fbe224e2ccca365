import { randomBytes } from "node:crypto";
import { request as httpRequest, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { type RequestContext } from "@storefront/platform/context";
import { type RunningHttpService } from "@storefront/platform/http";
import { createLogger } from "@storefront/platform/logger";
import { createServiceMetrics } from "@storefront/platform/metrics";
import { startSubgraphServer } from "@storefront/platform/subgraph";
import { composeSupergraph } from "@storefront/schema";
import { testEnv, waitFor } from "@storefront/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
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
 * The router's WebSocket endpoint speaks graphql-transport-ws
 * (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) message by message: these
 * tests talk to it over bare `ws` sockets, with no graphql-ws client to smooth anything over, so
 * every message the server sends and every close code and reason is seen as it is.
 *
 * One small subgraph, `ticker`: `countdown` sends three values then completes, `secret` is always
 * refused, `ticks` follows a log the test appends to (`afterSequence` replays past entries, so a
 * subscription started before a publish never misses it). Tokens are `user.<expiry>`.
 */
const TICKER_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { lastSequence: Int! }
  type Tick { sequence: Int! value: Int! }
  type Subscription {
    "Every tick after afterSequence (replayed first), then live."
    ticks(afterSequence: Int): Tick!
    "Three values, then the subscription completes."
    countdown: Int!
    "Always refused."
    secret: Int!
  }
`;

/** The connection_init timeout of the router under test, short so case 12 does not wait long. */
const INIT_TIMEOUT_MS = 400;

const log = createLogger({ service: "router-test", level: testEnv.logLevel });

const tickLog = new TickLog();
const { ticks } = tickLog;
const publish = (value: number) => tickLog.publish(value);
const followTicks = (after: number | null | undefined) => tickLog.follow(after, (row) => row);

let ticker: RunningHttpService;
let router: RunningRouter;
let wsUrl: string;

beforeAll(async () => {
  ticker = await startSubgraphServer<RequestContext>({
    name: "ticker",
    port: 0,
    typeDefs: TICKER_SDL,
    log,
    metrics: createServiceMetrics("ticker"),
    readiness: {},
    context: (req) => Promise.resolve(contextFrom(req.headers, undefined, log)),
    resolvers: {
      Query: { lastSequence: () => ticks.length },
      Subscription: {
        ...tickerSubscriptions(followTicks),
      },
    },
    subscriptions: {
      connect: async (_req, params) => {
        return subscriptionContext(params, log);
      },
      perEvent: (context) => context,
    },
  });
  const supergraphSdl = composeSupergraph([{ name: "ticker", url: ticker.url, sdl: TICKER_SDL }]);
  const config = routerConfigFrom({
    ROUTER_PORT: "0",
    ROUTER_METRICS_PORT: "0",
    LOG_LEVEL: testEnv.logLevel,
    RATE_LIMIT_PER_MINUTE: "0",
    SUBSCRIPTION_INIT_TIMEOUT_MS: String(INIT_TIMEOUT_MS),
  });
  router = await startRouter({ ...config, supergraphSdl }, { log, verifyToken: verify });
  wsUrl = router.url.replace(/^http/, "ws");
});

afterAll(async () => {
  await router?.stop();
  await ticker?.close();
});

const sockets: WebSocket[] = [];
const rawSockets: Socket[] = [];

const activeSubscriptions = () =>
  metric(router.metricsUrl, "router_subscriptions_active", { transport: "graphql-ws" });

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const socket of rawSockets.splice(0)) socket.destroy();
  // Each test starts with no subscription left over from the one before.
  await waitFor(activeSubscriptions, (n) => n === 0);
});

type Message = { type: string; id?: string; payload?: unknown } & Record<string, unknown>;
type Closed = { code: number; reason: string };

/**
 * A bare socket that records every message it receives (parsed JSON) and how it closed, with
 * promises for what a test waits on. A wait still pending when the socket closes fails at once
 * (with what was received), rather than at the test's timeout.
 */
class Recorder {
  readonly messages: Message[] = [];
  closedWith: Closed | undefined;
  /** The client-side error, if the socket failed (e.g. a handshake the client refused). */
  error: Error | undefined;
  /** The handshake response, once the server answered the upgrade. */
  upgrade: IncomingMessage | undefined;
  readonly opened: Promise<void>;
  readonly closed: Promise<Closed>;
  private readonly waiters = new Set<() => void>();

  constructor(readonly socket: WebSocket) {
    sockets.push(socket);
    socket.on("upgrade", (response) => (this.upgrade = response));
    socket.on("error", (error) => (this.error = error));
    socket.on("message", (data) => {
      this.messages.push(JSON.parse((data as Buffer).toString()) as Message);
      this.wake();
    });
    this.opened = new Promise((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("close", () => reject(new Error("the socket closed before it opened")));
    });
    // Not every test opens it; an unobserved rejection must not fail the run.
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) =>
      socket.once("close", (code, reason) => {
        this.closedWith = { code, reason: reason.toString() };
        resolve(this.closedWith);
        this.wake();
      }),
    );
  }

  /** A socket offering these subprotocols (none for null). */
  static open(protocols: string | string[] | null = "graphql-transport-ws") {
    return new Recorder(protocols === null ? new WebSocket(wsUrl) : new WebSocket(wsUrl, protocols));
  }

  /** Opened, connection_init sent (with a bearer token when given) and connection_ack received. */
  static async acknowledged(bearer: string | undefined = token("ann")) {
    const recorder = Recorder.open();
    await recorder.opened;
    recorder.send({ type: "connection_init", payload: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    await recorder.message((m) => m.type === "connection_ack");
    return recorder;
  }

  /** Sends a message as JSON, or a string as it is. */
  send(message: object | string) {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>) {
    this.send({ id, type: "subscribe", payload: { query, ...(variables ? { variables } : {}) } });
  }

  ofId(id: string) {
    return this.messages.filter((m) => m.id === id);
  }

  /** Resolves once `found` returns something for what has been received (now or later). */
  until<T>(found: () => T | undefined, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = found();
        if (value !== undefined) {
          this.waiters.delete(check);
          resolve(value);
        } else if (this.closedWith) {
          this.waiters.delete(check);
          reject(
            new Error(
              `closed ${JSON.stringify(this.closedWith)} before ${what}; received ${JSON.stringify(this.messages)}`,
            ),
          );
        }
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The n-th message received (1-based). */
  nth(n: number) {
    return this.until(() => this.messages[n - 1], `message ${n}`);
  }

  /** The first message that matches (among those from the `from`-th on). */
  message(matches: (m: Message) => boolean, from = 0) {
    return this.until(() => this.messages.slice(from).find(matches), "the awaited message");
  }

  /** The first message of an id with a type that ends an operation (`complete` or `error`). */
  ended(id: string, from = 0) {
    return this.message((m) => m.id === id && (m.type === "complete" || m.type === "error"), from);
  }

  /** Every message of an id (among those from the `from`-th on), once there are `count` of them. */
  messagesOf(id: string, count: number, from = 0) {
    return this.until(() => {
      const received = this.messages.slice(from).filter((m) => m.id === id);
      return received.length >= count ? received : undefined;
    }, `${count} messages for ${id}`);
  }

  private wake() {
    for (const check of [...this.waiters]) check();
  }
}

const COUNTDOWN = "subscription { countdown }";
const TICKS = "subscription Ticks($after: Int) { ticks(afterSequence: $after) { sequence value } }";

const countdownMessages = (id: string) => [
  { id, type: "next", payload: { data: { countdown: 3 } } },
  { id, type: "next", payload: { data: { countdown: 2 } } },
  { id, type: "next", payload: { data: { countdown: 1 } } },
  { id, type: "complete" },
];
const tick = (id: string, row: TickRow) => ({ id, type: "next", payload: { data: { ticks: row } } });

/**
 * An upgrade request sent over a bare TCP socket, and the first frame the server sends after a
 * 101: the WebSocket client refuses a 101 without the subprotocol it asked for, so what the server
 * does with such a socket is only seen this way. Server frames are unmasked; a close frame is
 * opcode 8, its payload the code (two bytes) and the reason.
 */
function rawUpgrade(protocol: string): Promise<{ response: IncomingMessage; closeFrame: Closed }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(router.url, {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        "sec-websocket-protocol": protocol,
      },
    });
    req.on("error", reject);
    req.on("response", (response) => reject(new Error(`upgrade answered ${response.statusCode}`)));
    req.on("upgrade", (response, socket, head) => {
      rawSockets.push(socket);
      let received = head;
      const frame = () => {
        if (received.length < 2) return;
        const length = received[1]! & 0x7f;
        if (received.length < 2 + length) return;
        socket.off("data", onData);
        if ((received[0]! & 0x0f) !== 8)
          return reject(new Error(`first frame has opcode ${received[0]! & 0x0f}`));
        resolve({
          response,
          closeFrame: {
            code: received.readUInt16BE(2),
            reason: received.subarray(4, 2 + length).toString(),
          },
        });
      };
      const onData = (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        frame();
      };
      socket.on("data", onData);
      frame();
    });
    req.end();
  });
}

describe("graphql-transport-ws on the router's WebSocket endpoint", () => {
  it("closes a socket without the graphql-transport-ws subprotocol with 4406; one asking only for the deprecated graphql-ws gets a 101 without a subprotocol", async () => {
    // No subprotocol offered: the upgrade succeeds, then the server closes the socket.
    const none = Recorder.open(null);
    await none.opened;
    expect(none.socket.protocol).toBe("");
    expect(await none.closed).toEqual({ code: 4406, reason: "Subprotocol not acceptable" });
    expect(none.messages).toEqual([]);

    // Only `graphql-ws` offered: the server answers 101 but picks no subprotocol, which a
    // WebSocket client must treat as a failed handshake (no open, an abnormal close).
    const deprecated = Recorder.open("graphql-ws");
    expect(await deprecated.closed).toEqual({ code: 1006, reason: "" });
    expect(deprecated.upgrade?.statusCode).toBe(101);
    expect(deprecated.upgrade?.headers["sec-websocket-protocol"]).toBeUndefined();
    expect(deprecated.error?.message).toBe("Server sent no subprotocol");
    await expect(deprecated.opened).rejects.toThrow();

    // Seen below the client: the server's first frame on that socket closes it with 4406.
    const raw = await rawUpgrade("graphql-ws");
    expect(raw.response.headers["sec-websocket-protocol"]).toBeUndefined();
    expect(raw.closeFrame).toEqual({ code: 4406, reason: "Subprotocol not acceptable" });

    // Offered among others, graphql-transport-ws is the one chosen.
    const both = Recorder.open(["graphql-ws", "graphql-transport-ws"]);
    await both.opened;
    expect(both.socket.protocol).toBe("graphql-transport-ws");
  });

  it("closes with 4400 'Invalid message received' on a message that is not JSON, has no known type, is a subscribe without an id or a query, or is one only the server sends", async () => {
    const bad: [string, object | string][] = [
      ["not JSON", "{ this is not json"],
      ["a JSON value that is not an object", "[1, 2]"],
      ["no type", { payload: {} }],
      ["an unknown type", { type: "hello" }],
      ["a subscribe without an id", { type: "subscribe", payload: { query: COUNTDOWN } }],
      ["a subscribe with an empty id", { id: "", type: "subscribe", payload: { query: COUNTDOWN } }],
      ["a subscribe without a payload", { id: "1", type: "subscribe" }],
      ["a subscribe whose payload has no query", { id: "1", type: "subscribe", payload: { variables: {} } }],
      // Well-formed, but the server's to send.
      ["a connection_ack", { type: "connection_ack" }],
      ["a next", { id: "1", type: "next", payload: { data: { countdown: 1 } } }],
      ["an error", { id: "1", type: "error", payload: [{ message: "no" }] }],
    ];
    for (const [what, message] of bad) {
      const recorder = await Recorder.acknowledged();
      recorder.send(message);
      expect({ what, closed: await recorder.closed }).toEqual({
        what,
        closed: { code: 4400, reason: "Invalid message received" },
      });
      // Nothing was answered but the acknowledgement.
      expect(recorder.messages).toEqual([{ type: "connection_ack" }]);
    }

    // Before connection_init, too.
    const early = Recorder.open();
    await early.opened;
    early.send("not json");
    expect(await early.closed).toEqual({ code: 4400, reason: "Invalid message received" });
  });

  it("closes with 4429 on a second connection_init", async () => {
    const recorder = await Recorder.acknowledged();
    recorder.send({ type: "connection_init", payload: { authorization: `Bearer ${token("ann")}` } });
    expect(await recorder.closed).toEqual({ code: 4429, reason: "Too many initialisation requests" });
    expect(recorder.messages).toEqual([{ type: "connection_ack" }]);
  });

  it("closes with 4401 on a subscribe sent before connection_ack", async () => {
    const recorder = Recorder.open();
    await recorder.opened;
    recorder.subscribe("1", COUNTDOWN);
    expect(await recorder.closed).toEqual({ code: 4401, reason: "Unauthorized" });
    expect(recorder.messages).toEqual([]);
  });

  it("acknowledges connection_init with a good token (no payload key), and closes with 4403 on a bad one", async () => {
    const good = await Recorder.acknowledged(token("ann"));
    expect(good.messages).toHaveLength(1);
    expect(good.messages[0]).toStrictEqual({ type: "connection_ack" });
    expect(Object.keys(good.messages[0]!)).toEqual(["type"]);

    const guest = await Recorder.acknowledged(undefined);
    expect(guest.messages).toStrictEqual([{ type: "connection_ack" }]);

    for (const bearer of ["garbage", token("ann", -60)]) {
      const bad = Recorder.open();
      await bad.opened;
      bad.send({ type: "connection_init", payload: { authorization: `Bearer ${bearer}` } });
      expect(await bad.closed).toEqual({ code: 4403, reason: "Invalid access token" });
      expect(bad.messages).toEqual([]);
    }
  });

  it("answers ping with pong, echoing a payload when there is one, and ignores an unsolicited pong", async () => {
    // A ping is answered at any time, before connection_init too.
    const early = Recorder.open();
    await early.opened;
    early.send({ type: "ping" });
    expect(await early.nth(1)).toStrictEqual({ type: "pong" });

    const recorder = await Recorder.acknowledged();
    recorder.send({ type: "ping", payload: { sent: 1, nested: { a: [1, "two"] } } });
    expect(await recorder.nth(2)).toStrictEqual({
      type: "pong",
      payload: { sent: 1, nested: { a: [1, "two"] } },
    });
    recorder.send({ type: "ping" });
    const bare = await recorder.nth(3);
    expect(bare).toStrictEqual({ type: "pong" });
    expect("payload" in bare).toBe(false);

    // A pong nobody asked for gets no answer and does not end the connection.
    recorder.send({ type: "pong" });
    recorder.send({ type: "pong", payload: { unsolicited: true } });
    recorder.subscribe("after-pong", COUNTDOWN);
    await recorder.ended("after-pong");
    expect(recorder.messages.slice(3)).toEqual(countdownMessages("after-pong"));
    expect(recorder.closedWith).toBeUndefined();
  });

  it("sends each event of a subscription as a next with its id, then complete with its id", async () => {
    const recorder = await Recorder.acknowledged();
    recorder.subscribe("countdown-1", COUNTDOWN);
    await recorder.ended("countdown-1");
    expect(recorder.messages).toStrictEqual([
      { type: "connection_ack" },
      ...countdownMessages("countdown-1"),
    ]);
  });

  it("runs two subscriptions on one socket independently, each message carrying its own id", async () => {
    const recorder = await Recorder.acknowledged();
    const after = ticks.length;
    recorder.subscribe("live", TICKS, { after });
    recorder.subscribe("short", COUNTDOWN);
    publish(201);
    // The countdown completes while the ticks subscription runs on.
    await recorder.ended("short");
    const first = { sequence: after + 1, value: 201 };
    await recorder.messagesOf("live", 1);
    publish(202);
    const second = { sequence: after + 2, value: 202 };
    expect(await recorder.messagesOf("live", 2)).toStrictEqual([tick("live", first), tick("live", second)]);
    expect(recorder.ofId("short")).toStrictEqual(countdownMessages("short"));
    expect(
      recorder.messages.every((m) => m.type === "connection_ack" || m.id === "live" || m.id === "short"),
    ).toBe(true);

    recorder.send({ id: "live", type: "complete" });
    await waitFor(activeSubscriptions, (n) => n === 0);
    expect(recorder.closedWith).toBeUndefined();
  });

  it("closes with 4409 on a subscribe whose id is still active", async () => {
    const recorder = await Recorder.acknowledged();
    recorder.subscribe("taken", TICKS, { after: ticks.length });
    publish(301);
    await recorder.messagesOf("taken", 1);
    recorder.subscribe("taken", COUNTDOWN);
    expect(await recorder.closed).toEqual({ code: 4409, reason: "Subscriber for taken already exists" });
  });

  it("stops a subscription on the client's complete (no next for its id after it), and lets the id be subscribed again", async () => {
    const recorder = await Recorder.acknowledged();
    const after = ticks.length;
    recorder.subscribe("stopped", TICKS, { after });
    recorder.subscribe("marker", TICKS, { after });
    publish(401);
    await recorder.messagesOf("stopped", 1);
    await recorder.messagesOf("marker", 1);
    await waitFor(activeSubscriptions, (n) => n === 2);

    recorder.send({ id: "stopped", type: "complete" });
    // The server says nothing on a client's complete: its count of subscriptions shows it was taken.
    await waitFor(activeSubscriptions, (n) => n === 1);
    publish(402);
    publish(403);
    // The marker subscription still gets every event; the stopped one got none of them.
    await recorder.messagesOf("marker", 3);
    expect(recorder.ofId("marker")).toStrictEqual([
      tick("marker", { sequence: after + 1, value: 401 }),
      tick("marker", { sequence: after + 2, value: 402 }),
      tick("marker", { sequence: after + 3, value: 403 }),
    ]);
    expect(recorder.ofId("stopped")).toStrictEqual([tick("stopped", { sequence: after + 1, value: 401 })]);

    // The id is free again: a subscribe with it runs (no 4409).
    const before = recorder.messages.length;
    recorder.subscribe("stopped", COUNTDOWN);
    await recorder.ended("stopped");
    expect(recorder.messages.slice(before).filter((m) => m.id === "stopped")).toStrictEqual(
      countdownMessages("stopped"),
    );
    expect(recorder.closedWith).toBeUndefined();
  });

  it("answers a refused subscribe with one error message (an array of errors with extensions.code), no complete, and frees its id at once", async () => {
    const recorder = await Recorder.acknowledged();
    for (const [query, code] of [
      ["subscription { secret }", "FORBIDDEN"],
      ["subscription { nosuch }", "GRAPHQL_VALIDATION_FAILED"],
      ["{ lastSequence }", "BAD_REQUEST"],
      ["mutation { lastSequence }", "BAD_REQUEST"],
    ] as const) {
      const from = recorder.messages.length;
      recorder.subscribe("refused", query);
      const error = await recorder.ended("refused", from);
      expect(error.type).toBe("error");
      expect(Object.keys(error).sort()).toEqual(["id", "payload", "type"]);
      expect(Array.isArray(error.payload)).toBe(true);
      expect(error.payload).toEqual([
        expect.objectContaining({
          message: expect.any(String) as unknown,
          extensions: expect.objectContaining({ code }) as unknown,
        }),
      ]);
      // The id is reused straight after the error: it runs, so the refused one was over, and
      // nothing else came for the refused one (a complete would be here before these).
      recorder.subscribe("refused", COUNTDOWN);
      await recorder.messagesOf("refused", 5, from);
      expect(recorder.messages.slice(from)).toStrictEqual([
        { id: "refused", type: "error", payload: error.payload },
        ...countdownMessages("refused"),
      ]);
    }
    expect(recorder.closedWith).toBeUndefined();
  });

  it("closes a socket that sends no connection_init in time with 4408, and keeps one that did", async () => {
    // The initialised one is opened first, so its own deadline has passed by the time the silent one's has.
    const initialised = await Recorder.acknowledged();
    const silent = Recorder.open();
    await silent.opened;
    expect(await silent.closed).toEqual({ code: 4408, reason: "Connection initialisation timeout" });
    expect(silent.messages).toEqual([]);

    // Still open and served: it answers a ping, and runs a subscription.
    initialised.send({ type: "ping" });
    expect(await initialised.nth(2)).toStrictEqual({ type: "pong" });
    initialised.subscribe("late", COUNTDOWN);
    await initialised.ended("late");
    expect(initialised.ofId("late")).toStrictEqual(countdownMessages("late"));
    expect(initialised.closedWith).toBeUndefined();
  });
});
