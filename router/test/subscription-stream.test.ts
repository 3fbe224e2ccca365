import { createLogger } from "@storefront/platform/logger";
import type { Client, Sink } from "graphql-ws";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SubscriptionFailure, isSubscriptionErrorCode } from "../src/subscriptions/errors";
import { createSubscriptionMetrics } from "../src/subscriptions/metrics";
import type { SubscriptionPlan } from "../src/subscriptions/planner";
import { SharedSubscriptions, type SubscribeRequest, type Subscriber } from "../src/subscriptions/shared";
import { MAX_QUEUED_EVENTS } from "../src/subscriptions/subscription";
import { CALLER_EXTENSION } from "../src/subscriptions/upstream";

const log = createLogger({ service: "router-test", level: "silent" });

/**
 * Client subscriptions over a fake upstream link: the test plays the subgraph through the sink
 * each `subscribe` hands over, and reads (or does not read) like clients.
 */
function upstream(resumeTimeoutMs = 1_000, resumable = false) {
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
  const shared = new SharedSubscriptions<string>({
    upstream: { link: () => link, close: () => Promise.resolve() },
    resumeTimeoutMs,
    metrics,
    log,
  });
  const plan = {
    service: "ticker",
    primary: { operation: "subscription { n }", variableUsages: [] },
    // A resumable primary: `n { routerResumeSequence }` carries each event's sequence.
    resume: resumable ? { responseName: "n", initial: undefined } : undefined,
    rootField: "n",
  } as unknown as SubscriptionPlan;
  /** The subscribe of caller `token` (of scope "ann" unless told). */
  const requestOf = (
    token: string,
    request: Partial<SubscribeRequest<string>> = {},
  ): SubscribeRequest<string> => ({
    plan,
    variables: {},
    initialSequence: undefined,
    scope: "ann",
    callerHeaders: { authorization: `Bearer ${token}` },
    runEvent: (event) => {
      state.runs += 1;
      return Promise.resolve(event);
    },
    formatUpstreamErrors: (errors) => [...errors],
    logs: { log },
    madeBy: (caller) => requestOf(caller, request),
    ...request,
  });
  const join = (
    request: Partial<SubscribeRequest<string>> = {},
    subscriber: Partial<Subscriber<string>> & { token?: string } = {},
  ) =>
    shared.join(requestOf(subscriber.token ?? "ann", request), {
      caller: subscriber.token ?? "ann",
      canHold: () => true,
      credentialsRefused: () => false,
      onEnd: () => (state.ended += 1),
      ...subscriber,
    });
  const sink = () => sinks.at(-1)!;
  return { join, link, sinks, sink, state, payloads, metrics, shared };
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
    const other = join({ scope: "bob" }, { token: "bob" });
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

describe("subscriptions shared by authorization scope", () => {
  /** A resumable event with its sequence, as the subgraph sends it. */
  const tick = (sequence: number) => ({ data: { n: { routerResumeSequence: sequence } } });
  const handovers = async (metrics: ReturnType<typeof upstream>["metrics"]) =>
    (await metrics.handovers.get()).values.reduce((sum, value) => sum + value.value, 0);

  it("go on as another client of the scope when the one they were opened as leaves, after the last sequence", async () => {
    const { join, sinks, sink, payloads, metrics, state } = upstream(1_000, true);
    const first = join({}, { token: "ann-laptop" });
    const second = join({}, { token: "ann-phone" });
    // One upstream subscription for both tokens of the one user, opened as the first.
    expect(sinks).toHaveLength(1);
    expect(payloads[0]!.extensions).toMatchObject({
      [CALLER_EXTENSION]: { authorization: "Bearer ann-laptop" },
    });
    sink().next(tick(7));
    expect((await second.next()).value).toEqual(tick(7));
    expect((await first.next()).value).toEqual(tick(7));

    await first.return();
    // Re-opened as the phone, after sequence 7; the laptop's is released.
    expect(sinks).toHaveLength(2);
    expect(state.unsubscribed).toBe(1);
    expect(payloads[1]!.extensions).toMatchObject({
      [CALLER_EXTENSION]: { authorization: "Bearer ann-phone" },
    });
    expect(payloads[1]!.variables).toMatchObject({ routerResumeAfterSequence: 7 });
    expect(await handovers(metrics)).toBe(1);
    // What the old one still sends is not taken; the replay of 7 is dropped; 8 arrives once.
    sinks[0]!.next(tick(8));
    sink().next(tick(7));
    sink().next(tick(8));
    expect((await second.next()).value).toEqual(tick(8));
    expect(state.runs).toBe(2);
  });

  it("go on as another client when the subgraph refuses the token they were opened as, which ends its client", async () => {
    const { join, sinks, sink, payloads, state } = upstream(1_000, true);
    let laptopExpired = false;
    const laptop = join(
      {},
      {
        token: "ann-laptop",
        canHold: () => !laptopExpired,
        // The router ends the laptop's connection for it (and says so).
        credentialsRefused: () => laptopExpired,
      },
    );
    const phone = join({}, { token: "ann-phone" });
    sink().next(tick(1));
    expect((await phone.next()).value).toEqual(tick(1));
    expect((await laptop.next()).value).toEqual(tick(1));

    laptopExpired = true;
    sink().next({ errors: [{ message: "The token has expired.", extensions: { code: "UNAUTHENTICATED" } }] });
    expect(sinks).toHaveLength(2);
    expect(payloads[1]!.extensions).toMatchObject({
      [CALLER_EXTENSION]: { authorization: "Bearer ann-phone" },
    });
    expect(payloads[1]!.variables).toMatchObject({ routerResumeAfterSequence: 1 });
    sink().next(tick(2));
    // The phone got no failure: its next item is the next event.
    expect((await phone.next()).value).toEqual(tick(2));
    expect(state.ended).toBe(0);
  });

  it("end for everyone when no other client's credentials can hold them", async () => {
    const { join, sinks, sink } = upstream(1_000, true);
    const laptop = join({}, { token: "ann-laptop", credentialsRefused: () => true, canHold: () => false });
    const phone = join({}, { token: "ann-phone", canHold: () => false });
    sink().next({ errors: [{ message: "The token has expired.", extensions: { code: "UNAUTHENTICATED" } }] });
    expect(sinks).toHaveLength(1);
    // The laptop's connection is being closed for its token; the phone gets the refusal.
    expect(await failureOf(phone.next())).toEqual([
      { message: "The token has expired.", extensions: { code: "UNAUTHENTICATED" } },
    ]);
    await laptop.return();
  });

  it("stay on one token for a primary that cannot resume: its clients share the token, and nothing re-opens", async () => {
    const { join, sinks, state } = upstream(1_000, false);
    const first = join({ scope: "Bearer ann" }, { token: "ann" });
    const second = join({ scope: "Bearer ann" }, { token: "ann" });
    expect(sinks).toHaveLength(1);
    await first.return();
    expect(sinks).toHaveLength(1);
    expect(state.unsubscribed).toBe(0);
    await second.return();
    expect(state.unsubscribed).toBe(1);
  });
});
