import type { IncomingMessage, Server } from "node:http";
import { createRequire } from "node:module";
import type * as graphql from "graphql";
import type {
  ExecutionArgs,
  GraphQLError,
  ExecutionResult,
  GraphQLFormattedError,
  GraphQLSchema,
} from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "./logger";
import { runInRequestScope } from "./request-scope";

/** setTimeout's largest delay. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Executed with the graphql-js the schema was built with (@apollo/subgraph requires the CommonJS
 * build). Under vitest an ESM import of "graphql" here loads the other build, whose `execute`
 * refuses a schema "from another module or realm"; in Node both are the same module.
 */
const { createSourceEventStream, execute } = createRequire(import.meta.url)("graphql") as typeof graphql;

/** What a subscription's context must tell about its caller: when the token expires, which session. */
type SubscriberContext = {
  viewer?: { expiresAt: number; sessionId?: string | undefined } | undefined;
  requestId: string;
};

/** The session-ended half of a token verifier (see `TokenVerifier`). */
export interface SessionEndings {
  onSessionsEnded?(listener: (sessionIds: ReadonlySet<string>) => void): () => void;
  sessionEnded?(sessionId: string): boolean;
}

export interface SubscriptionServerOptions<TContext extends SubscriberContext> {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  log: Logger;
  /**
   * The context of one subscription, from the upgrade request and the `connection_init`
   * payload (which carries `authorization`). A thrown error refuses the connection.
   */
  connect(request: IncomingMessage, params: Record<string, unknown>): Promise<TContext>;
  /** A fresh context for each event, so per-request caches (DataLoaders) never serve stale rows. */
  perEvent(context: TContext): TContext;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Largest message a client may send, in bytes. */
  maxPayloadBytes?: number;
  connectionInitWaitTimeoutMs?: number;
  /** Sessions that end (logout, revocation) close their sockets with 4403 at once. */
  sessions?: SessionEndings;
}

export interface RunningSubscriptionServer {
  /** Closes every socket (1001 going away) and stops accepting new ones. */
  close(): Promise<void>;
}

type ConnectionExtra<TContext> = Record<PropertyKey, unknown> & { context?: TContext };

/**
 * graphql-ws (`graphql-transport-ws`) on the same path as HTTP. The connection is authenticated
 * once in `connection_init`; it is closed (4403) when its access token expires or its session
 * ends (`options.sessions`). Each event is executed
 * with a fresh context, and errors go through the same formatter as HTTP responses.
 */
export function attachSubscriptionServer<TContext extends SubscriberContext>(
  options: SubscriptionServerOptions<TContext>,
): RunningSubscriptionServer {
  const wss = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: options.maxPayloadBytes ?? 64 * 1024,
  });
  const expiryTimers = new Map<WebSocket, NodeJS.Timeout>();
  const socketsBySession = new Map<string, Set<WebSocket>>();
  const sessionEnded = (socket: WebSocket) => socket.close(CloseCode.Forbidden, "Session ended");
  const stopFollowingSessions = options.sessions?.onSessionsEnded?.((sessionIds) => {
    for (const sessionId of sessionIds) {
      for (const socket of socketsBySession.get(sessionId) ?? []) sessionEnded(socket);
    }
  });
  const forgetSocket = (socket: WebSocket, sessionId: string | undefined) => {
    const sockets = sessionId ? socketsBySession.get(sessionId) : undefined;
    sockets?.delete(socket);
    if (sockets?.size === 0) socketsBySession.delete(sessionId!);
  };
  const format = (result: ExecutionResult): ExecutionResult =>
    result.errors
      ? {
          ...result,
          errors: result.errors.map(
            (error) => options.formatError(error.toJSON(), error) as unknown as GraphQLError,
          ),
        }
      : result;

  const cleanup = useServer<Record<string, unknown>, ConnectionExtra<TContext>>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs ?? 5_000,
      onConnect: async (ctx) => {
        try {
          const context = await options.connect(ctx.extra.request, ctx.connectionParams ?? {});
          const socket = ctx.extra.socket;
          // The client may have gone while its token was checked: onClose has run already, so a
          // timer set now would never be cleared.
          if (socket.readyState !== socket.OPEN) return false;
          ctx.extra.context = context;
          const expiresAt = context.viewer?.expiresAt;
          if (expiresAt) {
            const timer = setTimeout(
              () => socket.close(CloseCode.Forbidden, "Access token expired"),
              // setTimeout fires at once past its largest delay (about 24.8 days).
              Math.min(MAX_TIMER_MS, Math.max(0, expiresAt * 1000 - Date.now())),
            );
            expiryTimers.set(socket, timer);
          }
          const sessionId = context.viewer?.sessionId;
          if (sessionId) {
            const sockets = socketsBySession.get(sessionId) ?? new Set();
            socketsBySession.set(sessionId, sockets.add(socket));
            // The session may have ended while the token was being checked.
            if (options.sessions?.sessionEnded?.(sessionId)) sessionEnded(socket);
          }
          return true;
        } catch (error) {
          options.log.debug({ err: error }, "subscription connection refused");
          return false;
        }
      },
      onClose: (ctx) => {
        clearTimeout(expiryTimers.get(ctx.extra.socket));
        expiryTimers.delete(ctx.extra.socket);
        forgetSocket(ctx.extra.socket, ctx.extra.context?.viewer?.sessionId);
      },
      context: (ctx) => ctx.extra.context,
      // A subgraph's socket is for subscriptions: queries and mutations go over HTTP, where each
      // gets its own request context, plugins and metrics.
      execute: () => ({
        errors: [
          {
            message: "Only subscriptions are served over WebSocket; send queries and mutations over HTTP.",
            extensions: { code: "BAD_REQUEST" },
          } as unknown as GraphQLError,
        ],
      }),
      // `format` has already turned the errors into plain formatted ones (no `toJSON`): send as is.
      onNext: (_ctx, _id, _payload, _args, result) => result,
      subscribe: async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return format(stream);
        return mapEvents(stream, (event) => {
          const context = options.perEvent(args.contextValue as TContext);
          // Each event is a request of its own: its id on log lines, its SQL counted.
          return runInRequestScope({ requestId: context.requestId, sqlStatements: 0 }, async () =>
            format(await execute({ ...args, rootValue: event, contextValue: context })),
          );
        });
      },
    },
    wss,
  );

  return {
    close: async () => {
      stopFollowingSessions?.();
      for (const timer of expiryTimers.values()) clearTimeout(timer);
      expiryTimers.clear();
      // Closes every socket with 1001 (going away); clients reconnect to another replica.
      await cleanup.dispose();
    },
  };
}

/** Maps each event of a source stream; ending the mapped stream ends the source. */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (value: T) => Promise<R>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
  };
}
