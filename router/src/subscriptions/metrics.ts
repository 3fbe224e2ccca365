import { Counter, Gauge, type Registry } from "prom-client";
import { rejectionReason } from "../protection/metrics";
import { SubscriptionErrorCode } from "./errors";

/** Reasons only a subscribe can be refused for (HTTP answers these inside Apollo). */
const SUBSCRIBE_REASONS: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: "parse",
  GRAPHQL_VALIDATION_FAILED: "validation",
  BAD_USER_INPUT: "variables",
  PERSISTED_QUERY_NOT_FOUND: "persisted_query_not_found",
  INTERNAL_SERVER_ERROR: "internal",
  [SubscriptionErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED]: "subscriptions_per_connection",
  [SubscriptionErrorCode.SUBGRAPH_UNAVAILABLE]: "unavailable",
};

/**
 * The transports clients subscribe over, each a value of the `transport` label: graphql-ws,
 * GraphQL over Server-Sent Events, and Apollo's multipart HTTP subscriptions.
 */
export type SubscriptionTransport = "graphql-ws" | "sse" | "multipart";

/** One transport's series of the connection and subscription gauges. */
export interface TransportMetrics {
  active: Gauge.Internal<"transport">;
  connections: Gauge.Internal<"transport">;
}

export function createSubscriptionMetrics(
  registry: Registry,
  transport: SubscriptionTransport = "graphql-ws",
) {
  const rejections = new Counter({
    name: "router_subscribe_rejections_total",
    help: "Subscription connections and subscribes the router refused, by reason.",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const active = new Gauge({
    name: "router_subscriptions_active",
    help: "Client subscriptions the router is serving, by transport.",
    labelNames: ["transport"] as const,
    registers: [registry],
  });
  const connections = new Gauge({
    name: "router_subscription_connections",
    help: "Client connections (a WebSocket past connection_init, a streaming HTTP request), by transport.",
    labelNames: ["transport"] as const,
    registers: [registry],
  });
  const series = new Map<SubscriptionTransport, TransportMetrics>();
  /** A transport's series, shown at 0 from its first use rather than with its first subscriber. */
  const ofTransport = (name: SubscriptionTransport): TransportMetrics => {
    let found = series.get(name);
    if (!found) {
      active.set({ transport: name }, 0);
      connections.set({ transport: name }, 0);
      found = {
        active: active.labels({ transport: name }),
        connections: connections.labels({ transport: name }),
      };
      series.set(name, found);
    }
    return found;
  };
  const initial = ofTransport(transport);
  return {
    /** The first transport's series; callers count on it as on an unlabelled gauge. */
    active: initial.active,
    connections: initial.connections,
    transport: ofTransport,
    events: new Counter({
      name: "router_subscription_events_total",
      help: "Subscription events delivered to clients, by root field.",
      labelNames: ["field"] as const,
      registers: [registry],
    }),
    upstreamConnections: new Gauge({
      name: "router_subscription_upstream_connections",
      help: "Open graphql-ws connections from the router to subgraphs, by subgraph.",
      labelNames: ["subgraph"] as const,
      registers: [registry],
    }),
    upstreamSubscriptions: new Gauge({
      name: "router_subscription_upstream_subscriptions",
      help: "Subscriptions the router holds on its subgraph connections (identical client subscriptions share one), by subgraph.",
      labelNames: ["subgraph"] as const,
      registers: [registry],
    }),
    deduplicated: new Counter({
      name: "router_subscription_deduplicated_total",
      help: "Client subscriptions that joined an identical upstream subscription instead of opening one, by subgraph.",
      labelNames: ["subgraph"] as const,
      registers: [registry],
    }),
    deduplicatedSubscribers: new Gauge({
      name: "router_subscription_deduplicated_subscribers",
      help: "Client subscriptions now served by an upstream subscription they share with another (subscribers less upstream subscriptions), by subgraph.",
      labelNames: ["subgraph"] as const,
      registers: [registry],
    }),
    resumes: new Counter({
      name: "router_subscription_resumes_total",
      help: "Primary subscriptions re-opened after their subgraph connection was lost, by subgraph.",
      labelNames: ["subgraph"] as const,
      registers: [registry],
    }),
    handovers: new Counter({
      name: "router_subscription_handovers_total",
      help: "Upstream subscriptions re-opened as another of their clients, the one they were opened as having left or its token expired, by subgraph.",
      labelNames: ["subgraph"] as const,
      registers: [registry],
    }),
    rejections,
    /** Counts a refused connection or subscribe by its error code. */
    rejected(code: string) {
      rejections.inc({ reason: SUBSCRIBE_REASONS[code] ?? rejectionReason(code) ?? "other" });
    },
  };
}
export type SubscriptionMetrics = ReturnType<typeof createSubscriptionMetrics>;
