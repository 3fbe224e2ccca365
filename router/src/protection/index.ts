import type { Logger } from "@storefront/platform/logger";
import { GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
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
import { NO_COST_DIRECTIVES, costDirectivesFromSdl, type CostDirectives } from "./cost-directives";
import { memoryCostBudgets, redisCostBudgets, throttledError, type CostReport } from "./cost-budget";
import { assessOperation } from "./limits";
import { createProtectionMetrics } from "./metrics";
import { memoryRateLimiter, rateLimitKey, redisRateLimiter, type RateLimitDecision } from "./rate-limit";
import { RouterErrorCode } from "../errors";

type Assessment = ReturnType<typeof assessOperation>;

/** Variables longer than this as JSON are not kept as a cache key. */
const MAX_KEYED_VARIABLES = 4_096;

function verdictKey(
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): string | undefined {
  let json = "";
  if (variables) {
    try {
      json = JSON.stringify(variables);
    } catch {
      return undefined;
    }
    if (json.length > MAX_KEYED_VARIABLES) return undefined;
  }
  return `${operationName ?? ""}\u0000${json}`;
}

/** How many variable sets of one document keep their assessment (an operation run with many ids). */
const ASSESSMENTS_PER_DOCUMENT = 32;

/**
 * The limits' verdict on an operation, kept per document (the admission stage's cached documents),
 * schema and cost directives (both replaced on a reload), operation name and variables: the
 * measure walks the whole document with the schema, and the same operations come again and again.
 */
function assessmentCache(limits: RouterConfig["limits"]) {
  const byDocument = new WeakMap<
    DocumentNode,
    { schema: GraphQLSchema; directives: CostDirectives; verdicts: Map<string, Assessment> }
  >();
  return {
    assess(
      document: DocumentNode,
      schema: GraphQLSchema,
      directives: CostDirectives,
      operationName: string | null | undefined,
      variables: Record<string, unknown> | undefined,
    ): Assessment {
      let entry = byDocument.get(document);
      if (!entry || entry.schema !== schema || entry.directives !== directives) {
        entry = { schema, directives, verdicts: new Map() };
        byDocument.set(document, entry);
      }
      const key = verdictKey(operationName, variables);
      // Variables that cannot be a key (nested past what JSON.stringify can walk) are measured
      // each time: the measure itself, then the variables stage, answers them.
      if (key === undefined)
        return assessOperation(document, { schema, limits, variables, operationName, directives });
      let verdict = entry.verdicts.get(key);
      if (!verdict) {
        verdict = assessOperation(document, { schema, limits, variables, operationName, directives });
        if (entry.verdicts.size >= ASSESSMENTS_PER_DOCUMENT) entry.verdicts.clear();
        entry.verdicts.set(key, verdict);
      }
      return verdict;
    },
  };
}

/**
 * The router's protective state and policies as plain functions (clients, rate limiter, cost
 * budgets, APQ store, cost directives): the admission stage (../admission) applies them to every
 * operation of either transport, and counts what they refuse.
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
  const costBudgets = deps.redis
    ? redisCostBudgets(deps.redis, config.redisKeyPrefix, deps.log)
    : memoryCostBudgets();
  // The `@cost`/`@listSize` of the supergraph being served, replaced whenever it is (re)loaded.
  let costDirectives: CostDirectives = NO_COST_DIRECTIVES;
  const assessments = assessmentCache(config.limits);
  const apqCache: StringCache = deps.redis
    ? new RedisKeyValueCache(deps.redis, config.redisKeyPrefix, deps.log, config.apqTtlSeconds)
    : new MemoryKeyValueCache(10_000, config.apqTtlSeconds);

  return {
    metrics,
    /** The operation limits (token limit, depth, aliases …) in force. */
    limits: config.limits,
    clients,
    rateLimiter,
    apqCache,
    /** Which operation a request runs for this client (manifest or pass-through); throws a refusal. */
    resolvePersisted(request: OperationRequest, client: RouterClient | undefined): PersistedResolution {
      return resolvePersistedOperation(request, client);
    },
    /** Reads the cost directives of a newly loaded supergraph; a bad one keeps the previous ones. */
    updateSupergraph(coreSupergraphSdl: string) {
      try {
        costDirectives = costDirectivesFromSdl(coreSupergraphSdl);
      } catch (error) {
        deps.log.error({ err: error }, "could not read the cost directives of the new supergraph");
      }
    },
    /**
     * The limits, then the caller's cost budget: every error the (validated) operation meets, none
     * when it may run, and its cost as `extensions.cost` reports it; `throttled` when the budget
     * refused it. An operation that breaks a limit takes nothing from the budget. Counting a
     * refusal is the caller's (the admission stage's).
     */
    async admitOperation(
      document: DocumentNode,
      variables: Record<string, unknown> | undefined,
      schema: GraphQLSchema,
      operationName: string | null | undefined,
      caller: Parameters<typeof rateLimitKey>[0],
    ): Promise<{ errors: GraphQLError[]; cost: CostReport | undefined; throttled: boolean }> {
      const { errors, cost } = assessments.assess(document, schema, costDirectives, operationName, variables);
      if (errors[0] || cost === undefined) return { errors, cost: undefined, throttled: false };
      const report: CostReport = { requestedQueryCost: cost, maximumQueryCost: config.limits.maxCost };
      const budget = caller.client?.costBudget;
      if (!budget) return { errors, cost: report, throttled: false };
      if (cost > budget.maximumAvailable) {
        // More than the bucket ever holds: waiting would not help, so no Retry-After.
        return {
          errors: [
            new GraphQLError(
              `The operation's estimated cost is ${cost}; your cost budget holds at most ${budget.maximumAvailable}. Ask for smaller pages.`,
              {
                extensions: {
                  code: RouterErrorCode.COST_LIMIT_EXCEEDED,
                  limit: budget.maximumAvailable,
                  actual: cost,
                },
              },
            ),
          ],
          cost: report,
          throttled: false,
        };
      }
      const decision = await costBudgets.take(rateLimitKey(caller), budget, cost);
      if (decision.status) report.throttleStatus = decision.status;
      if (decision.allowed) return { errors, cost: report, throttled: false };
      return { errors: [throttledError(report, decision.retryAfterSeconds)], cost: report, throttled: true };
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
