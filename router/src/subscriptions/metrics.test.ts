import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createSubscriptionMetrics } from "./metrics";

async function seriesOf(registry: Registry, name: string) {
  return (await registry.getMetricsAsJSON()).find((metric) => metric.name === name)?.values ?? [];
}

describe("subscription metrics", () => {
  it("count subscriptions and connections per transport, shown at 0 before the first", async () => {
    const registry = new Registry();
    const metrics = createSubscriptionMetrics(registry);
    expect(await seriesOf(registry, "router_subscriptions_active")).toEqual([
      { labels: { transport: "graphql-ws" }, value: 0 },
    ]);
    metrics.connections.inc();
    metrics.active.inc();
    metrics.active.inc();
    metrics.active.dec();
    expect(await seriesOf(registry, "router_subscriptions_active")).toEqual([
      { labels: { transport: "graphql-ws" }, value: 1 },
    ]);
    expect(await seriesOf(registry, "router_subscription_connections")).toEqual([
      { labels: { transport: "graphql-ws" }, value: 1 },
    ]);
  });
});
