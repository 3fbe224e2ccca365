import type { Viewer } from "@storefront/platform/auth";
import { createLogger } from "@storefront/platform/logger";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createSubscriptionCore,
  type ConnectionEnd,
  type SubscriptionConnection,
} from "../src/subscriptions/transports/core";
import { ExpiryTimers } from "../src/subscriptions/transports/expiry";

const log = createLogger({ service: "router-test", level: "silent" });

/** A core whose tokens are `user.<expiry in seconds>`; only connecting is used. */
function core() {
  return createSubscriptionCore({
    log,
    settings: {
      initTimeoutMs: 1_000,
      maxMessageBytes: 10_000,
      maxPerConnection: 3,
      resumeTimeoutMs: 1_000,
      keepAliveMs: 0,
      heartbeatMs: 1_000,
    },
    operationTimeoutMs: 1_000,
    protection: { clients: undefined, metrics: { rejected: () => undefined } } as never,
    admission: {} as never,
    verifyToken: (token: string): Promise<Viewer> => {
      const [userId, expiry] = token.split(".");
      return Promise.resolve({
        userId: userId!,
        role: "CUSTOMER",
        expiresAt: Number(expiry),
        sessionId: undefined,
      });
    },
    planning: { current: undefined } as never,
    operations: {} as never,
    registry: new Registry(),
    formatError: (formatted) => formatted,
  });
}

/** Connects a client whose token expires at `expiresAt` (seconds); its ends are pushed on `ends`. */
async function connect(
  subscriptions: ReturnType<typeof core>,
  name: string,
  expiresAt: number,
  ends: [string, ConnectionEnd][],
): Promise<SubscriptionConnection> {
  const outcome = await subscriptions.connect({
    transport: "graphql-ws",
    credentials: { apiKey: undefined, authorization: `Bearer ${name}.${expiresAt}`, address: undefined },
    requestId: name,
    client: {
      open: true,
      end: (reason) => {
        ends.push([name, reason]);
      },
    },
  });
  if (outcome.kind !== "connected") throw new Error(`${name} was not connected`);
  return outcome.connection;
}

const activeTimeouts = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

afterEach(() => {
  vi.useRealTimers();
});

describe("token expiry of subscription connections", () => {
  it("waits on one timer for every connection, whatever their expiries", async () => {
    const subscriptions = core();
    const now = Math.floor(Date.now() / 1000);
    const ends: [string, ConnectionEnd][] = [];
    const before = activeTimeouts();
    const connections = [];
    for (let i = 0; i < 100; i++)
      connections.push(await connect(subscriptions, `u${i}`, now + 600 + i, ends));
    expect(activeTimeouts() - before).toBeLessThanOrEqual(1);
    // The last one gone, the timer goes too.
    for (const connection of connections) await subscriptions.disconnect(connection);
    expect(activeTimeouts()).toBe(before);
    expect(ends).toEqual([]);
    await subscriptions.close();
  });

  it("ends each connection with 'token expired' at its token's expiry, and none that left", async () => {
    vi.useFakeTimers({ now: 1_800_000_000_000, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const subscriptions = core();
    const now = 1_800_000_000;
    const ends: [string, ConnectionEnd][] = [];
    await connect(subscriptions, "ann", now + 3, ends);
    await connect(subscriptions, "bob", now + 2, ends);
    await connect(subscriptions, "cid", now + 2, ends);
    const left = await connect(subscriptions, "dee", now + 1, ends);
    await subscriptions.disconnect(left);
    // One whose token expired while it connected ends at once.
    await connect(subscriptions, "eve", now - 1, ends);

    await vi.advanceTimersByTimeAsync(0);
    expect(ends).toEqual([["eve", "token expired"]]);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(ends).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ends.slice(1)).toEqual([
      ["bob", "token expired"],
      ["cid", "token expired"],
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ends.slice(3)).toEqual([["ann", "token expired"]]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ends).toHaveLength(4);
  });
});

describe("ExpiryTimers", () => {
  it("calls each item at its time, earliest first, however they were added", () => {
    vi.useFakeTimers({ now: 0, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const called: [number, number][] = [];
    const timers = new ExpiryTimers<number>((item) => called.push([item, Date.now()]));
    const times = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 200) * 10 + 10);
    times.forEach((at, item) => timers.add(item, at));
    // Every other one leaves before its time.
    times.forEach((at, item) => item % 2 === 1 && timers.delete(item, at));
    vi.advanceTimersByTime(2_100);
    const expected = times
      .map((at, item) => [item, at] as [number, number])
      .filter(([item]) => item % 2 === 0)
      .sort((a, b) => a[1] - b[1]);
    expect(called).toEqual(expected);
    expect(timers.size).toBe(0);
  });

  it("waits past the longest timeout setTimeout holds", () => {
    vi.useFakeTimers({ now: 0, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const called: string[] = [];
    const timers = new ExpiryTimers<string>((item) => called.push(item));
    const farAway = 40 * 24 * 3600 * 1000;
    timers.add("far", farAway);
    vi.advanceTimersByTime(2 ** 31);
    expect(called).toEqual([]);
    vi.advanceTimersByTime(farAway - 2 ** 31);
    expect(called).toEqual(["far"]);
  });
});
