import { describe, expect, it } from "vitest";
import type { ShippingContext } from "../context";
import { addBusinessDays, CARRIER_SERVICES, priceIn, serviceForShipment, shippingOptions } from "./rates";
import { isCountryCode, zoneOf } from "./zones";

const shopIn = (country: string, currency: string) =>
  ({ config: { shop: { country, currency } } }) as unknown as ShippingContext;

describe("zones", () => {
  it("is relative to the shop's country", () => {
    expect(zoneOf("US", "US")).toBe("DOMESTIC");
    expect(zoneOf("MX", "US")).toBe("REGIONAL");
    expect(zoneOf("FR", "US")).toBe("INTERNATIONAL");
    expect(zoneOf("FR", "DE")).toBe("REGIONAL");
    expect(zoneOf("US", "DE")).toBe("INTERNATIONAL");
    // A country in no region is international from everywhere but itself.
    expect(zoneOf("KE", "KE")).toBe("DOMESTIC");
    expect(zoneOf("UG", "KE")).toBe("INTERNATIONAL");
  });

  it("knows assigned country codes only", () => {
    for (const code of ["US", "GB", "JP", "KE", "XK"]) expect(isCountryCode(code)).toBe(true);
    for (const code of ["XX", "ZZ", "EU", "UN", "us", "USA", ""]) expect(isCountryCode(code)).toBe(false);
  });
});

describe("rates", () => {
  it("scales the table to the currency's minor units", () => {
    expect(priceIn(795, "USD")).toBe(795);
    expect(priceIn(795, "JPY")).toBe(8);
    expect(priceIn(795, "BHD")).toBe(7950);
  });

  it("quotes a shop in Germany in euros, France being regional", () => {
    const options = shippingOptions(shopIn("DE", "EUR"), { country: "FR", postalCode: "75001" });
    expect(options.map((o) => o.id)).toEqual([
      "dhl-economy",
      "ups-ground",
      "dhl-express",
      "ups-express",
      "fedex-priority",
    ]);
    expect(options.every((o) => o.zone === "REGIONAL" && o.price.currency === "EUR")).toBe(true);
  });

  it("counts delivery days on working days only", () => {
    const friday = new Date("2026-01-02T15:00:00Z");
    expect(addBusinessDays(friday, 1).toISOString()).toBe("2026-01-05T15:00:00.000Z");
    expect(addBusinessDays(friday, 5).toISOString()).toBe("2026-01-09T15:00:00.000Z");
    const now = new Date("2026-01-02T15:00:00Z");
    const [ground] = shippingOptions(shopIn("US", "USD"), { country: "US" }, now);
    expect(ground!.estimatedDeliveryDate).toEqual({ earliest: "2026-01-07", latest: "2026-01-09" });
  });

  it("has a standard service for every zone, for the fallback of an unknown option", () => {
    for (const country of ["US", "CA", "JP"]) {
      const { service, fallback } = serviceForShipment("gone", country, { country: "US", currency: "USD" });
      expect(fallback).toBe(true);
      expect(service.speed).toBe("STANDARD");
    }
    const ids = CARRIER_SERVICES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("honours a chosen option even to a zone it is no longer sold for", () => {
    const { service, days, fallback } = serviceForShipment("fedex-ground", "JP", {
      country: "US",
      currency: "USD",
    });
    expect([service.id, fallback]).toEqual(["fedex-ground", false]);
    expect(days.max).toBeGreaterThan(0);
  });
});
