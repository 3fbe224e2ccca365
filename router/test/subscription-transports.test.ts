import { type Viewer } from "@storefront/platform/auth";
import { type RequestContext } from "@storefront/platform/context";
import { type RunningHttpService } from "@storefront/platform/http";
import { createLogger } from "@storefront/platform/logger";
import { createServiceMetrics } from "@storefront/platform/metrics";
import { startSubgraphServer } from "@storefront/platform/subgraph";
import { connect } from "node:net";
import { composeSupergraph } from "@storefront/schema";
import { testEnv, waitFor } from "@storefront/testkit";
import { createClient } from "graphql-sse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routerConfigFrom, startRouter, type RunningRouter } from "../src";
import { metric } from "./support";
import { token, verify } from "./subscription-support";

/**
 * The HTTP subscription transports (SSE, multipart) against one small subgraph, with tokens
 * `user.<expiry>` checked by a fake verifier the router and the subgraph share: what the
 * whole-platform tests (e2e/test/live-orders-http.test.ts) cannot reach cheaply, a subscription
 * that completes, a token that expires while a stream is open, the heartbeats.
 */
const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { ping: Int! }
  type Subscription {
    "Three values, then the subscription completes."
    countdown: Int!
    "Never sends anything."
    quiet: Int!
    "FLOOD_EVENTS large values at once, then nothing."
    flood: String!
  }
