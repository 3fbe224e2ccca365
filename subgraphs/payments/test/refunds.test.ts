import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestAccount } from "@storefront/testkit";
import { schema } from "../src/db";
import { RefundDocument } from "./generated/payments";
import {
  CARDS,
  asService,
  card,
  startStack,
  type RefundInput,
  type RefundOutcome,
  type Stack,
} from "./stack";

let h: Stack;
let admin: TestAccount;
beforeAll(async () => {
  h = await startStack();
  admin = await h.accounts.admin();
});
afterAll(async () => {
  await h?.stop();
});

const stored = async (paymentId: string) => {
  const [payment] = await h.db.select().from(schema.payments).where(eq(schema.payments.id, paymentId));
  const refunds = await h.db.select().from(schema.refunds).where(eq(schema.refunds.paymentId, paymentId));
  return { payment: payment!, refunds };
};

async function refunded(input: RefundInput, token = admin.token): Promise<RefundOutcome> {
  const result = await h.refund(token, input);
  if (!result.data) throw new Error(`refundPayment failed: ${JSON.stringify(result.errors)}`);
  return result.data.refundPayment;
}

describe("refundPayment", () => {
  it("refunds everything when no amount is given: REFUNDED", async () => {
    const { payment } = await h.charged({ amount: 4200, currency: "GBP" });
    const result = await refunded({ paymentId: payment.id, reason: "  Damaged in transit  " });
    expect(result).toMatchObject({
      __typename: "RefundSucceeded",
      payment: { id: payment.id, status: "REFUNDED", refundedAmount: { amount: 4200, currency: "GBP" } },
      refund: { amount: { amount: 4200, currency: "GBP" }, reason: "Damaged in transit" },
    });
    const row = await stored(payment.id);
    expect(row.payment).toMatchObject({ status: "REFUNDED", refundedAmount: 4200 });
    expect(row.refunds).toMatchObject([{ amount: 4200, requestedBy: admin.id, currency: "GBP" }]);
    expect(row.refunds[0]!.providerReference).toMatch(/^re_test_/);
  });

  it("refunds in parts: PARTIALLY_REFUNDED, then the rest makes it REFUNDED", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const first = await refunded({ paymentId: payment.id, amount: 300 });
    expect(first).toMatchObject({
      __typename: "RefundSucceeded",
      payment: { status: "PARTIALLY_REFUNDED", refundedAmount: { amount: 300 } },
    });
    const second = await refunded({ paymentId: payment.id, amount: 200 });
    expect(second).toMatchObject({
      payment: { status: "PARTIALLY_REFUNDED", refundedAmount: { amount: 500 } },
    });
    const rest = await refunded({ paymentId: payment.id });
    expect(rest).toMatchObject({
      refund: { amount: { amount: 500 } },
      payment: { status: "REFUNDED", refundedAmount: { amount: 1000 } },
    });
    if (rest.__typename !== "RefundSucceeded") throw new Error("expected a refund");
    expect(rest.payment.refunds.map((r) => r.amount.amount)).toEqual([300, 200, 500]);
  });

  it("refuses more than what is left, and refunds nothing", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    await refunded({ paymentId: payment.id, amount: 600 });
    const over = await refunded({ paymentId: payment.id, amount: 401 });
    expect(over).toMatchObject({ __typename: "RefundError", code: "AMOUNT_EXCEEDS_REFUNDABLE" });
    if (over.__typename === "RefundError") expect(over.message).toMatch(/At most 400/);
    expect((await stored(payment.id)).payment.refundedAmount).toBe(600);
  });

  it("refuses a failed payment and a fully refunded one as not refundable", async () => {
    const { payment: failed } = await h.charged({ card: card(CARDS.declined) });
    expect(await refunded({ paymentId: failed.id })).toMatchObject({ code: "PAYMENT_NOT_REFUNDABLE" });
    expect(await refunded({ paymentId: failed.id, amount: 1 })).toMatchObject({
      code: "PAYMENT_NOT_REFUNDABLE",
    });
    const { payment } = await h.charged();
    await refunded({ paymentId: payment.id });
    expect(await refunded({ paymentId: payment.id })).toMatchObject({
      code: "PAYMENT_NOT_REFUNDABLE",
      message: expect.stringMatching(/already been refunded in full/) as unknown,
    });
    expect((await stored(failed.id)).refunds).toHaveLength(0);
  });

  it("answers PAYMENT_NOT_FOUND for an unknown id, and BAD_USER_INPUT for one that is not an id, writing nothing", async () => {
    expect(await refunded({ paymentId: randomUUID() })).toMatchObject({ code: "PAYMENT_NOT_FOUND" });
    const before = await h.rowCounts();
    const malformed = await h.refund(admin.token, { paymentId: "pay_123" });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "paymentId" });
    expect(await h.rowCounts()).toEqual(before);
  });

  it("refuses bad input with BAD_USER_INPUT and writes nothing", async () => {
    const { payment } = await h.charged();
    const before = await h.rowCounts();
    for (const [input, field] of [
      [{ paymentId: payment.id, amount: 0 }, "amount"],
      [{ paymentId: payment.id, amount: -100 }, "amount"],
      [{ paymentId: payment.id, reason: "x".repeat(501) }, "reason"],
      [{ paymentId: payment.id, idempotencyKey: "" }, "idempotencyKey"],
    ] as const) {
      const result = await h.refund(admin.token, input);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await h.rowCounts()).toEqual(before);
  });

  it("is for administrators: FORBIDDEN for a customer (even the one who paid), UNAUTHENTICATED signed out", async () => {
    const customer = await h.accounts.customer();
    const { payment } = await h.charged({ userId: customer.id });
    const before = await h.rowCounts();
    const processorCalls = h.provider.refunds.length;
    const asCustomer = await h.refund(customer.token, { paymentId: payment.id });
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const signedOut = await h.refund(undefined, { paymentId: payment.id });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await h.rowCounts()).toEqual(before);
    expect(h.provider.refunds).toHaveLength(processorCalls);
  });

  it("and for the platform itself (the service credential), recorded as asked by no one", async () => {
    const { payment } = await h.charged({ amount: 1500 });
    const byService = await h.execute(
      RefundDocument,
      { input: { paymentId: payment.id, reason: "Sold out", idempotencyKey: randomUUID() } },
      asService,
    );
    expect(byService.data?.refundPayment).toMatchObject({
      __typename: "RefundSucceeded",
      payment: { status: "REFUNDED" },
    });
    expect((await stored(payment.id)).refunds).toMatchObject([{ amount: 1500, requestedBy: null }]);
  });
});

