import { createLogger } from "@storefront/platform";
import type { Client, Sink } from "graphql-ws";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SubscriptionFailure, isSubscriptionErrorCode } from "../src/subscriptions/errors";
import { createSubscriptionMetrics } from "../src/subscriptions/metrics";
import type { SubscriptionPlan } from "../src/subscriptions/planner";
import { MAX_QUEUED_EVENTS, RouterSubscription } from "../src/subscriptions/subscription";

const log = createLogger({ service: "router-test", level: "silent" });

/**
 * A RouterSubscription over a fake upstream link: the test plays the subgraph through the sink
 * each `subscribe` hands over, and reads (or does not read) like a client.
 */
function subscription(resumeTimeoutMs = 1_000) {
  const sinks: Sink<Record<string, unknown>>[] = [];
  const state = { unsubscribed: 0, ended: 0 };
  const link = {
    subgraph: "ticker",
    connectedAt: 0,
    connected: true,
    client: {
      subscribe(_payload: unknown, sink: Sink<Record<string, unknown>>) {
        sinks.push(sink);
        return () => (state.unsubscribed += 1);
      },
    } as unknown as Client,
  };
  const plan = {
    service: "ticker",
    primary: { operation: "subscription { n }", variableUsages: [] },
    resume: undefined,
    rootField: "n",
  } as unknown as SubscriptionPlan;
  const stream = new RouterSubscription({
    plan,
    link,
    variables: {},
    initialSequence: undefined,
    runEvent: (event) => Promise.resolve(event),
    formatUpstreamErrors: (errors) => [...errors],
    credentialsRefused: () => false,
    resumeTimeoutMs,
    metrics: createSubscriptionMetrics(new Registry()),
    log,
    onEnd: () => (state.ended += 1),
  }).start();
  const sink = () => sinks.at(-1)!;
  return { stream, link, sinks, sink, state };
}

const failureOf = async (pending: Promise<unknown>) => {
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SubscriptionFailure);
  return (error as SubscriptionFailure).errors;
};

afterEach(() => {
  vi.useRealTimers();
});

describe("a client that reads slower than events come", () => {
  it("gets every event while at most MAX_QUEUED_EVENTS wait", async () => {
    const { stream, sink, state } = subscription();
    for (let n = 1; n <= MAX_QUEUED_EVENTS; n++) sink().next({ data: { n } });
    const read: unknown[] = [];
    for (let n = 1; n <= MAX_QUEUED_EVENTS; n++) read.push((await stream.next()).value);
    expect(read).toEqual(Array.from({ length: MAX_QUEUED_EVENTS }, (_, i) => ({ data: { n: i + 1 } })));
    expect(state.unsubscribed).toBe(0);
    await stream.return();
  });

  it("is ended with a retryable SUBSCRIPTION_BACKLOG once one more piles up, and the primary is closed", async () => {
    expect(MAX_QUEUED_EVENTS).toBe(100);
    const { stream, sink, sinks, state } = subscription();
    for (let n = 1; n <= MAX_QUEUED_EVENTS + 1; n++) sink().next({ data: { n } });
    // The subgraph subscription is stopped at once: nothing more is taken in for this client.
    expect(state.unsubscribed).toBe(1);
    for (let n = 0; n < 1_000; n++) sinks[0]!.next({ data: { n } });
    // The client hears of it next, not after the backlog.
    expect(await failureOf(stream.next())).toEqual([
      {
        message: "Updates arrived faster than this connection read them. Subscribe again to resume.",
        extensions: { code: "SUBSCRIPTION_BACKLOG", retryable: true },
      },
    ]);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(state.ended).toBe(1);
    // A router code: the error formatter passes it through to the client.
    expect(isSubscriptionErrorCode("SUBSCRIPTION_BACKLOG")).toBe(true);
  });
});

describe("resuming after the subgraph connection is lost", () => {
  const dropped = { code: 1001, reason: "Going away" };

  it("ends with SUBGRAPH_UNAVAILABLE when the subgraph accepts every connection and drops it at once", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { stream, link, sinks, sink, state } = subscription(1_000);
    const failed = failureOf(stream.next());
    // Each re-open connects (connection_init acknowledged) and is dropped right away.
    for (let drops = 0; drops < 50 && state.ended === 0; drops++) {
      link.connectedAt = Date.now();
      sink().error(dropped);
      await vi.runOnlyPendingTimersAsync();
    }
    expect(state.ended).toBe(1);
    expect(await failed).toEqual([
      expect.objectContaining({ extensions: { code: "SUBGRAPH_UNAVAILABLE", retryable: true } }),
    ]);
    // Retried with backoff for about the resume timeout, not every 50-100 ms forever.
    expect(sinks.length).toBeGreaterThan(1);
    expect(sinks.length).toBeLessThan(10);
    expect(Date.now() - 1_000_000).toBeGreaterThan(1_000);
    expect(state.ended).toBe(1);
  });

  it("treats an event after a re-open as the end of the outage", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { stream, link, sink, state } = subscription(1_000);
    const first = stream.next();
    link.connectedAt = Date.now();
    sink().error(dropped);
    await vi.advanceTimersByTimeAsync(900);
    sink().next({ data: { n: 1 } });
    expect(await first).toEqual({ done: false, value: { data: { n: 1 } } });
    // Much later, a second outage: re-opened again, not ended as the first one's continuation.
    await vi.advanceTimersByTimeAsync(60_000);
    const second = stream.next();
    sink().error(dropped);
    await vi.advanceTimersByTimeAsync(2_500);
    sink().next({ data: { n: 2 } });
    expect(await second).toEqual({ done: false, value: { data: { n: 2 } } });
    expect(state.ended).toBe(0);
    await stream.return();
  });

  it("treats a quiet primary that held on its connection for the resume timeout as the end of the outage", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { stream, link, sinks, sink, state } = subscription(1_000);
    const next = stream.next();
    link.connectedAt = Date.now();
    sink().error(dropped);
    await vi.advanceTimersByTimeAsync(500);
    expect(sinks).toHaveLength(2);
    // The re-opened primary connects and stays up, without events (nothing changed), for a minute.
    link.connectedAt = Date.now();
    await vi.advanceTimersByTimeAsync(60_000);
    sink().error(dropped);
    await vi.advanceTimersByTimeAsync(500);
    expect(sinks).toHaveLength(3);
    expect(state.unsubscribed).toBe(0);
    sink().next({ data: { n: 1 } });
    expect(await next).toEqual({ done: false, value: { data: { n: 1 } } });
    await stream.return();
  });
});
