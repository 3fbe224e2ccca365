import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@storefront/testkit";
import { schema } from "../src/db";
import { ChargeDocument, PaymentForOrderDocument } from "./generated/payments";
import { CARDS, asService, card, chargeInput, startStack, type ChargeInput, type Stack } from "./stack";

let h: Stack;
beforeAll(async () => {
  h = await startStack();
});
afterAll(async () => {
  await h?.stop();
});

const storedPayment = async (id: string) => {
  const [row] = await h.db.select().from(schema.payments).where(eq(schema.payments.id, id));
  return row!;
};

describe("chargePayment: test cards", () => {
  it("charges a success card: SUCCEEDED, brand and last four, nothing refunded", async () => {
    const { input, payment } = await h.charged({ amount: 1999, currency: "EUR" });
    expect(payment).toMatchObject({
      status: "SUCCEEDED",
      amount: { amount: 1999, currency: "EUR" },
      refundedAmount: { amount: 0, currency: "EUR" },
      cardBrand: "VISA",
      cardLast4: "4242",
      failureCode: null,
      failureMessage: null,
      refunds: [],
    });
    expect(Date.parse(payment.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const row = await storedPayment(payment.id);
    expect(row).toMatchObject({ orderId: input.orderId, userId: input.userId, status: "SUCCEEDED" });
    expect(row.providerReference).toMatch(/^ch_test_/);
  });

  it("charges the other networks' success cards", async () => {
    for (const [number, brand, last4] of [
      [CARDS.mastercard, "MASTERCARD", "4444"],
      [CARDS.amex, "AMEX", "0005"],
      ["6011111111111117", "UNKNOWN", "1117"],
    ] as const) {
      const { payment } = await h.charged({ card: card(number, number === CARDS.amex ? "1234" : "123") });
      expect(payment, number).toMatchObject({ status: "SUCCEEDED", cardBrand: brand, cardLast4: last4 });
    }
  });

  it("accepts a number with spaces and a two-digit expiry year", async () => {
    const { payment } = await h.charged({
      card: {
        number: "4242 4242 4242 4242",
        expMonth: 1,
        expYear: (new Date().getUTCFullYear() + 2) % 100,
        cvc: "321",
      },
    });
    expect(payment).toMatchObject({ status: "SUCCEEDED", cardLast4: "4242" });
  });

  it.each([
    [CARDS.declined, "DECLINED", /declined/],
    [CARDS.insufficientFunds, "INSUFFICIENT_FUNDS", /insufficient funds/],
    [CARDS.processingError, "PROCESSING_ERROR", /could not be processed/],
    [CARDS.notATestCard, "DECLINED", /declined/],
  ])(
    "%s fails with %s: a FAILED payment with a message for the customer, not an error",
    async (number, code, message) => {
      const { payment } = await h.charged({ card: card(number) });
      expect(payment).toMatchObject({ status: "FAILED", failureCode: code, cardLast4: number.slice(-4) });
      expect(payment.failureMessage).toMatch(message);
      expect((await storedPayment(payment.id)).failureCode).toBe(code);
    },
  );
});

describe("chargePayment: bad input", () => {
  const cases: [string, (input: ChargeInput) => ChargeInput, string][] = [
    ["a number failing the checksum", (i) => ({ ...i, card: card("4242424242424241") }), "card.number"],
    ["letters in the number", (i) => ({ ...i, card: card("4242abcd42424242") }), "card.number"],
    ["an expired card", (i) => ({ ...i, card: { ...i.card, expYear: 2020 } }), "card.expYear"],
    ["month 13", (i) => ({ ...i, card: { ...i.card, expMonth: 13 } }), "card.expMonth"],
    ["a two-digit CVC", (i) => ({ ...i, card: { ...i.card, cvc: "12" } }), "card.cvc"],
    ["a zero amount", (i) => ({ ...i, amount: 0 }), "amount"],
    ["a negative amount", (i) => ({ ...i, amount: -500 }), "amount"],
    ["a lower-case currency", (i) => ({ ...i, currency: "usd" }), "currency"],
    ["a currency that is not three letters", (i) => ({ ...i, currency: "EURO" }), "currency"],
    ["a currency ISO 4217 does not have", (i) => ({ ...i, currency: "ZZZ" }), "currency"],
    ["an order id that is not a UUID", (i) => ({ ...i, orderId: "order-1" }), "orderId"],
    ["a user id that is not a UUID", (i) => ({ ...i, userId: "42" }), "userId"],
    ["an empty idempotency key", (i) => ({ ...i, idempotencyKey: "" }), "idempotencyKey"],
    [
      "an idempotency key over 255 characters",
      (i) => ({ ...i, idempotencyKey: "k".repeat(256) }),
      "idempotencyKey",
    ],
  ];

  it.each(cases)(
    "refuses %s with BAD_USER_INPUT naming the field, and writes nothing",
    async (_, change, field) => {
      const before = await h.rowCounts();
      const result = await h.execute(ChargeDocument, { input: change(chargeInput()) }, asService);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.data).toBeNull();
      expect(await h.rowCounts()).toEqual(before);
    },
  );

  it("does not call the provider for bad input", async () => {
    const calls = h.provider.charges.length;
    await h.charge(chargeInput({ card: card("4000000000000003") }));
    expect(h.provider.charges.length).toBe(calls);
  });
});

describe("internal operations", () => {
  it("are refused without the service credential, whoever calls, and write nothing", async () => {
    const customer = await h.accounts.customer();
    const admin = await h.accounts.admin();
    const before = await h.rowCounts();
    const callers: Caller[] = [
      {},
      { token: customer.token },
      { token: admin.token },
      { headers: { "x-service-token": "not-the-service-token-at-all-0000" } },
    ];
    for (const caller of callers) {
      const charge = await h.execute(ChargeDocument, { input: chargeInput() }, caller);
      expect(charge.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const lookup = await h.execute(PaymentForOrderDocument, { orderId: randomUUID() }, caller);
      expect(lookup.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await h.rowCounts()).toEqual(before);
  });
});

describe("paymentForOrder", () => {
  it("is null for an order never charged, and for an id that is not a UUID", async () => {
    expect((await h.paymentForOrder(randomUUID())).data?.paymentForOrder).toBeNull();
    expect((await h.paymentForOrder("nope")).data?.paymentForOrder).toBeNull();
  });

  it("is the latest attempt when an order was charged more than once", async () => {
    const orderId = randomUUID();
    const { payment: failed } = await h.charged({ orderId, card: card(CARDS.declined) });
    expect((await h.paymentForOrder(orderId)).data?.paymentForOrder?.id).toBe(failed.id);
    const { payment: paid } = await h.charged({ orderId });
    const latest = (await h.paymentForOrder(orderId)).data?.paymentForOrder;
    expect(latest).toMatchObject({ id: paid.id, status: "SUCCEEDED" });
  });

  it("is a retryable error, not null, while the order's charge is still in flight", async () => {
    const orderId = randomUUID();
    // The state a charge is in between its claim and its outcome.
    await h.db.insert(schema.idempotencyKeys).values({
      scope: "service",
      key: randomUUID(),
      operation: "CHARGE",
      fingerprint: "f".repeat(64),
      orderId,
      lockToken: randomUUID(),
    });
    const result = await h.paymentForOrder(orderId);
    expect(result.data?.paymentForOrder ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      reason: "IDEMPOTENCY_KEY_IN_USE",
    });
    expect(result.errors?.[0]?.message).toMatch(/still being processed/);
  });
});
