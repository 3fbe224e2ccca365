import { ErrorCode } from "@storefront/platform/errors";
import type { GraphQLFormattedError } from "graphql";

/*
 * How a subscription ends badly, one rule for every cause (README, "Live order tracking"):
 * - refused before it starts, by the router (rate limit, persisted-operation policy, parse,
 *   validation, variables, limits, the per-connection cap) or by the subgraph that owns the field
 *   (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND from its resolver): one graphql-ws `error` message whose
 *   errors carry `extensions.code`, and nothing else for that id;
 * - while it runs, an event that fails in part is a `next` with `errors` and the stream goes on;
 * - ended by the router (SUBGRAPH_UNAVAILABLE, SUBSCRIPTION_BACKLOG): an `error` message;
 * - a bad token or API key refuses the whole connection at connection_init: close code 4403.
 */

/**
 * Codes only the subscription transports (graphql-ws, SSE, multipart) produce. They are
 * client-facing like the router's other refusal codes; the shared error formatter does not know
 * them, so they are passed through here.
 */
export const SubscriptionErrorCode = {
  /** The connection already holds `SUBSCRIPTION_MAX_PER_CONNECTION` subscriptions. */
  SUBSCRIPTION_LIMIT_EXCEEDED: "SUBSCRIPTION_LIMIT_EXCEEDED",
  /**
   * The subgraph that owns the subscription could not be reached again within
   * `SUBSCRIPTION_RESUME_TIMEOUT_MS` after its connection was lost. Retryable: subscribe again
   * (with `afterSequence` where the field has it).
   */
  SUBGRAPH_UNAVAILABLE: "SUBGRAPH_UNAVAILABLE",
  /**
   * The client read events slower than they came and `MAX_QUEUED_EVENTS` (100) were waiting for
   * it. Retryable: subscribe again (with `afterSequence` where the field has it).
   */
  SUBSCRIPTION_BACKLOG: "SUBSCRIPTION_BACKLOG",
} as const;

const OWN_CODES = new Set<string>(Object.values(SubscriptionErrorCode));

export function isSubscriptionErrorCode(code: unknown): boolean {
  return typeof code === "string" && OWN_CODES.has(code);
}

/** A formatted error as the router writes it, before the formatter has seen it. */
export function refusal(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return { message, extensions: { code, ...extensions } } satisfies GraphQLFormattedError;
}

/**
 * Ends a client subscription with a graphql-ws `error` message. Thrown from the event stream so
 * graphql-ws reports it through `onError`, where these (already formatted) errors replace its own.
 * Carrying plain formatted errors instead of GraphQLError instances keeps graphql-ws's
 * `instanceof GraphQLError` checks out of the way: under vitest it loads another copy of graphql-js.
 */
export class SubscriptionFailure extends Error {
  override name = "SubscriptionFailure";
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? "Subscription failed");
  }
}

export const unavailable = () =>
  refusal(
    SubscriptionErrorCode.SUBGRAPH_UNAVAILABLE,
    "Live updates are unavailable for a moment. Subscribe again to resume.",
    { retryable: true },
  );

export const backlog = () =>
  refusal(
    SubscriptionErrorCode.SUBSCRIPTION_BACKLOG,
    "Updates arrived faster than this connection read them. Subscribe again to resume.",
    { retryable: true },
  );

export const upstreamRefused = () =>
  refusal(ErrorCode.UNAUTHENTICATED, "The service behind this subscription refused the credentials.");
