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
 * The transports clients subscribe over, each a value of the `transport` label. graphql-ws is the
 * only one today; another (SSE, multipart) gets its own series beside it.
 */
export type SubscriptionTransport = "graphql-ws";

export function createSubscriptionMetrics(
  registry: Registry,
  transport: SubscriptionTransport = "graphql-ws",
) {
  const rejections = new Counter({
    name: "router_subscribe_rejections_total",
    help: "WebSocket connections and subscribe messages the router refused, by reason.",
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
    help: "Client connections that completed connection_init, by transport.",
    labelNames: ["transport"] as const,
    registers: [registry],
  });
  // Shown at 0 from the start rather than appearing with the first subscriber.
  active.set({ transport }, 0);
  connections.set({ transport }, 0);
  return {
    /** The transport's series; callers count on it as on an unlabelled gauge. */
    active: active.labels({ transport }),
    connections: connections.labels({ transport }),
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
    resumes: new Counter({
      name: "router_subscription_resumes_total",
      help: "Primary subscriptions re-opened after their subgraph connection was lost, by subgraph.",
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
