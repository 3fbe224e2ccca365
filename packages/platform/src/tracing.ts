import {
  context,
  createContextKey,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter as OtlpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
  type SpanExporter,
} from "@opentelemetry/sdk-trace";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { z } from "zod";
import { loadTracingEnv, parseEnv, tracingEnvShape, type EnvSource } from "./env";

export { SpanKind, SpanStatusCode, type Span };

/** Tracing as the `OTEL_*` variables ask for it; `undefined` means off. */
export interface TracingConfig {
  exporter: "otlp" | "console";
  /** Full URL spans are posted to (`…/v1/traces`). */
  endpoint: string;
  protocol: "http/json" | "http/protobuf";
  sampler: Sampler;
  scheduleDelayMs: number;
  /** `OTEL_SERVICE_NAME`: recorded as `service.namespace`, since each service names its own spans. */
  namespace: string | undefined;
}

/**
 * Off unless `OTEL_TRACES_EXPORTER` or an OTLP endpoint is set, so a service that nobody collects
 * traces from pays nothing. The OTLP defaults are the specification's (localhost:4318, protobuf).
 */
export function tracingConfig(source: EnvSource): TracingConfig | undefined {
  const env = parseEnv(tracingEnvShape, source);
  const exporter =
    env.OTEL_TRACES_EXPORTER ??
    (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? "otlp" : "none");
  if (exporter === "none") return undefined;
  const endpoint =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "http://localhost:4318").replace(/\/+$/, "")}/v1/traces`;
  return {
    exporter,
    endpoint,
    protocol: env.OTEL_EXPORTER_OTLP_PROTOCOL,
    sampler: samplerFor(env.OTEL_TRACES_SAMPLER, env.OTEL_TRACES_SAMPLER_ARG),
    scheduleDelayMs: env.OTEL_BSP_SCHEDULE_DELAY,
    namespace: env.OTEL_SERVICE_NAME,
  };
}

function samplerFor(name: z.infer<typeof tracingEnvShape.OTEL_TRACES_SAMPLER>, arg: number | undefined) {
  const ratio = () => new TraceIdRatioBasedSampler(arg ?? 1);
  switch (name) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "traceidratio":
      return ratio();
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: ratio() });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

interface TracingState {
  config: TracingConfig;
  providers: Map<string, TracerProvider>;
  contextManager: AsyncLocalStorageContextManager;
}

let state: TracingState | undefined;
let decided = false;

/**
 * Turns tracing on (or leaves it off for `undefined`) for this process. Called once, before
 * services start; a process entry point gets it from its environment through `ensureTracing`,
 * a test or an embedding program passes a config built with `tracingConfig`.
 */
export function configureTracing(config: TracingConfig | undefined): void {
  decided = true;
  if (!config || state) return;
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  state = { config, providers: new Map(), contextManager };
}

/** Configures tracing from the `OTEL_*` variables unless the process already decided. */
export function ensureTracing(): void {
  if (!decided) configureTracing(tracingConfig(loadTracingEnv()));
}

export function tracingEnabled(): boolean {
  return state !== undefined;
}

/**
 * The tracer of one service. Several services share a process under `npm start`; each has its
 * own provider, so every span's `service.name` is the service that did the work.
 */
export function tracerFor(service: string): Tracer {
  if (!state) return trace.getTracer("storefront");
  let provider = state.providers.get(service);
  if (!provider) {
    const { config } = state;
    provider = new TracerProvider({
      resource: resourceFromAttributes({
        "service.name": service,
        ...(config.namespace ? { "service.namespace": config.namespace } : {}),
      }),
      sampler: config.sampler,
      spanProcessors: [
        new BatchSpanProcessor({
          exporter: exporterFor(config),
          scheduledDelayMillis: config.scheduleDelayMs,
        }),
      ],
    });
    state.providers.set(service, provider);
  }
  return provider.getTracer("@storefront/platform");
}

function exporterFor(config: TracingConfig): SpanExporter {
  if (config.exporter === "console") return new ConsoleSpanExporter();
  return config.protocol === "http/json"
    ? new OtlpJsonExporter({ url: config.endpoint })
    : new OtlpProtobufExporter({ url: config.endpoint });
}

/** Sends every span ended so far; for tests and shutdown. */
export async function flushTracing(): Promise<void> {
  if (state) await Promise.all([...state.providers.values()].map((p) => p.forceFlush()));
}

/** Flushes and stops every provider; tracing is off (and undecided) afterwards. */
export async function shutdownTracing(): Promise<void> {
  const current = state;
  state = undefined;
  decided = false;
  if (!current) return;
  await Promise.all([...current.providers.values()].map((p) => p.shutdown()));
  trace.disable();
  propagation.disable();
  context.disable();
}

// What `inSpan` hands its callback with tracing off: one shared span that records nothing.
const NO_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

const SERVICE_KEY = createContextKey("storefront.service");

/**
 * Runs a service's start-up (`launchSubgraph`'s setup) as that service: consumers and relays it
 * starts there remember whose they are, which the shared bus cannot tell otherwise.
 */
export function withService<T>(service: string, fn: () => T): T {
  return state ? context.with(context.active().setValue(SERVICE_KEY, service), fn) : fn();
}

/** The service whose span is active (set by server and consumer spans), for shared clients. */
export function activeService(): string | undefined {
  return context.active().getValue(SERVICE_KEY) as string | undefined;
}

/**
 * Runs `fn` inside a new span and ends it with fn's outcome. With tracing off it only calls fn.
 * `parent` is a remote context (from headers); without it the active span is the parent.
 */
export async function inSpan<T>(
  service: string,
  name: string,
  options: { kind: SpanKind; attributes?: Attributes; parent?: Context },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  if (!state) return fn(NO_SPAN);
  const parent = (options.parent ?? context.active()).setValue(SERVICE_KEY, service);
  return tracerFor(service).startActiveSpan(
    name,
    { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.name : "error",
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

type Carrier = Record<string, string | string[] | undefined>;

/** The caller's trace context from `traceparent`/`tracestate` (HTTP or message headers). */
export function extractTraceContext(headers: Carrier | undefined): Context | undefined {
  if (!state || !headers) return undefined;
  return propagation.extract(context.active(), headers, {
    get: (carrier, key) => carrier[key],
    keys: (carrier) => Object.keys(carrier),
  });
}

/** Adds `traceparent`/`tracestate` of the active span to `headers`; nothing with tracing off. */
export function injectTraceContext(headers: Record<string, string>, from?: Context): Record<string, string> {
  if (state) propagation.inject(from ?? context.active(), headers);
  return headers;
}

/** Sets `name: value` on headers that have a `set` (Fetch/undici Headers, HeaderMap). */
export function injectTraceHeaders(headers: { set(name: string, value: string): unknown }): void {
  if (!state) return;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [key, value] of Object.entries(carrier)) headers.set(key, value);
}

/** The active span, when tracing is on and one is recording; for adding attributes. */
export function activeSpan(): Span | undefined {
  return state ? trace.getActiveSpan() : undefined;
}

/** `trace_id`/`span_id` of the active span for a log line (pino mixin); empty outside spans. */
export function logTraceFields(): Record<string, string> {
  if (!state) return {};
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

/**
 * What an SQL span may say about a statement: its kind and table, never its values. Drizzle
 * writes `select … from "orders"`, `insert into "orders"`, `update "orders"`, `delete from "orders"`.
 */
export function describeStatement(query: string): { operation: string; table: string | undefined } {
  const text = query.trimStart();
  const operation = (/^[a-z]+/i.exec(text)?.[0] ?? "sql").toUpperCase();
  const identifier = `"?([A-Za-z_][\\w$]*)"?(?:\\s*\\.\\s*"?([A-Za-z_][\\w$]*)"?)?`;
  const pattern =
    operation === "INSERT"
      ? new RegExp(`^insert\\s+into\\s+${identifier}`, "i")
      : operation === "UPDATE"
        ? new RegExp(`^update\\s+${identifier}`, "i")
        : new RegExp(`\\sfrom\\s+${identifier}`, "i");
  const match = pattern.exec(text);
  return { operation, table: match ? (match[2] ?? match[1]) : undefined };
}

/** How a traced statement ends: with its result, or with the error the database returned. */
export interface StatementSpan {
  end(error?: unknown): void;
}

/**
 * One span for an SQL statement, from when the driver sends it to when its result or error comes
 * back. Only inside another span (a request, a message, a relay pass): the relay's idle polling
 * would otherwise be a trace each tick. `undefined` when there is nothing to record.
 */
export function startStatementSpan(service: string, query: string): StatementSpan | undefined {
  if (!state || !trace.getActiveSpan()) return undefined;
  const { operation, table } = describeStatement(query);
  const span = tracerFor(service).startSpan(table ? `${operation} ${table}` : operation, {
    kind: SpanKind.CLIENT,
    attributes: {
      "db.system.name": "postgresql",
      "db.operation.name": operation,
      ...(table ? { "db.collection.name": table } : {}),
    },
  });
  return {
    end(error) {
      // The error's class only: a driver's message can quote the values the statement carried.
      if (error !== undefined)
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.name : "error",
        });
      span.end();
    },
  };
}

/**
 * Wraps a DataLoader batch function so that each batch is a span of the request that asked for
 * it (`dataloader <name>`, with the batch's size): where an operation's time goes between its
 * resolvers and its SQL. Outside a span (or with tracing off) the batch just runs.
 */
export function tracedBatch<K, V>(
  name: string,
  batch: (keys: readonly K[]) => PromiseLike<ArrayLike<V | Error>>,
): (keys: readonly K[]) => Promise<ArrayLike<V | Error>> {
  return (keys) => {
    if (!state || !trace.getActiveSpan()) return Promise.resolve(batch(keys));
    return inSpan(
      activeService() ?? "storefront",
      `dataloader ${name}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: { "dataloader.name": name, "dataloader.batch.size": keys.length },
      },
      () => Promise.resolve(batch(keys)),
    );
  };
}

