import { type Logger } from "@storefront/platform/logger";
import { ErrorCode } from "@storefront/platform/errors";
import { GraphQLError } from "graphql";
import type { Redis } from "ioredis";

/** A client's cost budget (clients file `costBudget`): a bucket of points that refills. */
export interface CostBudget {
  maximumAvailable: number;
  restoreRatePerSecond: number;
}

/** The bucket as a client sees it, in Shopify's Admin API terms. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostBudgetDecision {
  allowed: boolean;
  /** Undefined when the store could not be asked (the operation was let through). */
  status: ThrottleStatus | undefined;
  /** Seconds until the bucket holds the cost asked for. */
  retryAfterSeconds: number;
}

/**
 * Token buckets: each operation's estimated cost is taken from its caller's bucket, which refills
 * at `restoreRatePerSecond` up to `maximumAvailable`; an operation that would overdraw takes nothing.
 */
export interface CostBudgets {
  take(key: string, budget: CostBudget, cost: number): Promise<CostBudgetDecision>;
}

function decide(budget: CostBudget, cost: number, available: number, allowed: boolean): CostBudgetDecision {
  return {
    allowed,
    status: {
      maximumAvailable: budget.maximumAvailable,
      currentlyAvailable: Math.floor(available),
      restoreRate: budget.restoreRatePerSecond,
    },
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((cost - available) / budget.restoreRatePerSecond)),
  };
}

function refilled(budget: CostBudget, available: number, elapsedMs: number): number {
  return Math.min(budget.maximumAvailable, available + (elapsedMs * budget.restoreRatePerSecond) / 1000);
}

/** Buckets in this process: right for one replica, and for development. */
export function memoryCostBudgets(): CostBudgets {
  const buckets = new Map<string, { available: number; at: number }>();
  return {
    take(key, budget, cost) {
      const now = Date.now();
      const bucket = buckets.get(key);
      let available = bucket ? refilled(budget, bucket.available, now - bucket.at) : budget.maximumAvailable;
      const allowed = cost <= available;
      if (allowed) available -= cost;
      // A full bucket is the same as none: forgetting it keeps the map to clients that spent lately.
      if (available >= budget.maximumAvailable) buckets.delete(key);
      else buckets.set(key, { available, at: now });
      return Promise.resolve(decide(budget, cost, available, allowed));
    },
  };
}

/**
 * Refill and take in one atomic step, on Redis's clock so replicas with skewed clocks agree; the
 * bucket expires once it would be full again.
 */
const TAKE_SCRIPT = `
local maximum = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = tonumber(state[1])
local at = tonumber(state[2])
if available == nil or at == nil then
  available = maximum
  at = now
end
available = math.min(maximum, available + (now - at) * rate / 1000)
local allowed = 0
if cost <= available then
  available = available - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((maximum - available) / rate * 1000) + 1000)
return {allowed, tostring(available)}
`;

/**
 * Buckets in Redis shared by every router replica (the rate limiter's mechanism). If Redis fails
 * the operation is let through (logged): an outage of the limiter must not become one of the shop.
 */
export function redisCostBudgets(redis: Redis, prefix: string, log: Logger): CostBudgets {
  return {
    async take(key, budget, cost) {
      try {
        const [allowed, available] = (await redis.eval(
          TAKE_SCRIPT,
          1,
          `${prefix}costbudget:${key}`,
          budget.maximumAvailable,
          budget.restoreRatePerSecond,
          cost,
        )) as [number, string];
        return decide(budget, cost, Number(available), allowed === 1);
      } catch (error) {
        log.warn({ err: error }, "cost budget store unavailable; letting the operation through");
        return { allowed: true, status: undefined, retryAfterSeconds: 0 };
      }
    },
  };
}

/** What `extensions.cost` holds. */
export interface CostReport {
  requestedQueryCost: number;
  maximumQueryCost: number;
  throttleStatus?: ThrottleStatus;
}

/** The 429 answer for an overdrawn budget: RATE_LIMITED with `Retry-After` and the bucket's state. */
export function throttledError(report: CostReport, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Throttled: this operation costs ${report.requestedQueryCost} and ${report.throttleStatus?.currentlyAvailable ?? 0} of your cost budget is available. Try again in ${retryAfterSeconds} seconds.`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds,
        cost: report,
        http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
      },
    },
  );
}
