import { describe, expect, it } from "vitest";
import { EnvError } from "@storefront/platform/env";
import { shippingConfigFrom } from "./env";

describe("shipping configuration", () => {
  it("has working defaults", () => {
    expect(shippingConfigFrom({})).toMatchObject({
      port: 4006,
      metricsPort: 9096,
      databaseUrl: undefined,
      jwksUrl: "http://localhost:4001/.well-known/jwks.json",
      amqpUrl: undefined,
      shop: { country: "US", currency: "USD" },
      simulatedCarrier: { enabled: false, stepSeconds: 20 },
    });
  });

  it("reads the shop and the simulated carrier", () => {
    const config = shippingConfigFrom({
      SHOP_COUNTRY: "DE",
      SHOP_CURRENCY: "EUR",
      SIMULATED_CARRIER: "true",
      SIMULATED_CARRIER_STEP_SECONDS: "5",
      AMQP_URL: "amqp://guest:guest@rabbit:5672",
    });
    expect(config).toMatchObject({
      shop: { country: "DE", currency: "EUR" },
      simulatedCarrier: { enabled: true, stepSeconds: 5 },
      amqpUrl: "amqp://guest:guest@rabbit:5672",
    });
  });

  it("names every bad variable at once", () => {
    let error: unknown;
    try {
      shippingConfigFrom({
        SHOP_COUNTRY: "XX",
        SHOP_CURRENCY: "usd",
        SIMULATED_CARRIER: "yes",
        SIMULATED_CARRIER_STEP_SECONDS: "0",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems.join("\n");
    for (const name of [
      "SHOP_COUNTRY",
      "SHOP_CURRENCY",
      "SIMULATED_CARRIER",
      "SIMULATED_CARRIER_STEP_SECONDS",
    ])
      expect(problems).toContain(name);
  });
});
