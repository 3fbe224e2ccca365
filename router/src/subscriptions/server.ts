import type { IncomingMessage, Server } from "node:http";
import type { GraphQLDataSource } from "@apollo/gateway";
import {
  ErrorCode,
  RouterErrorCode,
  requestIdFrom,
  wellFormedRequestId,
  type Logger,
  type TokenVerifier,
} from "@storefront/platform";
import {
  GraphQLError,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from "graphql";
import { CloseCode, type SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Registry } from "prom-client";
import { WebSocketServer, type WebSocket } from "ws";
import type { AdmissionStage, Transport } from "../admission";
import { identifyCaller, type IdentifiedCaller } from "../admission/caller";
import { API_KEY_HEADER } from "../clients";
import { clientIpOf, type RouterContext } from "../context";
import type { Protection } from "../protection";
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
  /** The router's admission stage, which every subscribe goes through as HTTP operations do. */
  admission: AdmissionStage;
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

/** A router refusal as the client gets it: its HTTP status and Retry-After do not apply here. */
function formattedFrom(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.toJSON().extensions ?? {};
  return { ...error.toJSON(), extensions };
}

/** Only subscriptions run over the socket, and the operation to run must be clear. */
const websocketTransport: Transport = {
  screen(operation, operationName) {
    if (!operation) {
      return new GraphQLError(
        operationName ? `Unknown operation named "${operationName}".` : "Name the operation to run.",
        { extensions: { code: "BAD_REQUEST" } },
      );
    }
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return new GraphQLError(
        "Only subscriptions are served over WebSocket; send queries and mutations over HTTP.",
        { extensions: { code: "BAD_REQUEST" } },
      );
    }
    return "run";
  },
};

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
 * the router's admission stage, as every HTTP operation does: rate limit, persisted operation
 * (manifest id, APQ or text as the client may), parse with the token limit, validation against
 * the API schema, variables, operation limits. A refusal is a graphql-ws `error` message with
 * `extensions.code`.
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

  /** Router-made errors pass with their codes; anything else goes through the router's formatter. */
  const formatForClient = (
    error: GraphQLFormattedError,
    original: unknown = error,
  ): GraphQLFormattedError => {
    if (isSubscriptionErrorCode(error.extensions?.code)) return error;
    return options.formatError(error, original);
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
    let caller: IdentifiedCaller;
    try {
      caller = await identifyCaller(
        {
          apiKey: params[API_KEY_HEADER] ?? header(request, API_KEY_HEADER),
          authorization: params.authorization ?? header(request, "authorization"),
          address: clientIpOf(request, options.trustProxy),
        },
        protection.clients,
        options.verifyToken,
      );
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === RouterErrorCode.INVALID_API_KEY)
        return reject(socket, RouterErrorCode.INVALID_API_KEY, "Invalid API key");
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
    const context: RouterContext = { requestId, ...caller, cartToken: undefined };
    const { viewer, clientIp } = context;
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

  /** A subscribe refused: counted by reason for the socket, and handed on as a failing stream. */
  const refused = (errors: GraphQLFormattedError[]): Prepared => {
    for (const error of errors) {
      const code = error.extensions?.code;
      metrics.rejected(typeof code === "string" ? code : "");
    }
    return { kind: "refused", errors };
  };

  /** The admission stage (which counts its refusals), then the plan. */
  async function prepare(connection: Connection, payload: SubscribePayload): Promise<Prepared> {
    const { admission } = options;
    const outcome =
      (await admission.rateLimit(connection.context, 1)) ??
      (await admission.admit(payload, connection.context, websocketTransport));
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
      return refused([
        refusal("INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again."),
      ]);
    }
    return { kind: "ready", connection, state, plan, document, source, operationName, variables };
  }

  /** The subscription cap, then every check; a refusal is handed on as a failing stream. */
  async function admit(connection: Connection, payload: SubscribePayload): Promise<Prepared> {
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
      prepared = await prepare(connection, payload);
    } catch (error) {
      log.error({ err: error }, "subscribe failed");
      prepared = refused([
        refusal("INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again."),
      ]);
    }
    if (prepared.kind === "refused") connection.subscriptions -= 1;
    return prepared;
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
