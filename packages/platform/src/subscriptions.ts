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
import { ErrorCode } from "./errors";
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
   * The context of a connection, from the upgrade request and the `connection_init` payload
   * (which carries `authorization`); a thrown error refuses the connection. Called again for
   * each subscription that carries its own caller (SUBSCRIPTION_CALLER_EXTENSION), with that
   * caller over the connection's params; a thrown error then refuses that subscription only.
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
 * The `subscribe` message extension that carries the subscription's own caller, as HTTP headers
 * would (`authorization`, `x-request-id`, `x-client-ip`). A router multiplexes the subscriptions
 * of many clients over one connection whose connection_init names no end user; each subscription
 * is then authenticated on its own, and refused with UNAUTHENTICATED when its token is bad.
 */
export const SUBSCRIPTION_CALLER_EXTENSION = "headers";

/** The caller a subscribe message carries, strings only; undefined when it carries none. */
function callerOf(payload: { extensions?: unknown } | undefined): Record<string, string> | undefined {
  const caller = (payload?.extensions as Record<string, unknown> | undefined)?.[
    SUBSCRIPTION_CALLER_EXTENSION
  ];
  if (!caller || typeof caller !== "object" || Array.isArray(caller)) return undefined;
  return Object.fromEntries(
    Object.entries(caller).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** A subscription whose own caller was refused: answered with this error instead of running. */
class RefusedCaller {
  constructor(readonly error: GraphQLFormattedError) {}
}

/** Why a subscription authenticated on its own stops before its source ends. */
const ended = (message: string): ExecutionResult =>
  ({
    errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }],
  }) as unknown as ExecutionResult;

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
  /** Subscriptions authenticated on their own, by session: ended when it ends. */
  const streamsBySession = new Map<string, Set<(message: string) => void>>();
  const stopFollowingStreams = options.sessions?.onSessionsEnded?.((sessionIds) => {
    for (const sessionId of sessionIds) {
      for (const stop of streamsBySession.get(sessionId) ?? []) stop("Session ended");
    }
  });
  /** Contexts of subscriptions that carry their own caller (not the connection's). */
  const ownCallers = new WeakSet<object>();
  /**
   * A subscription authenticated on its own ends, with UNAUTHENTICATED, when its token expires or
   * its session ends, as a connection authenticated at connection_init is closed then.
   */
  const endWithCaller = (stream: StoppableStream, context: TContext) => {
    const expiresAt = context.viewer?.expiresAt;
    const sessionId = context.viewer?.sessionId;
    const stop = (message: string) => stream.stop(ended(message));
    const timer = expiresAt
      ? setTimeout(
          () => stop("Access token expired"),
          Math.min(MAX_TIMER_MS, Math.max(0, expiresAt * 1000 - Date.now())),
        )
      : undefined;
    if (sessionId) {
      const stops = streamsBySession.get(sessionId) ?? new Set();
      streamsBySession.set(sessionId, stops.add(stop));
      if (options.sessions?.sessionEnded?.(sessionId)) stop("Session ended");
    }
    stream.onEnd(() => {
      clearTimeout(timer);
      const stops = sessionId ? streamsBySession.get(sessionId) : undefined;
      stops?.delete(stop);
      if (stops?.size === 0) streamsBySession.delete(sessionId!);
    });
    return stream;
  };
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
      // A subscription carrying its own caller runs as that caller, whoever the connection is.
      context: async (ctx, _id, payload) => {
        const caller = callerOf(payload);
        if (!caller) return ctx.extra.context;
        try {
          const context = await options.connect(ctx.extra.request, { ...ctx.connectionParams, ...caller });
          ownCallers.add(context);
          return context;
        } catch (error) {
          options.log.debug({ err: error }, "subscription refused: bad token");
          return new RefusedCaller(
            options.formatError(
              { message: "Invalid access token", extensions: { code: ErrorCode.UNAUTHENTICATED } },
              error,
            ),
          );
        }
      },
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
        // Sent as GraphQL's request error (`next` then `complete`), as a resolver's refusal is.
        if (args.contextValue instanceof RefusedCaller)
          return { errors: [args.contextValue.error] } as unknown as ExecutionResult;
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return format(stream);
        const mapped = mapEvents(stream, (event) => {
          const context = options.perEvent(args.contextValue as TContext);
          // Each event is a request of its own: its id on log lines, its SQL counted.
          return runInRequestScope({ requestId: context.requestId, sqlStatements: 0 }, async () =>
            format(await execute({ ...args, rootValue: event, contextValue: context })),
          );
        });
        const context = args.contextValue as TContext;
        return ownCallers.has(context) ? endWithCaller(mapped, context) : mapped;
      },
    },
    wss,
  );

  return {
    close: async () => {
      stopFollowingSessions?.();
      stopFollowingStreams?.();
      for (const timer of expiryTimers.values()) clearTimeout(timer);
      expiryTimers.clear();
      // Closes every socket with 1001 (going away); clients reconnect to another replica.
      await cleanup.dispose();
    },
  };
}

/** A mapped event stream that can also be ended from outside, with one last result. */
interface StoppableStream<R = ExecutionResult> extends AsyncIterableIterator<R> {
  /** Ends the stream: `last` is its final value (read next, or now by a pending read). */
  stop(last: R): void;
  /** Called once when the stream ends, however it ends. */
  onEnd(listener: () => void): void;
}

/** Maps each event of a source stream; ending the mapped stream ends the source. */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (value: T) => Promise<R>): StoppableStream<R> {
  const iterator = source[Symbol.asyncIterator]();
  let stopped: { last: R; read: boolean } | undefined;
  let wakeStopped: ((step: IteratorResult<R>) => void) | undefined;
  let finished = false;
  const endListeners: (() => void)[] = [];
  const finish = async () => {
    if (finished) return;
    finished = true;
    for (const listener of endListeners) listener();
    await iterator.return?.();
  };
  const lastStep = (): IteratorResult<R> => {
    if (!stopped || stopped.read) return { done: true, value: undefined };
    stopped.read = true;
    return { done: false, value: stopped.last };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (stopped) return lastStep();
      const step = await Promise.race([
        iterator.next(),
        new Promise<"stopped">((resolve) => (wakeStopped = () => resolve("stopped"))),
      ]);
      wakeStopped = undefined;
      if (step === "stopped" || stopped) return lastStep();
      if (step.done) {
        await finish();
        return { done: true, value: undefined };
      }
      return { done: false, value: await map(step.value) };
    },
    async return() {
      await finish();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    stop(last: R) {
      if (stopped || finished) return;
      stopped = { last, read: false };
      wakeStopped?.({ done: true, value: undefined });
      void finish();
    },
    onEnd(listener) {
      endListeners.push(listener);
    },
  };
}