`;
const log = createLogger({ service: "router-test", level: testEnv.logLevel });
const HEARTBEAT_MS = 100;
const MULTIPART_ACCEPT = 'multipart/mixed;subscriptionSpec="1.0", application/json';

const contextOf = (viewer?: Viewer): RequestContext => ({
  requestId: "test",
  viewer,
  authorization: undefined,
  clientIp: undefined,
  userAgent: undefined,
  internalCaller: false,
  log,
});

/** A subscription that sends nothing until it is returned (a generator could not be). */
function quiet(): AsyncIterableIterator<number> {
  let stop = () => {};
  const stopped = new Promise<IteratorResult<number>>(
    (resolve) => (stop = () => resolve({ done: true, value: undefined })),
  );
  return {
    next: () => stopped,
    return: () => {
      stop();
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Enough large values to fill every buffer between the router and a client that does not read. */
const FLOOD_EVENTS = 400;
const FLOOD_VALUE = "x".repeat(100_000);

function flood(): AsyncIterableIterator<string> {
  let sent = 0;
  const rest = quiet();
  return {
    next: () =>
      sent++ < FLOOD_EVENTS
        ? Promise.resolve({ done: false, value: FLOOD_VALUE })
        : (rest.next() as unknown as Promise<IteratorResult<string>>),
    return: () => rest.return!() as unknown as Promise<IteratorResult<string>>,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

let ticker: RunningHttpService;
let router: RunningRouter;

beforeAll(async () => {
  ticker = await startSubgraphServer<RequestContext>({
    name: "ticker",
    port: 0,
    typeDefs: SDL,
    log,
    metrics: createServiceMetrics("ticker"),
    readiness: {},
    context: () => Promise.resolve(contextOf()),
    resolvers: {
      Query: { ping: () => 1 },
      Subscription: {
        countdown: {
          subscribe: async function* () {
            for (const value of [3, 2, 1]) yield await Promise.resolve(value);
          },
          resolve: (value: unknown) => value,
        },
        quiet: { subscribe: quiet, resolve: (value: unknown) => value },
        flood: { subscribe: flood, resolve: (value: unknown) => value },
      },
    },
    subscriptions: {
      connect: async (_req, params) => {
        const authorization = typeof params.authorization === "string" ? params.authorization : "";
        return contextOf(authorization ? await verify(authorization.replace(/^Bearer /, "")) : undefined);
      },
      perEvent: (context) => context,
    },
  });
  const supergraphSdl = composeSupergraph([{ name: "ticker", url: ticker.url, sdl: SDL }]);
  const config = routerConfigFrom({
    ROUTER_PORT: "0",
    ROUTER_METRICS_PORT: "0",
    LOG_LEVEL: testEnv.logLevel,
    RATE_LIMIT_PER_MINUTE: "0",
    SUBSCRIPTION_HEARTBEAT_MS: String(HEARTBEAT_MS),
    CORS_ORIGINS: ALLOWED_ORIGIN,
  });
  router = await startRouter({ ...config, supergraphSdl }, { log, verifyToken: verify });
});

afterAll(async () => {
  await router?.stop();
  await ticker?.close();
});

const ALLOWED_ORIGIN = "https://shop.example";

/** POSTs a subscription and reads the whole response (the stream must end by itself). */
async function streamed(accept: string, query: string, authorization = `Bearer ${token("ann")}`) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { accept, "content-type": "application/json", authorization },
    body: JSON.stringify({ query }),
  });
  return { response, text: await response.text() };
}

/** Reads a stream until `enough` holds of what arrived, then leaves. */
async function readUntil(accept: string, query: string, enough: (text: string) => boolean) {
  const controller = new AbortController();
  const response = await fetch(router.url, {
    method: "POST",
    headers: { accept, "content-type": "application/json", authorization: `Bearer ${token("ann")}` },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!enough(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended early: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  return text;
}

describe("a stream's head", () => {
  it("carries the request id and, for an allowed origin, the CORS headers, on both transports", async () => {
    for (const accept of ["text/event-stream", 'multipart/mixed;subscriptionSpec="1.0"']) {
      const response = await fetch(router.url, {
        method: "POST",
        headers: {
          accept,
          "content-type": "application/json",
          authorization: `Bearer ${token("ann")}`,
          origin: ALLOWED_ORIGIN,
          "x-request-id": `head-${accept.length}`,
        },
        body: JSON.stringify({ query: "subscription { countdown }" }),
      });
      await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toBe(`head-${accept.length}`);
      expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get("vary")).toBe("Origin");
      expect(response.headers.get("content-type")).toContain(accept.split(";")[0]);
    }
    // Another origin is not allowed; the request id is made when none is sent.
    const other = await fetch(router.url, {
      method: "POST",
      headers: {
        accept: "text/event-stream",
        "content-type": "application/json",
        authorization: `Bearer ${token("ann")}`,
        origin: "https://elsewhere.example",
      },
      body: JSON.stringify({ query: "subscription { countdown }" }),
    });
    await other.text();
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("a subscription that completes", () => {
  it("SSE: a next event per value, then complete", async () => {
    const { response, text } = await streamed("text/event-stream", `subscription { countdown }`);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const events = text
      .split("\n\n")
      .filter((block) => block.startsWith("event:"))
      .map((block) => block.split("\n"));
    expect(events).toEqual([
      ["event: next", 'data: {"data":{"countdown":3}}'],
      ["event: next", 'data: {"data":{"countdown":2}}'],
      ["event: next", 'data: {"data":{"countdown":1}}'],
      ["event: complete", "data:"],
    ]);
  });

  it("multipart: a payload part per value, then the closing boundary", async () => {
    const { text } = await streamed(MULTIPART_ACCEPT, `subscription { countdown }`);
    const parts = text
      .split("\r\n--graphql")
      .slice(1)
      .map((part) => part.split("\r\n\r\n")[1]);
    expect(parts.filter((body) => body !== "{}")).toEqual([
      '{"payload":{"data":{"countdown":3}}}',
      '{"payload":{"data":{"countdown":2}}}',
      '{"payload":{"data":{"countdown":1}}}',
      undefined, // "--\r\n": the closing boundary
    ]);
    expect(text.endsWith("\r\n--graphql--\r\n")).toBe(true);
  });

  it("the graphql-sse client gets the values and completes", async () => {
    const client = createClient({
      url: router.url,
      headers: { authorization: `Bearer ${token("ann")}` },
      retryAttempts: 0,
    });
    const values: unknown[] = [];
    for await (const result of client.iterate({ query: `subscription { countdown }` }))
      values.push(result.data);
    expect(values).toEqual([{ countdown: 3 }, { countdown: 2 }, { countdown: 1 }]);
    client.dispose();
  });
});

describe("a stream kept open", () => {
  it("sends heartbeats every SUBSCRIPTION_HEARTBEAT_MS: multipart an empty part, SSE a comment", async () => {
    const started = Date.now();
    const multipart = await readUntil(
      MULTIPART_ACCEPT,
      `subscription { quiet }`,
      (text) => text.split("\r\n\r\n{}\r\n--graphql").length - 1 >= 4,
    );
    expect(multipart).not.toContain("payload");
    const sse = await readUntil(
      "text/event-stream",
      `subscription { quiet }`,
      (text) => text.split(":\n\n").length - 1 >= 4,
    );
    expect(sse).not.toContain("event:");
    // Four heartbeats each (the first at once): at least three intervals.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 3 * HEARTBEAT_MS);
    await waitFor(
      async () => [
        await metric(router.metricsUrl, "router_subscriptions_active", { transport: "sse" }),
        await metric(router.metricsUrl, "router_subscriptions_active", { transport: "multipart" }),
      ],
      (active) => active.every((count) => count === 0),
    );
  });

  it("ends with UNAUTHENTICATED when the access token expires", async () => {
    const expiring = `Bearer ${token("bob", 1)}`;
    const [sse, multipart] = await Promise.all([
      streamed("text/event-stream", `subscription { quiet }`, expiring),
      streamed(MULTIPART_ACCEPT, `subscription { quiet }`, expiring),
    ]);
    expect(sse.text).toContain(
      'event: next\ndata: {"errors":[{"message":"The access token has expired.","extensions":{"code":"UNAUTHENTICATED"}}]}',
    );
    expect(sse.text.endsWith("event: complete\ndata:\n\n")).toBe(true);
    expect(multipart.text).toContain(
      '{"payload":null,"errors":[{"message":"The access token has expired.","extensions":{"code":"UNAUTHENTICATED"}}]}',
    );
    expect(multipart.text.endsWith("\r\n--graphql--\r\n")).toBe(true);
  });

  it("reads no further than a client does: a client that stops reading ends with a backlog, not in the router's memory", async () => {
    const { port } = new URL(router.url);
    const socket = connect(Number(port), "127.0.0.1");
    socket.pause(); // never read: the kernel's buffers fill, then Node's
    const body = JSON.stringify({ query: `subscription { flood }` });
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: localhost\r\naccept: multipart/mixed;subscriptionSpec="1.0"\r\n` +
        `content-type: application/json\r\nauthorization: Bearer ${token("ann")}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    try {
      await waitFor(
        () => metric(router.metricsUrl, "router_subscriptions_active", { transport: "multipart" }),
        (active) => active === 1,
      );
      // The flood never completes: only SUBSCRIPTION_BACKLOG ends the subscription while the
      // client still holds its connection (without backpressure every value would be buffered).
      await waitFor(
        () => metric(router.metricsUrl, "router_subscriptions_active", { transport: "multipart" }),
        (active) => active === 0,
      );
      expect(socket.destroyed).toBe(false);
    } finally {
      socket.destroy();
    }
  });
});
