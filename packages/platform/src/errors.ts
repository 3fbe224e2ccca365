import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { loggableError } from "./database-errors";
import type { Logger } from "./logger";

/** The codes a client can rely on in `errors[].extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  RATE_LIMITED: "RATE_LIMITED",
  /**
   * The request collides with another one for the same thing (an idempotency key still being
   * processed, a concurrent change). With `retryAfterSeconds` the same request may succeed then.
   */
  CONFLICT: "CONFLICT",
  /** No operation in the document matches `operationName` (or it is missing and there are several). */
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  /**
   * A service the operation needs did not answer (unreachable, overloaded or past its deadline).
   * Retryable: the same request may succeed shortly; mutations that matter are idempotent by key.
   */
  UNAVAILABLE: "UNAVAILABLE",
  /** A subscription sent over plain HTTP to a service that serves subscriptions over WebSocket only. */
  SUBSCRIPTION_REQUIRES_WEBSOCKET: "SUBSCRIPTION_REQUIRES_WEBSOCKET",
  /** The request body is over the size limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  });
}

export function unauthenticated(message = "You must be signed in to do this."): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

export function forbidden(message = "You are not allowed to do this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** Raised when another service is unreachable, times out or answers with errors. */
export class ServiceCallError extends Error {
  override name = "ServiceCallError";
  constructor(
    readonly service: string,
    message: string,
    /** The downstream errors' codes; `UNAVAILABLE` alone when the service did not answer at all. */
    readonly codes: string[] = [],
    /** `extensions.field` of each error, in the downstream operation's own terms. */
    readonly fields: (string | undefined)[] = [],
  ) {
    super(`${service}: ${message}`);
  }
}

/** The error a client sees when a service its operation needs is not answering. */
export function unavailable(cause?: unknown): GraphQLError {
  return new GraphQLError("A service this request needs is not answering. Please try again shortly.", {
    extensions: { code: ErrorCode.UNAVAILABLE },
    ...(cause instanceof Error ? { originalError: cause } : {}),
  });
}

export function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} was not found.`, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** A conflict with another request; `retryAfterSeconds` when retrying the same request is expected to work. */
export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code: ErrorCode.CONFLICT } });
}

export function rateLimited(retryAfterSeconds: number, message?: string): GraphQLError {
  return new GraphQLError(message ?? `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
  });
}

/** The platform's codes and Apollo's own codes for malformed requests; they are safe to show as they are. */
const platformClientFacingCodes: readonly string[] = [
  ...Object.values(ErrorCode),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
];

/**
 * Extensions that describe the platform, not the error: the answering service and its response
 * (added by the gateway to subgraph errors), stacks, and the HTTP status meant for the server.
 */
const internalExtensions = new Set(["stacktrace", "http", "serviceName", "response", "exception"]);

/**
 * What was thrown in the first place, under the GraphQLErrors that execution wrapped it in. Read
 * by shape: Apollo and graphql-js may load another copy of GraphQLError than this module's.
 */
function rootCause(error: unknown): unknown {
  let cause = error;
  for (;;) {
    const inner = cause instanceof Error ? (cause as { originalError?: unknown }).originalError : undefined;
    if (!(inner instanceof Error)) return cause;
    cause = inner;
  }
}

/**
 * Apollo `formatError`: expected errors pass through with their code (minus internal extensions);
 * a service that did not answer becomes a retryable UNAVAILABLE; anything else is logged with its
 * stack and replaced by a generic INTERNAL_SERVER_ERROR. Either way no internals leak.
 *
 * A server with codes of its own (the router's refusals) names them in `clientFacingCodes`; they
 * pass like the platform's.
 */
export function createErrorFormatter(log: Logger, options: { clientFacingCodes?: Iterable<string> } = {}) {
  const clientFacingCodes = new Set<string>([
    ...platformClientFacingCodes,
    ...(options.clientFacingCodes ?? []),
  ]);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(error);
    const unreachable =
      original instanceof ServiceCallError && original.codes.includes(ErrorCode.UNAVAILABLE);
    const code = unreachable ? ErrorCode.UNAVAILABLE : formatted.extensions?.code;
    if (code === ErrorCode.UNAVAILABLE) {
      // An outage the operator must hear of, though the client gets a retryable answer.
      log.error(
        { err: loggableError(original), path: formatted.path },
        "a service the operation needs did not answer",
      );
      const { message, extensions } = unavailable();
      return {
        message,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions,
      };
    }
    if (typeof code === "string" && clientFacingCodes.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const extensions = Object.fromEntries(
        Object.entries(formatted.extensions ?? {}).filter(([key]) => !internalExtensions.has(key)),
      );
      return { ...formatted, extensions };
    }
    log.error(
      { err: loggableError(original), path: formatted.path },
      "unexpected error while executing an operation",
    );
    return {
      message: "Something went wrong on our side. Please try again.",
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
