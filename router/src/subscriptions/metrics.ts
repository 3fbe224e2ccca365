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

export function createSubscriptionMetrics(registry: Registry) {
  const rejections = new Counter({
    name: "router_subscribe_rejections_total",
    help: "WebSocket connections and subscribe messages the router refused, by reason.",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  return {
    active: new Gauge({
      name: "router_subscriptions_active",
      help: "Client subscriptions the router is serving.",
      registers: [registry],
    }),
    connections: new Gauge({
      name: "router_subscription_connections",
      help: "Client WebSocket connections that completed connection_init.",
      registers: [registry],
    }),
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
