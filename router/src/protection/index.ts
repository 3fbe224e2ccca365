import type { Logger } from "@storefront/platform";
import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import { createClientRegistry, type RouterClient } from "../clients";
import type { RouterConfig } from "../env";
import { MemoryKeyValueCache, RedisKeyValueCache, type StringCache } from "../persisted/apq-cache";
import {
  resolvePersistedOperation,
  type OperationRequest,
  type PersistedResolution,
} from "../persisted/resolve";
import { checkOperation, parseOperation } from "./limits";
import { createProtectionMetrics } from "./metrics";
import { memoryRateLimiter, rateLimitKey, redisRateLimiter, type RateLimitDecision } from "./rate-limit";

/**
 * Everything that decides whether an operation may run, as plain functions: the HTTP path uses
 * them through Apollo (request gate + plugin), and a WebSocket transport calls them on every
 * subscribe with the same client, so both paths enforce one policy.
 */
export function createProtection(
  config: Pick<
    RouterConfig,
    "clients" | "limits" | "rateLimitPerMinute" | "redisKeyPrefix" | "apqTtlSeconds"
  >,
  deps: { registry: Registry; log: Logger; redis: Redis | undefined },
) {
  const metrics = createProtectionMetrics(deps.registry);
  const clients = createClientRegistry(config.clients);
  const rateLimiter = deps.redis
    ? redisRateLimiter(deps.redis, config.redisKeyPrefix, deps.log)
    : memoryRateLimiter();
  /** Apollo prefixes its keys with `apq:`; a lookup outside Apollo must too. */
  const apqCache: StringCache = deps.redis
    ? new RedisKeyValueCache(deps.redis, config.redisKeyPrefix, deps.log, config.apqTtlSeconds)
    : new MemoryKeyValueCache(10_000, config.apqTtlSeconds);

  return {
    metrics,
    clients,
    rateLimiter,
    apqCache,
    /** Which operation a request runs for this client (manifest or pass-through); throws a refusal. */
    resolvePersisted(request: OperationRequest, client: RouterClient | undefined): PersistedResolution {
      return resolvePersistedOperation(request, client);
    },
    /** Parses with the token limit. */
    parse(source: string): { document: DocumentNode } | { errors: GraphQLError[] } {
      const result = parseOperation(source, config.limits);
      if ("errors" in result) for (const e of result.errors) metrics.rejected(String(e.extensions.code));
      return result;
    },
    /** Every limit the (validated) operation breaks; empty when it may run. */
    checkOperation(
      document: DocumentNode,
      variables: Record<string, unknown> | undefined,
      schema: GraphQLSchema,
      operationName?: string | null,
    ): GraphQLError[] {
      const errors = checkOperation(document, { schema, limits: config.limits, variables, operationName });
      if (errors[0]) metrics.rejected(String(errors[0].extensions.code));
      return errors;
    },
    /** Counts `operations` against the caller's per-minute budget. */
    consumeRateLimit(caller: Parameters<typeof rateLimitKey>[0], operations = 1): Promise<RateLimitDecision> {
      const limit = caller.client?.rateLimitPerMinute ?? config.rateLimitPerMinute;
      if (limit === 0) return Promise.resolve({ allowed: true, count: 0, retryAfterSeconds: 0 });
      return rateLimiter.consume(rateLimitKey(caller), limit, operations);
    },
  };
}
export type Protection = ReturnType<typeof createProtection>;
