import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createLogger } from "@storefront/platform/logger";
import type { Client, Sink } from "graphql-ws";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createSubscriptionMetrics } from "../src/subscriptions/metrics";
import type { SubscriptionPlan } from "../src/subscriptions/planner";
import { SharedSubscriptions, type SubscribeRequest } from "../src/subscriptions/shared";

const log = createLogger({ service: "router-test", level: "silent" });

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/**
 * What one subscriber costs the router is what it keeps while it stays subscribed. A subscriber
 * that joins an identical upstream subscription already running never runs events (the first
 * one's runner completes them for everybody), so its own request, with the runner's closure over
 * its document, variables and caller, must not stay reachable from its subscription.
 */
describe("a subscriber that joins a running upstream subscription", () => {
  it("keeps neither its request nor its event runner", async () => {
    const sinks: Sink<Record<string, unknown>>[] = [];
    const link = {
      subgraph: "ticker",
      connectedAt: 0,
      connected: true,
      client: {
        subscribe(_payload: unknown, sink: Sink<Record<string, unknown>>) {
          sinks.push(sink);
          return () => undefined;
        },
      } as unknown as Client,
    };
    const shared = new SharedSubscriptions({
      upstream: { link: () => link, close: () => Promise.resolve() },
      resumeTimeoutMs: 1_000,
      metrics: createSubscriptionMetrics(new Registry()),
      log,
    });
    const plan = {
      service: "ticker",
      primary: { operation: "subscription { n }", variableUsages: [] },
      resume: undefined,
      rootField: "n",
    } as unknown as SubscriptionPlan;
    const request = (): SubscribeRequest => ({
      plan,
      variables: {},
      initialSequence: undefined,
      scope: "Bearer ann",
      madeBy: () => request(),
      callerHeaders: { authorization: "Bearer ann" },
      runEvent: (event) => Promise.resolve(event),
      formatUpstreamErrors: (errors) => [...errors],
      logs: { log },
    });
    const hooks = {
      caller: "ann",
      canHold: () => true,
      credentialsRefused: () => false,
      onEnd: () => undefined,
    };

    const first = shared.join(request(), hooks);
    // Made in a function of its own so that nothing in this scope refers to the joiner's request.
    const join = () => {
      const joining = request();
      // Only whether the runner is still reachable is looked at; it is never called from here.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      return { stream: shared.join(joining, hooks), gone: new WeakRef(joining.runEvent) };
    };
    const { stream, gone } = join();
    expect(sinks).toHaveLength(1);

    // A WeakRef's target lives at least until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(gone.deref()).toBeUndefined();

    // And it still gets the events, completed by the first subscriber's runner.
    sinks[0]!.next({ data: { n: 1 } });
    expect(await stream.next()).toEqual({ done: false, value: { data: { n: 1 } } });
    expect(await first.next()).toEqual({ done: false, value: { data: { n: 1 } } });
    await stream.return();
    await first.return();
  });
});
