import { type Logger } from "@storefront/platform/logger";
import { ErrorCode } from "@storefront/platform/errors";
import { GraphQLError } from "graphql";
import type { Redis } from "ioredis";
import type { RouterContext } from "../context";

/**
 * Whose budget an operation counts against: the API key's client (unless its key is public, as an
 * app's is), else the user, else the address.
 */
export function rateLimitKey(caller: Pick<RouterContext, "client" | "viewer" | "clientIp">): string {
  if (caller.client && !caller.client.public) return `client:${caller.client.name}`;
  if (caller.viewer) return `user:${caller.viewer.userId}`;
  return `ip:${caller.clientIp ?? "unknown"}`;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Operations counted in the current window, this request included. */
  count: number;
  /** Seconds until the window ends (when a refused client may try again). */
  retryAfterSeconds: number;
}

/**
 * Fixed windows that start with a client's first operation: the first `consume` opens a window
 * of `windowMs`, every operation in it counts, and it ends on its own (a key that expires).
 */
export interface RateLimiter {
  consume(key: string, limit: number, operations?: number): Promise<RateLimitDecision>;
}

const decide = (count: number, limit: number, remainingMs: number): RateLimitDecision => ({
  allowed: count <= limit,
  count,
  retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)),
});

/** Counters in this process: right for one replica, and for development. */
export function memoryRateLimiter(windowMs = 60_000): RateLimiter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = Date.now() + windowMs;
  return {
    consume(key, limit, operations = 1) {
      const now = Date.now();
      if (now >= nextSweep) {
        for (const [k, w] of windows) if (w.endsAt <= now) windows.delete(k);
        nextSweep = now + windowMs;
      }
      let window = windows.get(key);
      if (!window || window.endsAt <= now) {
        window = { count: 0, endsAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += operations;
      return Promise.resolve(decide(window.count, limit, window.endsAt - now));
    },
  };
}

/** INCRBY and the window's expiry in one atomic step, so replicas never lose a count or a TTL. */
const CONSUME_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/**
 * Counters in Redis shared by every router replica. If Redis fails the request is let through
 * (logged): an outage of the limiter must not become an outage of the shop.
 */
export function redisRateLimiter(redis: Redis, prefix: string, log: Logger, windowMs = 60_000): RateLimiter {
  return {
    async consume(key, limit, operations = 1) {
      try {
        const [count, ttl] = (await redis.eval(
          CONSUME_SCRIPT,
          1,
          `${prefix}ratelimit:${key}`,
          windowMs,
          operations,
        )) as [number, number];
        return decide(count, limit, ttl);
      } catch (error) {
        log.warn({ err: error }, "rate limiter unavailable; letting the request through");
        return { allowed: true, count: 0, retryAfterSeconds: 0 };
      }
    },
  };
}

/** The 429 answer: `Retry-After` and a RATE_LIMITED error with `retryAfterSeconds`. */
export function rateLimitedError(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests. Try again in ${retryAfterSeconds} seconds.`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
    },
  });
}
