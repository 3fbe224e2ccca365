import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics for one service; every series carries a `service` label. */
export interface ServiceMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "status">;
  operations: Counter<"operation" | "type" | "outcome">;
  operationDuration: Histogram<"operation" | "type">;
  sqlStatements: Counter;
}

let processMetricsRegistered = false;

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // Process-level metrics (CPU, heap, event loop) describe the process, not a service; when
  // several services share one process (embedded mode) only the first registry carries them.
  if (!processMetricsRegistered) {
    collectDefaultMetrics({ register: registry });
    processMetricsRegistered = true;
  }
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests served, by route and status code.",
      labelNames: ["route", "status"],
      registers: [registry],
    }),
    operations: new Counter({
      name: "graphql_operations_total",
      help: "GraphQL operations executed, by operation name, type and outcome.",
      labelNames: ["operation", "type", "outcome"],
      registers: [registry],
    }),
    operationDuration: new Histogram({
      name: "graphql_operation_duration_seconds",
      help: "Time to execute a GraphQL operation.",
      labelNames: ["operation", "type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    sqlStatements: new Counter({
      name: "sql_statements_total",
      help: "SQL statements sent to the service's database.",
      registers: [registry],
    }),
  };
}
