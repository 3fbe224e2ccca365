import type { IncomingMessage, Server } from "node:http";
import type { GraphQLDataSource } from "@apollo/gateway";
import {
  ErrorCode,
  RouterErrorCode,
  bearerToken,
  requestIdFrom,
  wellFormedRequestId,
  type Logger,
  type TokenVerifier,
} from "@storefront/platform";
import {
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from "graphql";
import { CloseCode, type SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Registry } from "prom-client";
import { WebSocketServer, type WebSocket } from "ws";
import { API_KEY_HEADER } from "../clients";
import { clientIpOf, type RouterContext } from "../context";
import { persistedQueryHash } from "../persisted/resolve";
import type { Protection } from "../protection";
import { rateLimitedError } from "../protection/rate-limit";
import { operationTimeoutError, withDeadline } from "../protection/timeout";
import { SubscriptionErrorCode, isSubscriptionErrorCode, refusal, SubscriptionFailure } from "./errors";
import { eventExecutor, type UpstreamEvent } from "./execute";
import { createSubscriptionMetrics } from "./metrics";
import type { SubscriptionPlan, SubscriptionPlanning, SupergraphState } from "./planner";
import { initialSequence } from "./resume";
import { RouterSubscription, endedStream, refusedStream } from "./subscription";
import { createUpstreamLinks, type UpstreamLinks } from "./upstream";

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
}

export interface SubscriptionServerOptions {
  server: Server;
  path: string;
  log: Logger;
  settings: SubscriptionSettings;
  production: boolean;
  trustProxy: boolean;
  operationTimeoutMs: number;
  protection: Protection;
  verifyToken: TokenVerifier;
  planning: SubscriptionPlanning;
  dataSources: ReadonlyMap<string, GraphQLDataSource<RouterContext>>;
  registry: Registry;
  /** The router's error formatter (the same as HTTP): client-facing codes pass, the rest is masked. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export interface RunningSubscriptionServer {
  /** Closes every client socket (1001 going away) and every subgraph connection. */
  close(): Promise<void>;
}

/** One client WebSocket after a successful connection_init. */
interface Connection {
  socket: WebSocket;
  context: RouterContext;
  /** The router's log with this connection's request id. */
  log: Logger;
  upstream: UpstreamLinks;
  /** Subscriptions held, counting those still being checked. */
  subscriptions: number;
  /** The socket has closed; a subscribe still being checked must not open anything. */
  closed: boolean;
  expiryTimer: NodeJS.Timeout | undefined;
}

type Extra = { connection?: Connection };

/** What onSubscribe hands to `subscribe` (as the execution's context value). */
type Prepared =
  | { kind: "refused"; errors: GraphQLFormattedError[] }
  | {
      kind: "ready";
      connection: Connection;
      state: SupergraphState;
      plan: SubscriptionPlan;
      document: DocumentNode;
      source: string;
      operationName: string | undefined;
      variables: Record<string, unknown>;
    };

/** graphql-ws needs a document for every subscribe it runs; a refused one gets this placeholder. */
const REFUSED_DOCUMENT = parse("subscription Refused { __typename }");
/** setTimeout holds at most a signed 32-bit delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A subscribe refused before it started; `counted` when the protection module already counted it. */
class Refusal extends Error {
  constructor(
    readonly errors: GraphQLFormattedError[],
    readonly counted = false,
  ) {
    super(errors[0]?.message);
  }
}

/** A router GraphQLError (a refusal from the protection module) as a formatted error, by shape. */
function formattedFrom(error: unknown): GraphQLFormattedError {
  const { message, extensions } = error as { message: string; extensions?: Record<string, unknown> };
  const { http: _http, ...rest } = extensions ?? {};
  return { message, extensions: rest };
}

