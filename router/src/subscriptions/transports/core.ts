import { type Logger } from "@storefront/platform/logger";
import { type TokenVerifier } from "@storefront/platform/auth";
import { ErrorCode } from "@storefront/platform/errors";
import {
  GraphQLError,
  OperationTypeNode,
  type ExecutionResult,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from "graphql";
import type { Registry } from "prom-client";
import type { AdmissionRequest, AdmissionStage, Transport } from "../../admission";
import { identifyCaller, type Credentials, type IdentifiedCaller } from "../../admission/caller";
import type { RouterContext } from "../../context";
import type { Protection } from "../../protection";
import { operationTimeoutError, withDeadline } from "../../protection/timeout";
import { SubscriptionErrorCode, isSubscriptionErrorCode, refusal, SubscriptionFailure } from "../errors";
import type { OperationExecutor } from "../../executor";
import { eventExecutor, type UpstreamEvent } from "../execute";
import {
  createSubscriptionMetrics,
  type SubscriptionMetrics,
  type SubscriptionTransport,
  type TransportMetrics,
} from "../metrics";
import type { SubscriptionPlan, SubscriptionPlanning, SupergraphState } from "../planner";
import { initialSequence } from "../resume";
import { SharedSubscriptions, type SubscribeRequest, type Subscriber } from "../shared";
import { endedStream } from "../subscription";
import { createUpstreamPool } from "../upstream";
import { ExpiryTimers } from "./expiry";
import { RouterErrorCode } from "../../errors";

export interface SubscriptionSettings {
  /** How long a socket may stay open without a connection_init. */
  initTimeoutMs: number;
  /** Largest WebSocket message a client may send. */
  maxMessageBytes: number;
  /** Subscriptions one connection may hold at once. */
  maxPerConnection: number;
  /** How long a lost subgraph connection is retried before the client subscription ends. */
  resumeTimeoutMs: number;
  /** Ping interval towards clients and subgraphs; a peer that does not answer is dropped. */
  keepAliveMs: number;
  /** Interval of the empty parts (multipart) and comments (SSE) that keep an HTTP stream open. */
  heartbeatMs: number;
  /** How long the connection to a subgraph stays open once no subscription uses it (default 5 s). */
  upstreamIdleMs?: number;
}

export interface SubscriptionCoreOptions {
  log: Logger;
  settings: SubscriptionSettings;
  operationTimeoutMs: number;
  protection: Protection;
  /** The router's admission stage, which every subscribe goes through as HTTP operations do. */
  admission: AdmissionStage;
  verifyToken: TokenVerifier;
  planning: SubscriptionPlanning;
  /** The router's executor, which also runs each event's entity fetches. */
  operations: OperationExecutor;
  registry: Registry;
  /** The router's error formatter (the same as HTTP): client-facing codes pass, the rest is masked. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

/** Why the router ends a client connection on its own. */
export type ConnectionEnd = "token expired" | "session ended" | "going away";

/** One client connection (a WebSocket, or one streaming HTTP request) once its caller is known. */
export interface SubscriptionConnection {
  readonly context: RouterContext;
  /** The router's log with this connection's request id. */
  readonly log: Logger;
  readonly metrics: TransportMetrics;
  /** Subscriptions held, counting those still being checked. */
  subscriptions: number;
  /** The client has gone; a subscribe still being checked must not open anything. */
  closed: boolean;
  /** Ends the connection in the transport's way (graphql-ws: close code 4403 or 1001). */
  end(reason: ConnectionEnd): void;
}

/** An admitted, planned subscribe. */
type Ready = Extract<Prepared, { kind: "ready" }>;

/** What a subscribe comes to once admitted and planned, or why it was refused. */
export type Prepared =
  | { kind: "refused"; errors: GraphQLFormattedError[] }
  | {
      kind: "ready";
      connection: SubscriptionConnection;
      state: SupergraphState;
      plan: SubscriptionPlan;
      document: DocumentNode;
      source: string;
      operationName: string | undefined;
      variables: Record<string, unknown>;
    };

/** The client's side of a connection, as its transport reaches it. */
export interface ClientEnd {
  /** Whether the client is still there (checked once its credentials are). */
  readonly open: boolean;
  /** Ends the connection in the transport's way (graphql-ws: close code 4403 or 1001). */
  end(reason: ConnectionEnd): void;
}

export interface ConnectRequest {
  transport: SubscriptionTransport;
  credentials: Credentials;
  requestId: string;
  client: ClientEnd;
}

export type ConnectOutcome =
  | { kind: "connected"; connection: SubscriptionConnection }
  /** A bad API key or token: counted, with the code and reason the transport answers with. */
  | { kind: "refused"; error: GraphQLFormattedError; reason: string }
  /** The router is stopping, or the client left while it was being identified. */
  | { kind: "gone" };

/** A router refusal as a streaming client gets it: its HTTP status and Retry-After do not apply. */
function formattedFrom(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.toJSON().extensions ?? {};
  return { ...error.toJSON(), extensions };
}

/** Only subscriptions run over a streaming transport, and the operation to run must be clear. */
export function subscriptionsOnly(refusedMessage: string): Transport {
  return {
    screen(operation, operationName) {
      if (!operation) {
        return new GraphQLError(
          operationName ? `Unknown operation named "${operationName}".` : "Name the operation to run.",
          { extensions: { code: "BAD_REQUEST" } },
        );
      }
      if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
        return new GraphQLError(refusedMessage, { extensions: { code: "BAD_REQUEST" } });
      }
      return "run";
    },
  };
}

const internalError = () =>
  refusal("INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again.");

/**
 * What a client subscription calls back into its connection for. Built outside `start`, whose
 * scope holds the event runner (the executor's closure over the document, variables and
 * context): every subscriber keeps these hooks for as long as it stays, but only the first of
 * identical subscriptions ever runs events. An object with methods on its prototype rather than
 * closures, which under tsx each carry their renamed-function properties (esbuild's keepNames).
 */
class SubscriberHooks implements Subscriber<SubscriptionConnection> {
  constructor(
    readonly caller: SubscriptionConnection,
    private readonly listener: { onFailure(): void } | undefined,
  ) {}

  /** The caller's token expires within a second, or has. */
  private expiring(): boolean {
    const expiresAt = this.caller.context.viewer?.expiresAt;
    return expiresAt !== undefined && Date.now() >= expiresAt * 1000 - 1_000;
  }

  canHold(): boolean {
    return !this.caller.closed && !this.expiring();
  }

  onFailure(): void {
    this.listener?.onFailure();
  }

  credentialsRefused(): boolean {
    const connection = this.caller;
    // The subgraph ends it at the token's expiry too; whichever notices first ends the client's.
    if (!this.expiring()) return false;
    connection.end("token expired");
    return true;
  }

  onEnd(): void {
    this.caller.subscriptions -= 1;
    this.caller.metrics.active.dec();
  }
}

/**
 * A client connection. Its log (a child of the router's with the request id) is made the first
 * time the connection logs: most never do, and a child logger is a few hundred bytes a connection.
 */
class Connection implements SubscriptionConnection {
  subscriptions = 0;
  closed = false;
  private childLog: Logger | undefined;

  constructor(
    readonly context: RouterContext,
    private readonly routerLog: Logger,
    readonly metrics: TransportMetrics,
    private readonly client: ClientEnd,
  ) {}

  get log(): Logger {
    return (this.childLog ??= this.routerLog.child({ requestId: this.context.requestId }));
  }

  end(reason: ConnectionEnd): void {
    this.client.end(reason);
  }
}

/** What completing an event needs of the router, the same for every subscription. */
interface EventCompletion {
  /** The router's executor, which runs each event's entity fetches. */
  operations: OperationExecutor;
  operationTimeoutMs: number;
  /** Router-made errors pass with their codes; anything else goes through the router's formatter. */
  formatForClient(error: GraphQLFormattedError, original?: unknown): GraphQLFormattedError;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Counts an event whose completion ran past the operation timeout. */
  timedOut(): void;
}

/**
 * A client's subscribe as the shared subscriptions take it: kept by the upstream subscription it
 * opens (identical ones join that one and are let go), which runs the rest of the plan for each
 * event through it. Methods on the prototype, not closures, which under tsx each carry their
 * renamed-function properties (esbuild's keepNames).
 */
class ClientSubscribe implements SubscribeRequest<SubscriptionConnection> {
  readonly plan: SubscriptionPlan;
  readonly variables: Record<string, unknown>;
  readonly initialSequence: number | undefined;
  readonly scope: string;
  readonly callerHeaders: Record<string, string>;
  readonly logs: SubscriptionConnection;
  private readonly runRest: (event: UpstreamEvent) => Promise<ExecutionResult>;

  constructor(
    private readonly completion: EventCompletion,
    private readonly prepared: Ready,
  ) {
    const { plan, variables, connection } = prepared;
    const { authorization, requestId, clientIp, viewer } = connection.context;
    this.plan = plan;
    this.variables = variables;
    this.initialSequence = plan.resume ? initialSequence(plan.resume.initial, variables) : undefined;
    // A resumable primary can move from one token to another without losing an event (see
    // SharedSubscription.handOver), so every token of one user and role shares it.
    this.scope = plan.resume ? (viewer ? `${viewer.role}:${viewer.userId}` : "") : (authorization ?? "");
    this.callerHeaders = {
      ...(authorization ? { authorization } : {}),
      "x-request-id": requestId,
      ...(clientIp ? { "x-client-ip": clientIp } : {}),
    };
    this.logs = connection;
    this.runRest = eventExecutor({
      state: prepared.state,
      plan,
      operations: completion.operations,
      context: connection.context,
      source: prepared.source,
      document: prepared.document,
      operationName: prepared.operationName,
      variables,
    });
  }

  madeBy(caller: SubscriptionConnection): ClientSubscribe {
    return new ClientSubscribe(this.completion, { ...this.prepared, connection: caller });
  }

  async runEvent(event: UpstreamEvent): Promise<FormattedExecutionResult> {
    // An event whose data is null (its root field failed) has nothing to complete; one without
    // data at all is a refusal, which never gets here (RouterSubscription ends with it).
    if (event.data == null) return { data: null, errors: this.formatUpstreamErrors(event.errors ?? []) };
    const { completion } = this;
    try {
      const result = await withDeadline(
        completion.operationTimeoutMs,
        () => this.runRest(event),
        () => {
          completion.timedOut();
          return { data: null, errors: [operationTimeoutError(completion.operationTimeoutMs)] };
        },
      );
      return {
        data: result.data ?? null,
        ...(result.errors?.length ? { errors: this.formatUpstreamErrors(result.errors) } : {}),
      };
    } catch (error) {
      return { data: null, errors: [completion.formatError({ message: String(error) }, error)] };
    }
  }

  formatUpstreamErrors(errors: readonly (GraphQLError | GraphQLFormattedError)[]): GraphQLFormattedError[] {
    return errors.map((error) =>
      this.completion.formatForClient(
        "toJSON" in error && typeof error.toJSON === "function" ? error.toJSON() : error,
        error,
      ),
    );
  }
}

/**
 * What every subscription transport shares (graphql-ws, SSE, multipart HTTP): identifying the
 * caller of a connection and ending it when the token expires or the session ends, the admission
 * stage and the plan for each subscribe, the primary subscription to the owning subgraph with each
 * event completed by the rest of the plan, and the metrics. A transport only frames what this
 * hands it.
 */
export function createSubscriptionCore(options: SubscriptionCoreOptions) {
  const { protection, settings, planning, log } = options;
  const metrics: SubscriptionMetrics = createSubscriptionMetrics(options.registry);
  const connections = new Set<SubscriptionConnection>();
  // One connection per subgraph for the whole process, whatever the number of clients.
  const upstream = createUpstreamPool({
    urlOf: (subgraph) => planning.current?.wsUrl(subgraph),
    keepAliveMs: settings.keepAliveMs,
    idleMs: settings.upstreamIdleMs ?? 5_000,
    metrics,
    log,
  });
  const shared = new SharedSubscriptions<SubscriptionConnection>({
    upstream,
    resumeTimeoutMs: settings.resumeTimeoutMs,
    metrics,
    log,
  });
  let closing = false;
  // Every connection with a token ends when it expires, on one timer for all of them.
  const expiries = new ExpiryTimers<SubscriptionConnection>((connection) => {
    try {
      connection.end("token expired");
    } catch (error) {
      log.error({ err: error }, "could not end a connection whose token expired");
    }
  });
  // A session that ends (logout, a role change …) ends its subscriptions at once, not at token expiry.
  const stopFollowingSessions = options.verifyToken.onSessionsEnded?.((sessionIds) => {
    for (const connection of connections) {
      const sessionId = connection.context.viewer?.sessionId;
      if (sessionId && sessionIds.has(sessionId)) connection.end("session ended");
    }
  });

  /** Router-made errors pass with their codes; anything else goes through the router's formatter. */
  const formatForClient = (
    error: GraphQLFormattedError,
    original: unknown = error,
  ): GraphQLFormattedError => {
    if (isSubscriptionErrorCode(error.extensions?.code)) return error;
    return options.formatError(error, original);
  };

  const completion: EventCompletion = {
    operations: options.operations,
    operationTimeoutMs: options.operationTimeoutMs,
    formatForClient,
    formatError: (formatted, error) => options.formatError(formatted, error),
    timedOut: () => protection.metrics.rejected(RouterErrorCode.OPERATION_TIMEOUT),
  };

  const rejectConnection = (code: string, message: string): ConnectOutcome => {
    metrics.rejected(code);
    protection.metrics.rejected(code);
    return { kind: "refused", error: refusal(code, message), reason: message };
  };

  async function connect(request: ConnectRequest): Promise<ConnectOutcome> {
    let caller: IdentifiedCaller;
    try {
      caller = await identifyCaller(request.credentials, protection.clients, options.verifyToken);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === RouterErrorCode.INVALID_API_KEY)
        return rejectConnection(RouterErrorCode.INVALID_API_KEY, "Invalid API key");
      log.debug({ err: error }, "subscription connection refused: bad token");
      return rejectConnection(ErrorCode.UNAUTHENTICATED, "Invalid access token");
    }
    // The client may have gone while its token was checked: there is nothing to set up then.
    if (closing || !request.client.open) return { kind: "gone" };

    // Only these are kept: the connection lives as long as the client does, and the request holds
    // its credentials.
    const { requestId, client } = request;
    const context: RouterContext = { requestId, ...caller, cartToken: undefined };
    const { viewer } = context;
    const connection: SubscriptionConnection = new Connection(
      context,
      log,
      metrics.transport(request.transport),
      client,
    );
    if (viewer) expiries.add(connection, viewer.expiresAt * 1000);
    connections.add(connection);
    connection.metrics.connections.inc();
    // The session may have ended while the token was being checked.
    if (viewer?.sessionId && options.verifyToken.sessionEnded?.(viewer.sessionId))
      connection.end("session ended");
    return { kind: "connected", connection };
  }

  /** The client is gone: nothing may start for it any more (its subscriptions end as it leaves them). */
  function disconnect(connection: SubscriptionConnection): Promise<void> {
    if (connection.closed) return Promise.resolve();
    connection.closed = true;
    const expiresAt = connection.context.viewer?.expiresAt;
    if (expiresAt !== undefined) expiries.delete(connection, expiresAt * 1000);
    connections.delete(connection);
    connection.metrics.connections.dec();
    return Promise.resolve();
  }

  /** A subscribe refused: counted by reason for the transports, and handed on as a failing stream. */
  const refused = (errors: GraphQLFormattedError[]): Prepared => {
    for (const error of errors) {
      const code = error.extensions?.code;
      metrics.rejected(typeof code === "string" ? code : "");
    }
    return { kind: "refused", errors };
  };

  /** The admission stage (which counts its refusals), then the plan. */
  async function prepare(
    connection: SubscriptionConnection,
    payload: AdmissionRequest,
    transport: Transport,
  ): Promise<Prepared> {
    const { admission } = options;
    const outcome =
      (await admission.rateLimit(connection.context, 1)) ??
      (await admission.admit(payload, connection.context, transport));
    if (outcome.kind === "refused") return refused(outcome.errors.map(formattedFrom));
    const state = planning.current;
    if (!state) {
      return refused([refusal(SubscriptionErrorCode.SUBGRAPH_UNAVAILABLE, "The graph is not loaded yet.")]);
    }
    const { document, source, operationName, variables } = outcome;
    let plan: SubscriptionPlan;
    try {
      plan = state.plan(document, source, operationName);
    } catch (error) {
      log.error({ err: error, operationName }, "could not plan a subscription");
      return refused([internalError()]);
    }
    return { kind: "ready", connection, state, plan, document, source, operationName, variables };
  }

  /** The per-connection cap, then every check; a refusal is handed on as a failing stream. */
  async function admit(
    connection: SubscriptionConnection,
    payload: AdmissionRequest,
    transport: Transport,
  ): Promise<Prepared> {
    if (connection.subscriptions >= settings.maxPerConnection) {
      const message = `A connection may hold at most ${settings.maxPerConnection} subscriptions.`;
      return refused([
        refusal(SubscriptionErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED, message, {
          limit: settings.maxPerConnection,
        }),
      ]);
    }
    // Held while the checks run, so concurrent subscribes cannot pass the cap together.
    connection.subscriptions += 1;
    let prepared: Prepared;
    try {
      prepared = await prepare(connection, payload, transport);
    } catch (error) {
      log.error({ err: error }, "subscribe failed");
      prepared = refused([internalError()]);
    }
    if (prepared.kind === "refused") connection.subscriptions -= 1;
    return prepared;
  }

  /** The client subscription of an admitted subscribe: its `return()` is the client leaving. */
  function start(
    prepared: Extract<Prepared, { kind: "ready" }>,
    /** Told when a failure is queued (see RouterSubscriptionOptions.onFailure). */
    listener?: { onFailure(): void },
  ): AsyncIterableIterator<FormattedExecutionResult> {
    const { connection } = prepared;
    if (connection.closed) {
      connection.subscriptions -= 1;
      return endedStream();
    }
    connection.metrics.active.inc();
    return shared.join(new ClientSubscribe(completion, prepared), new SubscriberHooks(connection, listener));
  }

  /**
   * The errors a failed stream ends with, as the client gets them: the router's own (a refusal,
   * SUBGRAPH_UNAVAILABLE …) as they are, anything else through the formatter. Shape checks, not
   * `instanceof GraphQLError`: graphql-ws may hand over errors of another copy of graphql-js.
   */
  function failureErrors(error: unknown): GraphQLFormattedError[] {
    const original = (error as { originalError?: unknown } | null)?.originalError;
    const failure =
      error instanceof SubscriptionFailure
        ? error
        : original instanceof SubscriptionFailure
          ? original
          : undefined;
    if (failure) return failure.errors.map((e) => formatForClient(e));
    const toJSON = (error as { toJSON?: unknown } | null)?.toJSON;
    if (typeof toJSON === "function") return [formatForClient((error as GraphQLError).toJSON(), error)];
    log.error({ err: error }, "subscription stream failed");
    return [internalError()];
  }

  return {
    metrics,
    formatForClient,
    connect,
    disconnect,
    admit,
    start,
    failureErrors,
    /** Whether the router is stopping (no new connection is taken). */
    get closing() {
      return closing;
    },
    /** Ends every connection ("going away") and stops following sessions. */
    async close(): Promise<void> {
      closing = true;
      stopFollowingSessions?.();
      for (const connection of [...connections]) connection.end("going away");
      await Promise.all([...connections].map((connection) => disconnect(connection)));
      shared.stop();
      await upstream.close();
    },
  };
}
export type SubscriptionCore = ReturnType<typeof createSubscriptionCore>;
