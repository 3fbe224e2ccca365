import { AsyncLocalStorage } from "node:async_hooks";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ConnectionUse } from "./driver-instruments";

// A service's own domain metrics are made with the same client, in the registry it was given.
export { Counter, Histogram, type Registry } from "prom-client";

/** Prometheus metrics for one service; every series carries a `service` label. */
export interface ServiceMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "status">;
  operations: Counter<"operation" | "type" | "outcome">;
  operationDuration: Histogram<"operation" | "type">;
  sqlStatements: Counter;
  /** Outbox rows the broker confirmed. */
  outboxPublished: Counter;
  /** Messages an inbox had handled before, by the queue they came from. */
  inboxDuplicates: Counter<"queue">;
  /** Messages a consumer gave up on (failed permanently or too often), by queue. */
  messagesDeadLettered: Counter<"queue">;
  /**
   * Adds what is only known at scrape time: an outbox's backlog, a queue's depth, the database's
   * connections. Each returns a function that stops reporting it (a relay or consumer stopping).
   */
  watchOutbox(table: string, backlog: () => Promise<OutboxBacklog>): () => void;
  watchQueue(queue: string, depth: () => Promise<QueueDepth | undefined> | QueueDepth): () => void;
  watchConnections(driver: string, use: () => ConnectionUse): () => void;
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

/** Unsent outbox rows and how long the oldest has waited (0 when there are none). */
export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

/** Messages ready in a queue and in its dead-letter queue. */
export interface QueueDepth {
  messages: number;
  deadLettered: number;
}

let processMetricsRegistered = false;

/**
 * How long a scrape waits for one source. A database or broker that does not answer must not
 * hold up the scrape (and every other metric in it) until the monitoring system gives up on it.
 */
const SCRAPE_SOURCE_TIMEOUT_MS = 2_000;

function withinScrapeBudget<T>(reading: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), SCRAPE_SOURCE_TIMEOUT_MS);
  });
  return Promise.race([reading.catch(() => undefined), expired]).finally(() => clearTimeout(timer));
}

/**
 * Gauges whose series are read at scrape time from sources added while the service runs; a
 * source that fails or does not answer in time (the database or broker unreachable) leaves its
 * series out of that scrape.
 */
function sourcedGauges<TSource, TLabel extends string>(
  registry: Registry,
  label: TLabel,
  gauges: { name: string; help: string; value: (reading: TSource) => number }[],
) {
  const sources = new Map<string, () => Promise<TSource | undefined> | TSource | undefined>();
  // A scrape asks every metric at once (prom-client collects them in parallel): the first gauge
  // to ask reads each source, once, for all of them.
  let reading: Promise<void> | undefined;
  const readOnce = () =>
    (reading ??= readAll().finally(() => {
      reading = undefined;
    }));
  const created = gauges.map(
    (gauge) =>
      new Gauge<TLabel>({
        name: gauge.name,
        help: gauge.help,
        labelNames: [label],
        registers: [registry],
        collect: readOnce,
      }),
  );
  async function readAll() {
    const readings = await Promise.all(
      [...sources].map(async ([key, source]) => {
        const value = await withinScrapeBudget(Promise.resolve().then(source));
        return [key, value] as const;
      }),
    );
    for (const gauge of created) gauge.reset();
    for (const [key, value] of readings) {
      if (value === undefined) continue;
      const labels = { [label]: key } as Partial<Record<TLabel, string>>;
      gauges.forEach((gauge, index) => created[index]!.set(labels, gauge.value(value)));
    }
  }
  return (key: string, source: () => Promise<TSource | undefined> | TSource | undefined) => {
    sources.set(key, source);
    return () => {
      if (sources.get(key) === source) sources.delete(key);
    };
  };
}

export function createServiceMetrics(service: string, operations: OperationLabelPolicy = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // Process-level metrics (CPU, heap, event loop) describe the process, not a service; when
  // several services share one process (embedded mode) only the first registry carries them.
  if (!processMetricsRegistered) {
    collectDefaultMetrics({ register: registry });
    processMetricsRegistered = true;
  }
  const watchOutbox = sourcedGauges<OutboxBacklog, "table">(registry, "table", [
    {
      name: "outbox_messages_pending",
      help: "Outbox rows not yet published to the broker.",
      value: (backlog) => backlog.pending,
    },
    {
      name: "outbox_oldest_pending_age_seconds",
      help: "How long the oldest unpublished outbox row has waited (0 when none waits).",
      value: (backlog) => backlog.oldestAgeSeconds,
    },
  ]);
  const watchQueue = sourcedGauges<QueueDepth, "queue">(registry, "queue", [
    {
      name: "queue_messages",
      help: "Messages ready for delivery in a queue the service consumes.",
      value: (depth) => depth.messages,
    },
    {
      name: "queue_dead_letter_messages",
      help: "Messages in the dead-letter queue of a queue the service consumes.",
      value: (depth) => depth.deadLettered,
    },
  ]);
  const watchConnections = sourcedGauges<ConnectionUse, "driver">(registry, "driver", [
    {
      name: "db_pool_connections_in_use",
      help: "Database connections running a statement or held by a transaction.",
      value: (use) => use.inUse,
    },
    {
      name: "db_pool_connections_max",
      help: "Database connections the service may open.",
      value: (use) => use.max,
    },
    {
      name: "db_pool_waiting_requests",
      help: "Statements and transactions waiting for a free database connection.",
      value: (use) => use.waiting,
    },
  ]);
  return {
    registry,
    operationLabel: operationLabeler(operations),
    watchOutbox,
    watchQueue,
    watchConnections,
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
    outboxPublished: new Counter({
      name: "outbox_messages_published_total",
      help: "Outbox messages the broker confirmed.",
      registers: [registry],
    }),
    inboxDuplicates: new Counter({
      name: "inbox_duplicates_total",
      help: "Delivered messages the inbox had already handled, by queue (redeliveries and replays).",
      labelNames: ["queue"],
      registers: [registry],
    }),
    messagesDeadLettered: new Counter({
      name: "messages_dead_lettered_total",
      help: "Messages dead-lettered by the service's consumers, by queue.",
      labelNames: ["queue"],
      registers: [registry],
    }),
  };
}

interface MetricsScope {
  metrics: ServiceMetrics;
  /** The queue whose message is being handled, inside a consumer. */
  queue?: string;
}

const scope = new AsyncLocalStorage<MetricsScope>();

/**
 * Runs a service's start-up with its metrics in scope: the relays and consumers it starts there
 * report to them, as the shared bus and platform code cannot tell whose they are otherwise.
 */
export function withServiceMetrics<T>(metrics: ServiceMetrics, fn: () => T): T {
  return scope.run({ metrics }, fn);
}

/** The metrics of the service starting up or handling a message, if any. */
export function currentServiceMetrics(): ServiceMetrics | undefined {
  return scope.getStore()?.metrics;
}

/** Runs a consumer's handler for a message from `queue` with its service's metrics in scope. */
export function handlingFrom<T>(metrics: ServiceMetrics | undefined, queue: string, fn: () => T): T {
  return metrics ? scope.run({ metrics, queue }, fn) : fn();
}

/** The queue of the message being handled and its service's metrics, inside a consumer. */
export function currentDelivery(): Required<MetricsScope> | undefined {
  const current = scope.getStore();
  return current?.queue === undefined ? undefined : { metrics: current.metrics, queue: current.queue };
}