describe("refund idempotency", () => {
  it("the same key and input returns the first refund and refunds nothing more", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const key = randomUUID();
    const first = await refunded({ paymentId: payment.id, amount: 250, idempotencyKey: key });
    const again = await refunded({ paymentId: payment.id, amount: 250, idempotencyKey: key });
    if (first.__typename !== "RefundSucceeded" || again.__typename !== "RefundSucceeded")
      throw new Error("no refund");
    expect(again.refund).toEqual(first.refund);
    expect(again.payment.refundedAmount.amount).toBe(250);
    expect((await stored(payment.id)).refunds).toHaveLength(1);
  });

  it("a replay of 'refund the rest' is the same request even after the rest changed", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const key = randomUUID();
    const first = await refunded({ paymentId: payment.id, idempotencyKey: key });
    const again = await refunded({ paymentId: payment.id, idempotencyKey: key });
    expect(again).toEqual(first);
  });

  it("stores a refusal too: the same key returns it, even once the refund would be possible", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const key = randomUUID();
    const refused = await refunded({ paymentId: payment.id, amount: 5000, idempotencyKey: key });
    expect(refused).toMatchObject({ code: "AMOUNT_EXCEEDS_REFUNDABLE" });
    expect(await refunded({ paymentId: payment.id, amount: 5000, idempotencyKey: key })).toEqual(refused);
  });

  it("the same key with other input is refused with IDEMPOTENCY_KEY_REUSED", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const key = randomUUID();
    await refunded({ paymentId: payment.id, amount: 100, idempotencyKey: key });
    for (const other of [{ amount: 200 }, { amount: null }, { amount: 100, reason: "changed my mind" }]) {
      const result = await h.refund(admin.token, { paymentId: payment.id, idempotencyKey: key, ...other });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "idempotencyKey",
        reason: "IDEMPOTENCY_KEY_REUSED",
      });
    }
    expect((await stored(payment.id)).payment.refundedAmount).toBe(100);
  });

  it("10 concurrent requests with one key make one refund", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.refund(admin.token, { paymentId: payment.id, amount: 100, idempotencyKey: key }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect((await stored(payment.id)).refunds).toHaveLength(1);
    expect((await stored(payment.id)).payment.refundedAmount).toBe(100);
  });
});

