import { SubscriptionErrorCode } from "./subscriptions/errors";

/**
 * The router's own codes in `errors[].extensions.code`, beside the platform's `ErrorCode`: how it
 * refuses a request before or instead of running it (API keys, persisted operations, limits,
 * timeouts) and how it refuses or ends a subscription. Client-facing: partners build on them, and
 * the router's error formatter lets every one of them through.
 */
export const RouterErrorCode = {
  /** `x-api-key` matches no configured client (HTTP 401). */
  INVALID_API_KEY: "INVALID_API_KEY",
  /** A safelisted client sent operation text instead of a manifest id. */
  PERSISTED_QUERY_REQUIRED: "PERSISTED_QUERY_REQUIRED",
  /** The id is not in the calling client's manifest. */
  OPERATION_NOT_IN_MANIFEST: "OPERATION_NOT_IN_MANIFEST",
  BATCH_LIMIT_EXCEEDED: "BATCH_LIMIT_EXCEEDED",
  DEPTH_LIMIT_EXCEEDED: "DEPTH_LIMIT_EXCEEDED",
  ALIAS_LIMIT_EXCEEDED: "ALIAS_LIMIT_EXCEEDED",
  ROOT_FIELD_LIMIT_EXCEEDED: "ROOT_FIELD_LIMIT_EXCEEDED",
  TOKEN_LIMIT_EXCEEDED: "TOKEN_LIMIT_EXCEEDED",
  DIRECTIVE_LIMIT_EXCEEDED: "DIRECTIVE_LIMIT_EXCEEDED",
  COST_LIMIT_EXCEEDED: "COST_LIMIT_EXCEEDED",
  OPERATION_TIMEOUT: "OPERATION_TIMEOUT",
  /** `extensions.persistedQuery` in a version or shape that is not APQ version 1. */
  PERSISTED_QUERY_NOT_SUPPORTED: "PERSISTED_QUERY_NOT_SUPPORTED",
  /** The subscription transports' codes (connection cap, lost subgraph, backlog). */
  ...SubscriptionErrorCode,
} as const;
export type RouterErrorCode = (typeof RouterErrorCode)[keyof typeof RouterErrorCode];

/** What the router's error formatter passes through besides the platform's codes. */
export const routerClientFacingCodes: readonly string[] = Object.values(RouterErrorCode);
