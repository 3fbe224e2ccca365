import type { Logger } from "@storefront/platform/logger";
import type { Redis } from "ioredis";

/** Apollo's `KeyValueCache<string>` (structurally): what `persistedQueries.cache` takes. */
export interface StringCache {
  get(key: string): Promise<string | undefined>;
  /** `ttl` in seconds; `null` or `0` keeps the entry until evicted. */
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * APQ entries in Redis, shared by every router replica: a query registered on one is a hit on
 * all. A Redis failure reads as a miss and a write that did not happen (logged), so the client
 * simply sends the full query again instead of getting an error.
 */
export class RedisKeyValueCache implements StringCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
    private readonly defaultTtlSeconds?: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (error) {
      this.log.warn({ err: error }, "APQ cache read failed; treating it as a miss");
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl === undefined ? this.defaultTtlSeconds : options.ttl;
    try {
      if (ttl) await this.redis.set(this.prefix + key, value, "EX", ttl);
      else await this.redis.set(this.prefix + key, value);
    } catch (error) {
      this.log.warn({ err: error }, "APQ cache write failed");
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch (error) {
      this.log.warn({ err: error }, "APQ cache delete failed");
      return false;
    }
  }
}

/** APQ entries in this process, least recently used dropped first, each with its own expiry. */
export class MemoryKeyValueCache implements StringCache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly defaultTtlSeconds?: number,
  ) {}

  get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve(undefined);
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now()) return Promise.resolve(undefined);
    this.entries.set(key, entry);
    return Promise.resolve(entry.value);
  }

  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl === undefined ? this.defaultTtlSeconds : options.ttl;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: ttl ? Date.now() + ttl * 1000 : Infinity });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.entries.delete(key));
  }
}
