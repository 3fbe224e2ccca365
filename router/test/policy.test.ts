import { createHash } from "node:crypto";
import { createLogger } from "@storefront/platform/logger";
import { testEnv } from "@storefront/testkit";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { RouterClient } from "../src/clients";
import { createClientRegistry } from "../src/clients";
import { MemoryKeyValueCache, RedisKeyValueCache } from "../src/persisted/apq-cache";
import { parseManifest, type ConfigFileError, type PersistedManifest } from "../src/persisted/manifest";
import { resolvePersistedOperation, withManifestText } from "../src/persisted/resolve";
import { memoryRateLimiter, rateLimitKey, redisRateLimiter } from "../src/protection/rate-limit";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const body = "query Categories {\n  categories {\n    id\n  }\n}";
const manifest: PersistedManifest = parseManifest(
  "test",
  "test.json",
  JSON.stringify({
    format: "apollo-persisted-query-manifest",
    version: 1,
    operations: [{ id: sha256(body), name: "Categories", type: "query", body }],
  }),
);
const client = (safelisted: boolean, withManifest = true): RouterClient => ({
  name: safelisted ? "partner" : "app",
  apiKeySha256: sha256("key"),
  safelisted,
  manifest: withManifest ? manifest : undefined,
  rateLimitPerMinute: undefined,
  costBudget: undefined,
  public: false,
});
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
  return "none";
};

describe("rate-limit budgets", () => {
  const viewer = { userId: "u1", role: "CUSTOMER" as const, expiresAt: 0, sessionId: undefined };
  it("count per client for a private key, per caller for a public (app) key", () => {
    expect(rateLimitKey({ client: client(true), viewer, clientIp: "10.0.0.1" })).toBe("client:partner");
    const app = { ...client(true), public: true };
    expect(rateLimitKey({ client: app, viewer, clientIp: "10.0.0.1" })).toBe("user:u1");
    expect(rateLimitKey({ client: app, viewer: undefined, clientIp: "10.0.0.1" })).toBe("ip:10.0.0.1");
  });
});

describe("persisted operation policy", () => {
  const partner = client(true);

  it("a safelisted client runs its manifest by documentId or hash, and nothing else", () => {
    expect(resolvePersistedOperation({ documentId: sha256(body) }, partner)).toMatchObject({
      kind: "manifest",
    });
    expect(resolvePersistedOperation({ documentId: `sha256:${sha256(body)}` }, partner)).toMatchObject({
      kind: "manifest",
    });
    expect(resolvePersistedOperation({ extensions: apq(sha256(body)) }, partner)).toMatchObject({
      kind: "manifest",
    });
    expect(codeOf(() => resolvePersistedOperation({ query: "{ me { id } }" }, partner))).toBe(
      "PERSISTED_QUERY_REQUIRED",
    );
    expect(
      codeOf(() => resolvePersistedOperation({ query: body, extensions: apq(sha256(body)) }, partner)),
    ).toBe("PERSISTED_QUERY_REQUIRED");
    expect(codeOf(() => resolvePersistedOperation({}, partner))).toBe("PERSISTED_QUERY_REQUIRED");
    expect(codeOf(() => resolvePersistedOperation({ documentId: "abc" }, partner))).toBe(
      "OPERATION_NOT_IN_MANIFEST",
    );
    expect(codeOf(() => resolvePersistedOperation({ extensions: apq("abc") }, partner))).toBe(
      "OPERATION_NOT_IN_MANIFEST",
    );
    expect(codeOf(() => resolvePersistedOperation({ documentId: sha256(body), query: body }, partner))).toBe(
      "BAD_REQUEST",
    );
  });

  it("first-party clients may send text and APQ; a known manifest hash is served from the manifest", () => {
    for (const caller of [undefined, client(false, false), client(false)]) {
      expect(resolvePersistedOperation({ query: "{ me { id } }" }, caller)).toEqual({ kind: "passthrough" });
      expect(resolvePersistedOperation({ extensions: apq("f".repeat(64)) }, caller)).toEqual({
        kind: "passthrough",
      });
      expect(
        resolvePersistedOperation(
          { query: "{ me { id } }", extensions: apq(sha256("{ me { id } }")) },
          caller,
        ),
      ).toEqual({ kind: "passthrough" });
      expect(
        codeOf(() => resolvePersistedOperation({ query: "{ me { id } }", extensions: apq("0") }, caller)),
      ).toBe("BAD_REQUEST");
    }
    expect(resolvePersistedOperation({ extensions: apq(sha256(body)) }, client(false))).toMatchObject({
      kind: "manifest",
    });
    expect(codeOf(() => resolvePersistedOperation({ documentId: sha256(body) }, undefined))).toBe(
      "OPERATION_NOT_IN_MANIFEST",
    );
  });

  it("replaces the id or hash with the operation's text and keeps the rest", () => {
    const operation = manifest.operations.get(sha256(body))!;
    expect(
      withManifestText(
        { documentId: operation.id, variables: { a: 1 }, extensions: { ...apq(operation.id), trace: true } },
        operation,
      ),
    ).toEqual({ query: body, variables: { a: 1 }, extensions: { trace: true } });
    expect(withManifestText({ extensions: apq(operation.id) }, operation)).toEqual({ query: body });
  });
});

