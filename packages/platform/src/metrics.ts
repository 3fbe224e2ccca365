import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics for one service; every series carries a `service` label. */
export interface ServiceMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "status">;
  operations: Counter<"operation" | "type" | "outcome">;
  operationDuration: Histogram<"operation" | "type">;
  sqlStatements: Counter;
  /** The `operation` label for a client-chosen operation name (see OperationLabelPolicy). */
  operationLabel(name: string | null | undefined): string;
}

/**
 * Operation names are chosen by clients, and every distinct label value is a new series kept for
 * the life of the process: a client inventing names would grow /metrics (and the monitoring
 * system's storage) without bound. Names the service knows (persisted operations) keep their
 * label; of the rest, the first `maxOtherNames` distinct ones seen keep theirs (an app's real
 * operations come early and often), and everything after that is counted as `other`.
 */
export interface OperationLabelPolicy {
  knownOperations?: Iterable<string>;
  maxOtherNames?: number;
}

export const DEFAULT_MAX_OPERATION_NAMES = 100;
/** A GraphQL name of reasonable length; anything else (a very long name) is never a label. */
const LABELLED_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export function operationLabeler(
  policy: OperationLabelPolicy = {},
): (name: string | null | undefined) => string {
  const known = new Set(policy.knownOperations ?? []);
  const max = policy.maxOtherNames ?? DEFAULT_MAX_OPERATION_NAMES;
  const admitted = new Set<string>();
  return (name) => {
    if (!name) return "anonymous";
    if (known.has(name) || admitted.has(name)) return name;
    if (admitted.size >= max || !LABELLED_NAME.test(name)) return "other";
    admitted.add(name);
    return name;
  };
}

let processMetricsRegistered = false;

export function createServiceMetrics(service: string, operations: OperationLabelPolicy = {}): ServiceMetrics {
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
    operationLabel: operationLabeler(operations),
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