/**
 * Names the request's server span after its operation (`query Checkout`) and records the
 * operation, the calling client and a persisted query's id. `clientName` reads the router's
 * API-key client; otherwise the `apollographql-client-name` header is used.
 */
export function tracingPlugin<TContext extends BaseContext>(
  clientName?: (context: TContext) => string | undefined,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      const span = activeSpan();
      if (!span) return Promise.resolve();
      return Promise.resolve({
        didResolveOperation({ operation, operationName, request, contextValue }) {
          if (!operation) return Promise.resolve();
          const type = operation.operation;
          const client = clientName?.(contextValue) ?? request.http?.headers.get("apollographql-client-name");
          const extensions = request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
          const persisted = extensions?.persistedQuery?.sha256Hash;
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttributes({
            "graphql.operation.type": type,
            ...(operationName ? { "graphql.operation.name": operationName } : {}),
            ...(client ? { "graphql.client.name": client } : {}),
            ...(typeof persisted === "string" ? { "graphql.persisted_query.id": persisted } : {}),
          });
          return Promise.resolve();
        },
        executionDidStart({ contextValue }) {
          planningStarts.set(contextValue, performance.timeOrigin + performance.now());
          return Promise.resolve();
        },
      });
    },
  };
}

// When each request's execution began; the router's query planning runs first thing in it.
const planningStarts = new WeakMap<object, number>();