describe("manifests", () => {
  it("must be the Apollo format with ids that are the SHA-256 of bodies that parse", () => {
    const problems = (text: string) => {
      try {
        parseManifest("m", "m.json", text);
        return [];
      } catch (error) {
        return (error as ConfigFileError).problems;
      }
    };
    expect(problems("{")).toEqual(["m.json: not valid JSON"]);
    expect(problems(JSON.stringify({ format: "other", version: 1, operations: [] }))[0]).toMatch(
      /m\.json: format/,
    );
    const broken = "query Broken {";
    expect(
      problems(
        JSON.stringify({
          format: "apollo-persisted-query-manifest",
          version: 1,
          operations: [
            { id: "0".repeat(64), name: "Categories", type: "query", body },
            { id: sha256(broken), name: "Broken", type: "query", body: broken },
          ],
        }),
      ),
    ).toEqual([
      `m.json: Categories: id must be the SHA-256 of its body (${sha256(body)})`,
      expect.stringMatching(/^m\.json: Broken: Syntax Error/) as unknown as string,
    ]);
  });
});

describe("API keys", () => {
  it("are matched by their SHA-256, never stored", () => {
    const registry = createClientRegistry([
      client(true),
      { ...client(false), apiKeySha256: sha256("other") },
    ]);
    expect(registry.identify("key")?.name).toBe("partner");
    expect(registry.identify("other")?.name).toBe("app");
    expect(registry.identify("KEY")).toBeUndefined();
    expect(registry.identify(sha256("key"))).toBeUndefined();
  });
});

describe("rate limiter and APQ cache building blocks", () => {
  const redis = new Redis(testEnv.redisUrl);
  afterAll(async () => {
    await redis.quit();
  });
  const log = createLogger({ service: "test", level: "silent" });

  it("a window counts operations and tells how long until it ends, in memory and in Redis", async () => {
    const prefix = `test:policy:${Date.now()}:${Math.random()}:`;
    for (const limiter of [memoryRateLimiter(2_000), redisRateLimiter(redis, prefix, log, 2_000)]) {
      expect(await limiter.consume("k", 3, 2)).toMatchObject({ allowed: true, count: 2 });
      expect(await limiter.consume("k", 3)).toMatchObject({ allowed: true, count: 3 });
      const refused = await limiter.consume("k", 3);
      expect(refused).toMatchObject({ allowed: false, count: 4 });
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(2);
      expect(await limiter.consume("other", 3)).toMatchObject({ allowed: true, count: 1 });
    }
  });

  it("lets requests through when Redis is unreachable", async () => {
    const gone = new Redis("redis://127.0.0.1:9", {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    gone.on("error", () => {});
    expect(await redisRateLimiter(gone, "x:", log).consume("k", 1)).toMatchObject({ allowed: true });
    const cache = new RedisKeyValueCache(gone, "x:", log, 60);
    expect(await cache.get("h")).toBeUndefined();
    await expect(cache.set("h", "q")).resolves.toBeUndefined();
    gone.disconnect();
  });

  it("the memory APQ cache expires entries and drops the least recently used", async () => {
    const cache = new MemoryKeyValueCache(2, 60);
    await cache.set("a", "1");
    await cache.set("b", "2");
    expect(await cache.get("a")).toBe("1");
    await cache.set("c", "3");
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBe("1");
    await cache.set("d", "4", { ttl: 0.001 });
    await new Promise((r) => setTimeout(r, 10));
    expect(await cache.get("d")).toBeUndefined();
  });
});
