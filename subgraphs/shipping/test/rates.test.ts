import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeInternal, testEnv } from "@storefront/testkit";
import {
  ShippingOptionsDocument,
  ShippingQuoteDocument,
  type ShippingAddressInput,
} from "./generated/shipping";
import { startStack, US_ADDRESS, type Stack } from "./stack";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ observeEvents: false });
});
afterAll(async () => {
  await stack?.stop();
});

const optionsFor = async (address: ShippingAddressInput) =>
  (await stack.executeOk(ShippingOptionsDocument, { address })).shippingOptions;

const quote = (id: string, address: ShippingAddressInput) =>
  executeInternal(stack.shipping.url, ShippingQuoteDocument, {
    variables: { id, address },
    serviceToken: testEnv.serviceToken,
  });

describe("shipping options", () => {
  it("offers domestic services cheapest first, priced in the shop's currency", async () => {
    const options = await optionsFor({ country: "US", postalCode: "94103" });
    expect(options.map((o) => [o.id, o.price.amount])).toEqual([
      ["ups-ground", 795],
      ["fedex-ground", 849],
      ["ups-express", 2495],
      ["fedex-priority", 2795],
    ]);
    expect(options.every((o) => o.zone === "DOMESTIC" && o.price.currency === "USD")).toBe(true);
    expect(options[0]).toMatchObject({
      carrier: "UPS",
      service: "Ground",
      speed: "STANDARD",
      estimatedDeliveryDays: { min: 3, max: 5 },
    });
    const today = new Date().toISOString().slice(0, 10);
    for (const option of options) {
      const { earliest, latest } = option.estimatedDeliveryDate;
      expect(earliest > today).toBe(true);
      expect(latest >= earliest).toBe(true);
      expect(earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("prices a neighbouring country as regional and anywhere else as international", async () => {
    const regional = await optionsFor({ country: "ca", postalCode: "K1A 0B1" });
    expect(regional.map((o) => [o.id, o.price.amount])).toEqual([
      ["dhl-economy", 1595],
      ["ups-ground", 1895],
      ["dhl-express", 3895],
      ["ups-express", 3995],
      ["fedex-priority", 4295],
    ]);
    expect(new Set(regional.map((o) => o.zone))).toEqual(new Set(["REGIONAL"]));

    const international = await optionsFor({ country: "JP" });
    expect(international.map((o) => [o.id, o.price.amount, o.zone])).toEqual([
      ["dhl-economy", 2995, "INTERNATIONAL"],
      ["dhl-express", 5995, "INTERNATIONAL"],
      ["ups-express", 6995, "INTERNATIONAL"],
      ["fedex-priority", 7495, "INTERNATIONAL"],
    ]);
  });

  it("is the same answer every time for the same address", async () => {
    const address = { ...US_ADDRESS, country: "DE", postalCode: "10115" };
    expect(await optionsFor(address)).toEqual(await optionsFor(address));
  });

  it("refuses an address it cannot price, naming the field", async () => {
    const cases: [ShippingAddressInput, string][] = [
      [{ country: "XX" }, "address.country"],
      [{ country: "USA" }, "address.country"],
      [{ country: "EU" }, "address.country"],
      [{ country: "US", postalCode: "ABCDE" }, "address.postalCode"],
      [{ country: "GB", postalCode: "12345" }, "address.postalCode"],
      [{ country: "FR", postalCode: "75001!" }, "address.postalCode"],
      [{ country: "US", city: "x".repeat(101) }, "address.city"],
      [{ country: "DE", postalCode: "1011" }, "address.postalCode"],
      [{ country: "US", phone: "call me maybe" }, "address.phone"],
      [{ country: "US", city: "Arlington\u0000" }, "address.city"],
      [{ country: "US", line1: "\udc00 Compiler Road" }, "address.line1"],
    ];
    for (const [address, field] of cases) {
      const { data, errors } = await stack.execute(ShippingOptionsDocument, { address });
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});

describe("shipping quote (internal)", () => {
  it("prices one option to the address orders sends at checkout", async () => {
    const { data, errors } = await quote("ups-ground", US_ADDRESS);
    expect(errors).toBeUndefined();
    expect(data!.shippingQuote).toMatchObject({ id: "ups-ground", price: { amount: 795, currency: "USD" } });
    const express = await quote("dhl-express", { ...US_ADDRESS, country: "MX", postalCode: "06600" });
    expect(express.data!.shippingQuote).toMatchObject({ zone: "REGIONAL", price: { amount: 3895 } });
  });

  it("is null for an unknown option or one that does not go to the address", async () => {
    expect((await quote("pigeon-post", US_ADDRESS)).data!.shippingQuote).toBeNull();
    expect(
      (await quote("fedex-ground", { ...US_ADDRESS, country: "JP", postalCode: null })).data!.shippingQuote,
    ).toBeNull();
  });

  it("still checks the address", async () => {
    const { errors } = await quote("ups-ground", { ...US_ADDRESS, country: "ZZ" });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "address.country" });
    for (const [address, field] of [
      [{ ...US_ADDRESS, phone: "call me maybe" }, "address.phone"],
      [{ ...US_ADDRESS, postalCode: "ABCDE" }, "address.postalCode"],
      [{ ...US_ADDRESS, fullName: "Grace\u0000Hopper" }, "address.fullName"],
    ] as const) {
      const refused = await quote("ups-ground", address);
      expect(refused.errors?.[0]?.extensions, field).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const dialable = await quote("ups-ground", { ...US_ADDRESS, phone: "(415) 555-2671" });
    expect(dialable.errors).toBeUndefined();
  });

  it("is refused to callers without the service credential", async () => {
    const customer = await stack.accounts.customer();
    const admin = await stack.accounts.admin();
    for (const token of [undefined, customer.token, admin.token]) {
      const { data, errors } = await stack.execute(
        ShippingQuoteDocument,
        { id: "ups-ground", address: US_ADDRESS },
        { token },
      );
      expect(data?.shippingQuote ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const wrong = await executeInternal(stack.shipping.url, ShippingQuoteDocument, {
      variables: { id: "ups-ground", address: US_ADDRESS },
      serviceToken: "not-the-service-token-at-all-000",
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
