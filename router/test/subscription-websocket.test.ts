import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Viewer } from "@storefront/platform/auth";
import { unauthenticated } from "@storefront/platform/errors";
import { createLogger } from "@storefront/platform/logger";
import { waitFor } from "@storefront/testkit";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { attachSubscriptionServer, type RunningSubscriptionServer } from "../src/subscriptions/server";

const log = createLogger({ service: "router-test", level: "silent" });

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Tokens are `user.<expiry in seconds>`. */
function verify(presented: string): Promise<Viewer> {
  const [userId, expiry] = presented.split(".");
  const expiresAt = Number(expiry);
  if (!userId || !Number.isInteger(expiresAt)) return Promise.reject(unauthenticated("Bad token."));
  return Promise.resolve({ userId, role: "CUSTOMER", expiresAt, sessionId: undefined });
}

let server: Server | undefined;
let running: RunningSubscriptionServer | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await running?.close();
  await new Promise((resolve) => server?.close(resolve));
  running = undefined;
  server = undefined;
});

/**
 * The router's graphql-ws server alone on an HTTP server: connection_init is all these tests
 * need, so the parts of the core that subscribes use are left out.
 */
async function start(keepAliveMs: number) {
  server = createServer();
  running = attachSubscriptionServer({
    server,
    path: "/graphql",
    production: true,
    trustProxy: false,
    log,
    settings: {
      initTimeoutMs: 100,
      maxMessageBytes: 10_000,
      maxPerConnection: 3,
      resumeTimeoutMs: 1_000,
      keepAliveMs,
      heartbeatMs: 1_000,
    },
    operationTimeoutMs: 1_000,
    protection: { clients: undefined, metrics: { rejected: () => undefined } } as never,
    admission: {} as never,
    verifyToken: verify,
    planning: { current: undefined } as never,
    operations: {} as never,
    registry: new Registry(),
    formatError: (formatted) => formatted,
  });
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  return `ws://127.0.0.1:${(listening.address() as AddressInfo).port}/graphql`;
}

/** A graphql-ws client socket, acknowledged; `autoPong: false` makes one that never answers pings. */
async function connected(url: string, options: { autoPong?: boolean; token?: string } = {}) {
  const socket = new WebSocket(url, "graphql-transport-ws", { autoPong: options.autoPong ?? true });
  sockets.push(socket);
  const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const acknowledged = new Promise<void>((resolve) =>
    socket.on("message", (data) => {
      if ((JSON.parse((data as Buffer).toString()) as { type: string }).type === "connection_ack") resolve();
    }),
  );
  socket.send(
    JSON.stringify({
      type: "connection_init",
      payload: options.token ? { authorization: `Bearer ${options.token}` } : {},
    }),
  );
  await acknowledged;
  return { socket, closed };
}

const activeTimeouts = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("the router's graphql-ws server", () => {
  it("does not keep a connection's upgrade request once the connection is set up", async () => {
    const url = await start(0);
    const requests: WeakRef<IncomingMessage>[] = [];
    server!.prependListener("upgrade", (request: IncomingMessage) => requests.push(new WeakRef(request)));
    const { socket } = await connected(url, { token: `ann.${Math.floor(Date.now() / 1000) + 600}` });
    expect(requests).toHaveLength(1);

    // A WeakRef's target lives at least until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(requests[0]!.deref()).toBeUndefined();
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it("pings every socket from one timer, and terminates a client that stops answering", async () => {
    const url = await start(100);
    const first = await connected(url);
    // graphql-ws's connection_init timeout (100 ms) has passed for the first socket.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const timers = activeTimeouts();
    const answering = await Promise.all(Array.from({ length: 20 }, () => connected(url)));
    const silent = await connected(url, { autoPong: false });
    // Past the connection_init timeouts of the new sockets: none of them holds a timer of its own.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(activeTimeouts()).toBe(timers);

    // The silent one is pinged, does not answer by the next ping, and is terminated (1006).
    expect(await silent.closed).toBe(1006);
    // The others answered every ping and stay, a few more pings later.
    await new Promise((resolve) => setTimeout(resolve, 350));
    for (const { socket } of [first, ...answering]) expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it("waits for every socket's connection_init on one timer, and closes one that sends none with 4408", async () => {
    const url = await start(0);
    const before = activeTimeouts();
    const silent = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const socket = new WebSocket(url, "graphql-transport-ws");
        sockets.push(socket);
        const closed = new Promise<[number, string]>((resolve) =>
          socket.once("close", (code, reason) => resolve([code, reason.toString()])),
        );
        await new Promise((resolve) => socket.once("open", resolve));
        return { closed };
      }),
    );
    expect(activeTimeouts() - before).toBeLessThanOrEqual(1);
    // One that says connection_init in time stays.
    const { socket } = await connected(url);
    for (const { closed } of silent)
      expect(await closed).toEqual([4408, "Connection initialisation timeout"]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it("keeps a client that answers pings past several keep-alive periods", async () => {
    const url = await start(50);
    let pings = 0;
    const { socket } = await connected(url);
    socket.on("ping", () => (pings += 1));
    await waitFor(
      () => Promise.resolve(pings),
      (n) => n >= 5,
    );
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});
