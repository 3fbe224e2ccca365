import { describe, expect, it } from "vitest";
import { EnvError } from "@storefront/platform/env";
import { paymentsConfigFrom } from "./env";

describe("payments configuration", () => {
  it("has defaults for everything but the database and the service credential", () => {
    expect(paymentsConfigFrom({})).toEqual({
      port: 4005,
      metricsPort: 9095,
      databaseUrl: undefined,
      dataDir: ".data",
      logLevel: "info",
      jwksUrl: "http://localhost:4001/.well-known/jwks.json",
      jwksCacheSeconds: 600,
      serviceToken: undefined,
      idempotencyKeyTtlHours: 24,
      idempotencyKeySweepSeconds: 900,
    });
  });

  it("reads every variable", () => {
    expect(
      paymentsConfigFrom({
        PAYMENTS_PORT: "5005",
        PAYMENTS_METRICS_PORT: "9105",
        PAYMENTS_DATABASE_URL: "postgres://db/payments",
        DATA_DIR: "/var/data",
        LOG_LEVEL: "debug",
        JWKS_URL: "http://users:4001/.well-known/jwks.json",
        SERVICE_TOKEN: "a-long-enough-service-token-123",
        IDEMPOTENCY_KEY_TTL_HOURS: "72",
        JWKS_CACHE_SECONDS: "120",
        IDEMPOTENCY_KEY_SWEEP_SECONDS: "60",
      }),
    ).toEqual({
      port: 5005,
      metricsPort: 9105,
      databaseUrl: "postgres://db/payments",
      dataDir: "/var/data",
      logLevel: "debug",
      jwksUrl: "http://users:4001/.well-known/jwks.json",
      jwksCacheSeconds: 120,
      serviceToken: "a-long-enough-service-token-123",
      idempotencyKeyTtlHours: 72,
      idempotencyKeySweepSeconds: 60,
    });
  });

  it("refuses a key TTL under 24 hours, naming the variable", () => {
    for (const value of ["23", "0", "-5", "1.5", "soon"]) {
      expect(() => paymentsConfigFrom({ IDEMPOTENCY_KEY_TTL_HOURS: value })).toThrow(EnvError);
    }
    expect(() => paymentsConfigFrom({ IDEMPOTENCY_KEY_TTL_HOURS: "12" })).toThrow(
      /IDEMPOTENCY_KEY_TTL_HOURS: must be at least 24/,
    );
  });

  it("reports every bad variable at once", () => {
    try {
      paymentsConfigFrom({
        PAYMENTS_PORT: "http",
        PAYMENTS_DATABASE_URL: "mysql://x",
        SERVICE_TOKEN: "short",
      });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).problems.map((p) => p.split(":")[0])).toEqual([
        "PAYMENTS_PORT",
        "PAYMENTS_DATABASE_URL",
        "SERVICE_TOKEN",
      ]);
    }
  });
});