/**
 * Records the router's query planning as a span of the request: from the start of execution
 * (tracingPlugin) to the gateway's plan callback. A plan from the gateway's cache is a short one.
 */
export function planningDone(service: string, requestContext: object): void {
  const startTime = planningStarts.get(requestContext);
  if (!state || startTime === undefined || !trace.getActiveSpan()) return;
  tracerFor(service).startSpan("plan", { kind: SpanKind.INTERNAL, startTime }).end();
}

/** `{ parent }` when there is one, for spreading into `inSpan` options. */
export function withParent(parent: Context | undefined): { parent?: Context } {
  return parent ? { parent } : {};
}

/** The service a message belongs to: the first word of a queue name or message type. */
function domainOf(name: string): string {
  return name.split(".")[0] || name;
}

/**
 * Handles a delivered message inside a consumer span of the consuming service (the one that
 * started the consumer, else the queue's first word), continuing the trace its headers carry.
 */
export function consumeInSpan<T>(
  service: string | undefined,
  queue: string,
  message: { id: string; type: string },
  headers: Record<string, unknown> | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (!state) return fn();
  return inSpan(
    service ?? domainOf(queue),
    `process ${message.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        "messaging.operation.type": "process",
        "messaging.destination.name": queue,
        "messaging.message.id": message.id,
        "messaging.message.type": message.type,
      },
      ...withParent(extractTraceContext(stringHeaders(headers))),
    },
    () => fn(),
  );
}

/**
 * Publishes an outbox row inside a producer span of the relay's service (else the message type's
 * first word), parented on the transaction that wrote the row; the span's own context goes out in
 * the message's headers.
 */
export function publishInSpan<
  TMessage extends { id: string; type: string; headers?: Record<string, string> },
>(
  service: string | undefined,
  message: TMessage,
  publish: (message: TMessage) => Promise<void>,
): Promise<void> {
  if (!state) return publish(message);
  return inSpan(
    service ?? domainOf(message.type),
    `publish ${message.type}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        "messaging.operation.type": "send",
        "messaging.message.id": message.id,
        "messaging.message.type": message.type,
      },
      ...withParent(extractTraceContext(message.headers)),
    },
    () => {
      const headers = { ...message.headers };
      delete headers.traceparent;
      delete headers.tracestate;
      return publish({ ...message, headers: injectTraceContext(headers) });
    },
  );
}

/** AMQP header values may be numbers or buffers; only strings can be trace context. */
function stringHeaders(headers: Record<string, unknown> | undefined): Carrier | undefined {
  if (!headers) return undefined;
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (typeof value === "string") strings[key] = value;
  return strings;
}
