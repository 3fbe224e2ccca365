import { mkdtempSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routerContext } from "../src/context";
import { EnvError } from "@storefront/platform/env";
import { applyGatewayTelemetry, parseSubgraphUrls, routerConfigFrom } from "../src/env";
import { createClientRegistry } from "../src/clients";

describe("router configuration", () => {
  it("parses subgraph URL overrides and defaults", () => {
    const config = routerConfigFrom({
      SUBGRAPH_URLS: "users=http://users:4001/graphql, orders=http://orders:4004/graphql",
    });
    expect(config.subgraphUrls).toEqual({
      users: "http://users:4001/graphql",
      orders: "http://orders:4004/graphql",
    });
    expect(config.port).toBe(4000);
    expect(config.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
    expect(config.production).toBe(false);
    expect(parseSubgraphUrls(undefined)).toEqual({});
  });

  it("keeps @apollo/gateway from reporting to Apollo unless the operator opts in", () => {
    expect(routerConfigFrom({}).apolloTelemetry).toBe(false);
    expect(routerConfigFrom({ APOLLO_TELEMETRY: "true" }).apolloTelemetry).toBe(true);
    try {
      applyGatewayTelemetry(true);
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBeUndefined();
      applyGatewayTelemetry(false);
      // What the gateway's constructor reads to skip its exporter and cloud-metadata probes.
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe("true");
    } finally {
      applyGatewayTelemetry(false);
    }
  });

  it("names every bad variable", () => {
    const bad = {
      SUBGRAPH_URLS: "users",
      JWKS_URL: "nope",
      NODE_ENV: "staging",
      REDIS_URL: "localhost:6379",
      MAX_DEPTH: "0",
      MAX_COST: "lots",
      RATE_LIMIT_PER_MINUTE: "-1",
      CORS_ORIGINS: "localhost:3000",
    };
    expect(() => routerConfigFrom(bad)).toThrow(EnvError);
    try {
      routerConfigFrom(bad);
    } catch (error) {
      expect((error as EnvError).problems.map((p) => p.split(":")[0])).toEqual([
        "SUBGRAPH_URLS",
        "JWKS_URL",
        "NODE_ENV",
        "REDIS_URL",
        "MAX_DEPTH",
        "MAX_COST",
        "RATE_LIMIT_PER_MINUTE",
        "CORS_ORIGINS",
      ]);
    }
  });

  it("has protective defaults, and parses the limits", () => {
    const config = routerConfigFrom({ CORS_ORIGINS: "https://shop.example.com, http://localhost:3000" });
    expect(config.limits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxRootFields: 20,
      maxTokens: 2000,
      maxDirectives: 20,
      maxCost: 10_000,
      listSize: 10,
    });
    expect(config).toMatchObject({
      maxBatchSize: 10,
      operationTimeoutMs: 15_000,
      rateLimitPerMinute: 600,
      redisUrl: undefined,
      apqTtlSeconds: 86_400,
      corsOrigins: ["https://shop.example.com", "http://localhost:3000"],
    });
    expect(routerConfigFrom({}).corsOrigins).toEqual(["http://localhost:3000"]);
  });

  it("loads the dev clients in development only", () => {
    const dev = routerConfigFrom({});
    expect(dev.clients.map((c) => [c.name, c.safelisted, c.manifest?.name])).toEqual([
      ["partner-example", true, "partner-example"],
      ["mobile-app-dev", false, undefined],
    ]);
    expect(createClientRegistry(dev.clients).identify("dev-only-partner-example-key")?.name).toBe(
      "partner-example",
    );
    expect(routerConfigFrom({ NODE_ENV: "production" }).clients).toEqual([]);
  });

  it("names every problem of a clients file under CLIENTS_FILE", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clients-"));
    const file = path.join(dir, "clients.json");
    writeFileSync(
      file,
      JSON.stringify({
        clients: [
          { name: "a", apiKeySha256: "not-a-hash", safelisted: true },
          { name: "b", apiKeySha256: "a".repeat(64), safelisted: false, manifest: "missing" },
        ],
      }),
    );
    try {
      routerConfigFrom({ CLIENTS_FILE: file });
      expect.unreachable();
    } catch (error) {
      const problems = (error as EnvError).problems;
      expect(problems.every((p) => p.startsWith("CLIENTS_FILE: "))).toBe(true);
      expect(problems.join("\n")).toMatch(/clients\.0\.apiKeySha256/);
      expect(problems.join("\n")).toMatch(/clients\.0\.manifest: a safelisted client needs a manifest/);
    }
    writeFileSync(
      file,
      JSON.stringify({
        clients: [{ name: "b", apiKeySha256: "a".repeat(64), safelisted: false, manifest: "missing" }],
      }),
    );
    expect(() => routerConfigFrom({ CLIENTS_FILE: file })).toThrow(
      /CLIENTS_FILE: .*missing\.json: no such manifest/,
    );
    // Reported together with the other variables' problems.
    try {
      routerConfigFrom({ CLIENTS_FILE: file, MAX_DEPTH: "deep" });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).problems.map((p) => p.split(":")[0])).toEqual(["MAX_DEPTH", "CLIENTS_FILE"]);
    }
  });
});