/** Connection params by lowercased name, strings only (they stand in for HTTP headers). */
function paramsOf(payload: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([key, value]) => [key.toLowerCase(), value]),
  );
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Federated subscriptions over graphql-ws (`graphql-transport-ws`) on the router's GraphQL path.
 *
 * connection_init: the API key (`x-api-key` in the payload or the upgrade request) and the bearer
 * token (`authorization`) are checked like HTTP's; a bad one closes the socket with 4403, and the
 * socket closes with 4403 "token expired" when the token does, or "session ended" when its session
 * is revoked (the verifier follows the users subgraph's revocation feed). Every subscribe then goes through
 * the HTTP path's policy in the same order: rate limit, persisted operation (manifest id, APQ or
 * text as the client may), parse with the token limit, validation against the API schema,
 * variables, operation limits. A refusal is a graphql-ws `error` message with `extensions.code`.
 * An accepted operation is planned (plans cached per text and name, rebuilt with the supergraph);
 * its primary goes to the owning subgraph over the connection's upstream link, and each event is
 * completed with the rest of the plan before it is sent.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): RunningSubscriptionServer {
  const { protection, settings, planning, log } = options;
  const metrics = createSubscriptionMetrics(options.registry);
  const connections = new Set<Connection>();
  let closing = false;
  const sessionEnded = (connection: Connection) =>
    connection.socket.close(CloseCode.Forbidden, "session ended");
  // A session that ends (logout, a role change …) ends its subscriptions at once, not at token expiry.
  const stopFollowingSessions = options.verifyToken.onSessionsEnded?.((sessionIds) => {
    for (const connection of connections) {
      const sessionId = connection.context.viewer?.sessionId;
      if (sessionId && sessionIds.has(sessionId)) sessionEnded(connection);
    }
  });

  const validationRules = options.production
    ? [...specifiedRules, NoSchemaIntrospectionCustomRule]
    : specifiedRules;

  /** Router-made errors pass with their codes; anything else goes through the router's formatter. */
  const formatForClient = (
    error: GraphQLFormattedError,
    original: unknown = error,
  ): GraphQLFormattedError => {
    if (isSubscriptionErrorCode(error.extensions?.code)) return error;
    return options.formatError(error, original);
  };

  const refuse = (code: string, message: string, extensions: Record<string, unknown> = {}): never => {
    throw new Refusal([refusal(code, message, extensions)]);
  };

  const reject = (socket: WebSocket, code: string, reason: string): false => {
    metrics.rejected(code);
    protection.metrics.rejected(code);
    socket.close(CloseCode.Forbidden, reason);
    return false;
  };

  async function connect(
    socket: WebSocket,
    request: IncomingMessage,
    payload: Record<string, unknown> | undefined,
  ) {
    const params = paramsOf(payload);
    const apiKey = params[API_KEY_HEADER] ?? header(request, API_KEY_HEADER);
    const client = apiKey === undefined ? undefined : protection.clients.identify(apiKey);
    if (apiKey !== undefined && !client)
      return reject(socket, RouterErrorCode.INVALID_API_KEY, "Invalid API key");

    const authorization = params.authorization ?? header(request, "authorization");
    let viewer: RouterContext["viewer"];
    try {
      const token = bearerToken(authorization);
      viewer = token ? await options.verifyToken(token) : undefined;
    } catch (error) {
      log.debug({ err: error }, "subscription connection refused: bad token");
      return reject(socket, ErrorCode.UNAUTHENTICATED, "Invalid access token");
    }
    if (closing) {
      socket.close(1001, "Going away");
      return false;
    }
    // The client may have gone while its token was checked: there is nothing to set up then.
    if (socket.readyState !== socket.OPEN) return false;

    // A well-formed id from connection_init, else the upgrade request's x-request-id, else a new one.
    const offered = params["x-request-id"];
    const requestId =
      offered !== undefined && wellFormedRequestId(offered) === offered ? offered : requestIdFrom(request);
    const clientIp = clientIpOf(request, options.trustProxy);
    const context: RouterContext = {
      requestId,
      authorization: viewer ? authorization : undefined,
      viewer,
      clientIp,
      cartToken: undefined,
      client,
    };
    const connectionLog = log.child({ requestId });
    const connection: Connection = {
      socket,
      context,
      log: connectionLog,
      subscriptions: 0,
      closed: false,
      expiryTimer: undefined,
      upstream: createUpstreamLinks({
        urlOf: (subgraph) => planning.current?.wsUrl(subgraph),
        connectionParams: {
          ...(context.authorization ? { authorization: context.authorization } : {}),
          "x-request-id": requestId,
          ...(clientIp ? { "x-client-ip": clientIp } : {}),
        },
        keepAliveMs: settings.keepAliveMs,
        metrics,
        log: connectionLog,
      }),
    };
    if (viewer) {
      const remaining = viewer.expiresAt * 1000 - Date.now();
      connection.expiryTimer = setTimeout(
        () => socket.close(CloseCode.Forbidden, "token expired"),
        Math.min(Math.max(0, remaining), MAX_TIMER_MS),
      );
    }
    connections.add(connection);
    metrics.connections.inc();
    // The session may have ended while the token was being checked.
    if (viewer?.sessionId && options.verifyToken.sessionEnded?.(viewer.sessionId)) sessionEnded(connection);
    return connection;
  }

  /** The operation text a subscribe runs, under the client's persisted-operation policy. */
  async function operationSource(connection: Connection, payload: SubscribePayload) {
    const request = payload as SubscribePayload & { documentId?: unknown };
    let resolution;
    try {
      resolution = protection.resolvePersisted(request, connection.context.client);
    } catch (error) {
      throw new Refusal([formattedFrom(error)]);
    }
    if (resolution.kind === "manifest") {
      protection.metrics.persisted.inc({ kind: "manifest", outcome: "hit" });
      return { source: resolution.operation.body, register: undefined };
    }
    const hash = persistedQueryHash(payload.extensions);
    if (payload.query) return { source: payload.query, register: hash };
    if (!hash) return refuse("BAD_REQUEST", "Send `query`, `documentId` or a persisted query hash.");
    const cached = await protection.apqCache.get(`apq:${hash}`);
    if (cached === undefined) {
      protection.metrics.persisted.inc({ kind: "apq", outcome: "miss" });
      return refuse("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
    }
    protection.metrics.persisted.inc({ kind: "apq", outcome: "hit" });
    return { source: cached, register: undefined };
  }

  /** Every check HTTP makes, in the same order; throws a Refusal. */
  async function prepare(connection: Connection, payload: SubscribePayload): Promise<Prepared> {
    const decision = await protection.consumeRateLimit(connection.context, 1);
    // The HTTP path's RATE_LIMITED error; its HTTP status and Retry-After do not apply here.
    if (!decision.allowed) throw new Refusal([formattedFrom(rateLimitedError(decision.retryAfterSeconds))]);
    const { source, register } = await operationSource(connection, payload);
    const state = planning.current;
    if (!state) return refuse(SubscriptionErrorCode.SUBGRAPH_UNAVAILABLE, "The graph is not loaded yet.");

    let document = state.validDocument(source);
    if (!document) {
      const parsed = protection.parse(source);
      if ("errors" in parsed)
        throw new Refusal(
          parsed.errors.map((e) => e.toJSON()),
          true,
        );
      const invalid = validate(state.apiSchema, parsed.document, validationRules);
      if (invalid.length) {
        throw new Refusal(
          invalid.map((e) => ({ ...e.toJSON(), extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })),
        );
      }
      document = parsed.document;
      state.rememberValid(source, document);
    }
    const operationName = payload.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return refuse(
        "BAD_REQUEST",
        operationName ? `Unknown operation named "${operationName}".` : "Name the operation to run.",
      );
    }
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return refuse(
        "BAD_REQUEST",
        "Only subscriptions are served over WebSocket; send queries and mutations over HTTP.",
      );
    }
    const coerced = getVariableValues(
      state.apiSchema,
      operation.variableDefinitions ?? [],
      payload.variables ?? {},
    );
    if (coerced.errors) {
      throw new Refusal(
        coerced.errors.map((e) => ({ ...e.toJSON(), extensions: { code: ErrorCode.BAD_USER_INPUT } })),
      );
    }
    const admission = await protection.admitOperation(
      document,
      coerced.coerced,
      state.apiSchema,
      operationName,
      connection.context,
    );
    // A refusal's HTTP status and Retry-After do not apply here.
    if (admission.errors[0]) throw new Refusal([formattedFrom(admission.errors[0])], true);
    if (register) {
      await protection.apqCache.set(`apq:${register}`, source);
      protection.metrics.persisted.inc({ kind: "apq", outcome: "register" });
    }
    let plan: SubscriptionPlan;
    try {
      plan = state.plan(document, source, operationName);
    } catch (error) {
      log.error({ err: error, operationName }, "could not plan a subscription");
      return refuse("INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again.");
    }
    return {
      kind: "ready",
      connection,
      state,
      plan,
      document,
      source,
      operationName,
      variables: coerced.coerced,
    };
  }

  /** The subscription cap, then every check; a refusal is counted and handed on as a failing stream. */
  async function admit(connection: Connection, payload: SubscribePayload): Promise<Prepared> {
    if (connection.subscriptions >= settings.maxPerConnection) {
      metrics.rejected(SubscriptionErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED);
      const message = `A connection may hold at most ${settings.maxPerConnection} subscriptions.`;
      return {
        kind: "refused",
        errors: [
          refusal(SubscriptionErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED, message, {
            limit: settings.maxPerConnection,
          }),
        ],
      };
    }
    // Held while the checks run, so concurrent subscribes cannot pass the cap together.
    connection.subscriptions += 1;
    try {
      return await prepare(connection, payload);
    } catch (error) {
      connection.subscriptions -= 1;
      if (!(error instanceof Refusal)) {
        log.error({ err: error }, "subscribe failed");
        metrics.rejected("INTERNAL_SERVER_ERROR");
        return {
          kind: "refused",
          errors: [refusal("INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again.")],
        };
      }
      for (const refused of error.errors) {
        const code = typeof refused.extensions?.code === "string" ? refused.extensions.code : "";
        metrics.rejected(code);
        if (!error.counted) protection.metrics.rejected(code);
      }
      return { kind: "refused", errors: error.errors };
    }
  }

  function start(prepared: Extract<Prepared, { kind: "ready" }>) {
    const { connection, plan } = prepared;
    if (connection.closed) {
      connection.subscriptions -= 1;
      return endedStream();
    }
    const runRest = eventExecutor({
      state: prepared.state,
      plan,
      dataSources: options.dataSources,
      context: connection.context,
      source: prepared.source,
      document: prepared.document,
      operationName: prepared.operationName,
      variables: prepared.variables,
      log: connection.log,
    });
    const formatErrors = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) =>
      errors.map((error) =>
        formatForClient(
          "toJSON" in error && typeof error.toJSON === "function" ? error.toJSON() : error,
          error,
        ),
      );
    const runEvent = async (event: UpstreamEvent): Promise<FormattedExecutionResult> => {
      // An event whose data is null (its root field failed) has nothing to complete; one without
      // data at all is a refusal, which never gets here (RouterSubscription ends with it).
      if (event.data == null) return { data: null, errors: formatErrors(event.errors ?? []) };
      try {
        const result = await withDeadline(
          options.operationTimeoutMs,
          () => runRest(event),
          () => {
            protection.metrics.rejected(RouterErrorCode.OPERATION_TIMEOUT);
            return { data: null, errors: [operationTimeoutError(options.operationTimeoutMs)] };
          },
        );
        return {
          data: result.data ?? null,
          ...(result.errors?.length ? { errors: formatErrors(result.errors) } : {}),
        };
      } catch (error) {
        return { data: null, errors: [options.formatError({ message: String(error) }, error)] };
      }
    };
    metrics.active.inc();
    return new RouterSubscription({
      plan,
      link: connection.upstream.link(plan.service),
      variables: prepared.variables,
      initialSequence: plan.resume ? initialSequence(plan.resume.initial, prepared.variables) : undefined,
      runEvent,
      formatUpstreamErrors: (errors) => formatErrors(errors),
      credentialsRefused: () => {
        const expiresAt = connection.context.viewer?.expiresAt;
        // The subgraph closes at the token's expiry too; whichever notices first closes the client.
        if (expiresAt === undefined || Date.now() < expiresAt * 1000 - 1_000) return false;
        connection.socket.close(CloseCode.Forbidden, "token expired");
        return true;
      },
      resumeTimeoutMs: settings.resumeTimeoutMs,
      metrics,
      log: connection.log,
      onEnd: () => {
        connection.subscriptions -= 1;
        metrics.active.dec();
      },
    }).start();
  }

  const wss = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: settings.maxMessageBytes,
  });
  const server = useServer<Record<string, unknown>, Extra>(
    {
      isProd: options.production,
      connectionInitWaitTimeout: settings.initTimeoutMs,
      onConnect: async (ctx) => {
        const connection = await connect(ctx.extra.socket, ctx.extra.request, ctx.connectionParams);
        if (!connection) return false;
        ctx.extra.connection = connection;
        return true;
      },
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs> => {
        const prepared = await admit(ctx.extra.connection!, payload);
        return {
          // Unused by `subscribe` below; graphql-ws wants one.
          schema:
            prepared.kind === "ready" ? prepared.state.apiSchema : (planning.current?.apiSchema as never),
          document: prepared.kind === "ready" ? prepared.document : REFUSED_DOCUMENT,
          ...(prepared.kind === "ready" && prepared.operationName
            ? { operationName: prepared.operationName }
            : {}),
          variableValues: prepared.kind === "ready" ? prepared.variables : {},
          contextValue: prepared,
        };
      },
      subscribe: (args) => {
        const prepared = args.contextValue as Prepared;
        const stream = prepared.kind === "ready" ? start(prepared) : refusedStream(prepared.errors);
        // The results are formatted already (plain errors); onNext below sends them as they are.
        return stream as unknown as AsyncGenerator<ExecutionResult>;
      },
      onNext: (_ctx, _id, _payload, _args, result) => result,
      onError: (_ctx, _id, _payload, errors) =>
        errors.flatMap((error) => {
          const original = error.originalError;
          if (original instanceof SubscriptionFailure) return original.errors.map((e) => formatForClient(e));
          return [formatForClient(error.toJSON(), error)];
        }),
      onClose: async (ctx) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        connection.closed = true;
        clearTimeout(connection.expiryTimer);
        connections.delete(connection);
        metrics.connections.dec();
        await connection.upstream.close();
      },
    },
    wss,
    settings.keepAliveMs,
  );

  // A socket error (a message over maxPayload, a malformed frame) is the client's fault and ws
  // closes the socket itself (1009, 1002); graphql-ws would print it to stderr with a stack.
  wss.on("connection", (socket) => {
    socket.removeAllListeners("error");
    socket.on("error", (error) => log.debug({ err: error }, "client WebSocket error"));
  });

  return {
    close: async () => {
      closing = true;
      stopFollowingSessions?.();
      const sockets = [...wss.clients];
      const closed = Promise.all(
        sockets.map((socket) =>
          socket.readyState === socket.CLOSED
            ? Promise.resolve()
            : new Promise<void>((resolve) => socket.once("close", () => resolve())),
        ),
      );
      // Going away (1001): clients reconnect, to another replica behind the load balancer.
      const disposed = server.dispose();
      const grace = setTimeout(() => {
        for (const socket of sockets) socket.terminate();
      }, 5_000);
      await Promise.all([closed, disposed]);
      clearTimeout(grace);
      await Promise.all([...connections].map((connection) => connection.upstream.close()));
    },
  };
}
