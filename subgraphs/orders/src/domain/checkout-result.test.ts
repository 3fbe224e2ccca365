import { describe, expect, it } from "vitest";
import type { OrderRow } from "../db/schema";
import { outcomeOf, paymentRefusal } from "./checkout-result";

const order = (overrides: Partial<OrderRow>): OrderRow => ({
  id: "00000000-0000-4000-8000-000000000001",
  userId: "00000000-0000-4000-8000-000000000002",
  idempotencyKey: "key-12345678",
  status: "PENDING",
  sequence: 1,
  currency: "EUR",
  subtotal: 1000,
  shippingTotal: 0,
  total: 1000,
  shippingAddress: {
    fullName: "Ada Lovelace",
    line1: "1 Road",
    line2: null,
    city: "Town",
    region: null,
    postalCode: "1000",
    country: "BE",
    phone: null,
  },
  shippingOptionId: "standard",
  cartId: null,
  paymentId: null,
  failureCode: null,
  failureMessage: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...overrides,
});

describe("paymentRefusal", () => {
  it("maps the payments service's failure codes to checkout codes", () => {
    expect(paymentRefusal("DECLINED")[0]).toBe("PAYMENT_DECLINED");
    expect(paymentRefusal("INSUFFICIENT_FUNDS")[0]).toBe("INSUFFICIENT_FUNDS");
    expect(paymentRefusal("PROCESSING_ERROR")[0]).toBe("PAYMENT_ERROR");
  });

  it("treats a failure code it does not know as a processing error", () => {
    expect(paymentRefusal("SOMETHING_NEW")).toEqual(paymentRefusal("PROCESSING_ERROR"));
  });
});

describe("outcomeOf (a replay with the same idempotency key)", () => {
  it("answers with the order itself while it is in progress or went through", () => {
    for (const status of ["PENDING", "PAYMENT_PENDING", "PAID", "SHIPPED", "DELIVERED"] as const) {
      const stored = order({ status });
      expect(outcomeOf(stored), status).toBe(stored);
    }
  });

  it("answers a failed payment with its code and the message the customer was given", () => {
    const stored = order({ status: "PAYMENT_FAILED", failureCode: "DECLINED", failureMessage: "Declined!" });
    expect(outcomeOf(stored)).toMatchObject({
      __typename: "CheckoutError",
      code: "PAYMENT_DECLINED",
      message: "Declined!",
      order: stored,
    });
  });

  it("answers an order cancelled for missing stock with OUT_OF_STOCK", () => {
    const stored = order({ status: "CANCELLED", failureCode: "OUT_OF_STOCK", failureMessage: "Sold out." });
    expect(outcomeOf(stored)).toMatchObject({ code: "OUT_OF_STOCK", message: "Sold out." });
  });

  it("answers any other cancellation as a payment error, with a default message when none was stored", () => {
    expect(outcomeOf(order({ status: "CANCELLED" }))).toMatchObject({
      code: "PAYMENT_ERROR",
      message: "The order did not go through.",
    });
    expect(
      outcomeOf(order({ status: "CANCELLED", failureCode: "ABANDONED", failureMessage: "Gone." })),
    ).toMatchObject({
      code: "PAYMENT_ERROR",
      message: "Gone.",
    });
  });
});