describe("router request context", () => {
  const request = (headers: Record<string, string>) =>
    ({ headers, socket: { remoteAddress: "127.0.0.9" } }) as unknown as IncomingMessage;
  const scope = { requestId: "r1", sqlStatements: 0 };
  const verify = () =>
    Promise.resolve({ userId: "u1", role: "CUSTOMER" as const, expiresAt: 0, sessionId: undefined });

  it("takes the client address from the socket unless the proxy is trusted", async () => {
    const forwarded = request({ "x-forwarded-for": "198.51.100.7" });
    expect((await routerContext(forwarded, scope, verify, false)).clientIp).toBe("127.0.0.9");
    expect((await routerContext(forwarded, scope, verify, true)).clientIp).toBe("198.51.100.7");
  });

  it("behind the trusted proxy, takes the address the proxy appended, not one the client wrote", async () => {
    // nginx/ingress append the address they saw ($proxy_add_x_forwarded_for) to the client's header.
    const spoofed = request({ "x-forwarded-for": "10.0.0.1, 203.0.113.9 , 198.51.100.7" });
    expect((await routerContext(spoofed, scope, verify, true)).clientIp).toBe("198.51.100.7");
    expect((await routerContext(spoofed, scope, verify, false)).clientIp).toBe("127.0.0.9");
    // A header without an entry falls back to the socket's address.
    expect((await routerContext(request({ "x-forwarded-for": " , " }), scope, verify, true)).clientIp).toBe(
      "127.0.0.9",
    );
  });

  it("passes a well-formed guest cart token through and drops anything else", async () => {
    const token = "c".repeat(32);
    expect((await routerContext(request({ "x-cart-token": token }), scope, verify, false)).cartToken).toBe(
      token,
    );
    expect(
      (await routerContext(request({ "x-cart-token": "bad token!" }), scope, verify, false)).cartToken,
    ).toBeUndefined();
  });

  it("identifies an API-key client and refuses an unknown key with 401 INVALID_API_KEY", async () => {
    const registry = createClientRegistry(routerConfigFrom({}).clients);
    const partner = await routerContext(
      request({ "x-api-key": "dev-only-partner-example-key" }),
      scope,
      verify,
      false,
      registry,
    );
    expect(partner.client?.name).toBe("partner-example");
    expect((await routerContext(request({}), scope, verify, false, registry)).client).toBeUndefined();
    await expect(
      routerContext(request({ "x-api-key": "guess" }), scope, verify, false, registry),
    ).rejects.toMatchObject({ extensions: { code: "INVALID_API_KEY", http: { status: 401 } } });
  });

  it("verifies a bearer token and refuses a malformed Authorization header", async () => {
    const context = await routerContext(request({ authorization: "Bearer abc" }), scope, verify, false);
    expect(context).toMatchObject({ authorization: "Bearer abc", viewer: { userId: "u1" } });
    await expect(
      routerContext(request({ authorization: "Basic abc" }), scope, verify, false),
    ).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
