import { createLogger } from "@storefront/platform/logger";
import type { Client, Sink } from "graphql-ws";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SubscriptionFailure, isSubscriptionErrorCode } from "../src/subscriptions/errors";
import { createSubscriptionMetrics } from "../src/subscriptions/metrics";
import type { SubscriptionPlan } from "../src/subscriptions/planner";
import { SharedSubscriptions, type SubscribeRequest } from "../src/subscriptions/shared";
import { MAX_QUEUED_EVENTS } from "../src/subscriptions/subscription";

const log = createLogger({ service: "router-test", level: "silent" });

/**
 * Client subscriptions over a fake upstream link: the test plays the subgraph through the sink
 * each `subscribe` hands over, and reads (or does not read) like clients.
 */
function upstream(resumeTimeoutMs = 1_000) {
  const sinks: Sink<Record<string, unknown>>[] = [];
  const payloads: { variables?: Record<string, unknown>; extensions?: Record<string, unknown> }[] = [];
  const state = { unsubscribed: 0, ended: 0, runs: 0 };
  const link = {
    subgraph: "ticker",
    connectedAt: 0,
    connected: true,
    client: {
      subscribe(payload: (typeof payloads)[number], sink: Sink<Record<string, unknown>>) {
        payloads.push(payload);
        sinks.push(sink);
        return () => (state.unsubscribed += 1);
      },
    } as unknown as Client,
  };
  const metrics = createSubscriptionMetrics(new Registry());
  const shared = new SharedSubscriptions({
    upstream: { link: () => link, close: () => Promise.resolve() },
    resumeTimeoutMs,
    metrics,
    log,
  });
  const plan = {
    service: "ticker",
    primary: { operation: "subscription { n }", variableUsages: [] },
    resume: undefined,
    rootField: "n",
  } as unknown as SubscriptionPlan;
  const join = (request: Partial<SubscribeRequest> = {}) =>
    shared.join(
      {
        plan,
        variables: {},
        initialSequence: undefined,
        authorization: "Bearer ann",
        callerHeaders: { authorization: "Bearer ann" },
        runEvent: (event) => {
          state.runs += 1;
          return Promise.resolve(event);
        },
        formatUpstreamErrors: (errors) => [...errors],
        logs: { log },
        ...request,
      },
      { credentialsRefused: () => false, onEnd: () => (state.ended += 1) },
    );
  const sink = () => sinks.at(-1)!;
  return { join, link, sinks, sink, state, payloads, metrics };
}

function subscription(resumeTimeoutMs = 1_000) {
  const fake = upstream(resumeTimeoutMs);
  return { ...fake, stream: fake.join() };
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
    // The subgraph subscription is stopped once the events are handed over: its only client is gone.
    await vi.waitFor(() => expect(state.unsubscribed).toBe(1));
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

describe("identical subscriptions", () => {
  it("share one upstream subscription: each event is completed once and handed to every subscriber", async () => {
    const { join, sinks, sink, state, payloads, metrics } = upstream();
    const first = join();
    const second = join();
    expect(sinks).toHaveLength(1);
    // The subgraph is told whose subscription it is in the subscribe message itself.
    expect(payloads[0]!.extensions).toEqual({ headers: { authorization: "Bearer ann" } });
    expect(
      (await metrics.deduplicatedSubscribers.get()).values.find((v) => v.labels.subgraph === "ticker")?.value,
    ).toBe(1);
    sink().next({ data: { n: 1 } });
    sink().next({ data: { n: 2 } });
    for (const stream of [first, second]) {
      expect((await stream.next()).value).toEqual({ data: { n: 1 } });
      expect((await stream.next()).value).toEqual({ data: { n: 2 } });
    }
    expect(state.runs).toBe(2);

    // Another token, other variables: subscriptions of their own.
    const other = join({ authorization: "Bearer bob", callerHeaders: { authorization: "Bearer bob" } });
    const otherVariables = join({ variables: { limit: 2 } });
    expect(sinks).toHaveLength(3);

    // The upstream subscription ends with its last subscriber, not before.
    await first.return();
    expect(state.unsubscribed).toBe(0);
    await second.return();
    expect(state.unsubscribed).toBe(1);
    expect(
      (await metrics.deduplicatedSubscribers.get()).values.find((v) => v.labels.subgraph === "ticker")?.value,
    ).toBe(0);
    // A new identical one opens its own.
    const again = join();
    expect(sinks).toHaveLength(4);
    for (const stream of [other, otherVariables, again]) await stream.return();
    expect(
      (await metrics.upstreamSubscriptions.get()).values.find((v) => v.labels.subgraph === "ticker")?.value,
    ).toBe(0);
  });

  it("a slow subscriber is dropped with SUBSCRIPTION_BACKLOG while the others get every event", async () => {
    const { join, sink, state } = subscription();
    const slow = join();
    const fast = join();
    const fastRead: unknown[] = [];
    const reading = (async () => {
      for (;;) {
        const step = await fast.next();
        if (step.done) return;
        fastRead.push(step.value);
      }
    })();
    const total = MAX_QUEUED_EVENTS * 3;
    for (let n = 1; n <= total; n++) {
      sink().next({ data: { n } });
      // One socket read at a time, as events come on a live subscription.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(() => expect(fastRead).toHaveLength(total));
    expect(fastRead.at(-1)).toEqual({ data: { n: total } });
    expect(await failureOf(slow.next())).toEqual([
      expect.objectContaining({ extensions: { code: "SUBSCRIPTION_BACKLOG", retryable: true } }),
    ]);
    // The shared subscription goes on for the others.
    expect(state.unsubscribed).toBe(0);
    await fast.return();
    await reading;
    expect(state.unsubscribed).toBe(1);
  });

  it("a refusal by the subgraph reaches every subscriber", async () => {
    const { join, sink, state } = upstream();
    const streams = [join(), join()];
    sink().next({ errors: [{ message: "Not for you.", extensions: { code: "FORBIDDEN" } }] });
    // The subgraph completes a refused subscription itself: releasing it as well would count the
    // shared connection's hold off twice, and it would never close when idle.
    expect(state.unsubscribed).toBe(0);
    for (const stream of streams) {
      expect(await failureOf(stream.next())).toEqual([
        { message: "Not for you.", extensions: { code: "FORBIDDEN" } },
      ]);
    }
  });
});