describe("concurrent refunds of one payment", () => {
  it("never exceed the amount: 20 refunds of 300 against 1000 → exactly 3 succeed", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => refunded({ paymentId: payment.id, amount: 300 })),
    );
    const succeeded = results.filter((r) => r.__typename === "RefundSucceeded");
    const refused = results.filter((r) => r.__typename === "RefundError");
    expect(succeeded).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r).toMatchObject({ code: "AMOUNT_EXCEEDS_REFUNDABLE" });
    const row = await stored(payment.id);
    expect(row.payment).toMatchObject({ refundedAmount: 900, status: "PARTIALLY_REFUNDED" });
    expect(row.refunds.reduce((sum, r) => sum + r.amount, 0)).toBe(900);
  });

  it("full refunds racing each other: exactly one wins", async () => {
    const { payment } = await h.charged({ amount: 777 });
    const results = await Promise.all(Array.from({ length: 8 }, () => refunded({ paymentId: payment.id })));
    expect(results.filter((r) => r.__typename === "RefundSucceeded")).toHaveLength(1);
    expect(
      results.filter((r) => r.__typename === "RefundError" && r.code === "PAYMENT_NOT_REFUNDABLE"),
    ).toHaveLength(7);
    expect((await stored(payment.id)).payment).toMatchObject({ refundedAmount: 777, status: "REFUNDED" });
  });

  it("the database itself refuses an over-refund or a status that disagrees with the money", async () => {
    const { payment } = await h.charged({ amount: 500 });
    const attempts = [
      sql`update payments set refunded_amount = 501, status = 'REFUNDED' where id = ${payment.id}`,
      sql`update payments set refunded_amount = -1 where id = ${payment.id}`,
      sql`update payments set refunded_amount = 500, status = 'PARTIALLY_REFUNDED' where id = ${payment.id}`,
      sql`update payments set refunded_amount = 100 where id = ${payment.id}`,
      sql`update payments set status = 'FAILED' where id = ${payment.id}`,
      sql`update payments set amount = 0 where id = ${payment.id}`,
    ];
    for (const attempt of attempts) await expect(h.db.execute(attempt)).rejects.toThrow();
    expect((await stored(payment.id)).payment).toMatchObject({
      amount: 500,
      refundedAmount: 0,
      status: "SUCCEEDED",
    });
  });
});

describe("a refund that fails at the processor", () => {
  it("changes nothing, and a retry with the same key refunds once", async () => {
    const { payment } = await h.charged({ amount: 1000 });
    const key = randomUUID();
    h.provider.failNext = 1;
    const failed = await h.refund(admin.token, { paymentId: payment.id, amount: 400, idempotencyKey: key });
    expect(failed.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect((await stored(payment.id)).payment.refundedAmount).toBe(0);
    const retry = await refunded({ paymentId: payment.id, amount: 400, idempotencyKey: key });
    expect(retry).toMatchObject({
      __typename: "RefundSucceeded",
      payment: { refundedAmount: { amount: 400 } },
    });
    const keys = h.provider.refunds.slice(-2).map((r) => r.idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect((await stored(payment.id)).refunds).toHaveLength(1);
  });
});
