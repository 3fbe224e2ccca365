import { describe, expect, it } from "vitest";
import { createTestModeProvider, FAILING_TEST_CARDS, SUCCEEDING_TEST_CARDS } from "./test-mode";
import { luhnValid } from "../cards";

const provider = createTestModeProvider();
const card = (number: string) => ({ number, expMonth: 12, expYear: 2040, cvc: "123" });
const charge = (number: string, idempotencyKey = `key-${number}`) =>
  provider.charge({ amount: 1000, currency: "USD", card: card(number), idempotencyKey });

describe("test-mode provider", () => {
  it("lists only numbers that pass the checksum, so every one of them gets past card validation", () => {
    for (const number of [...SUCCEEDING_TEST_CARDS, ...Object.keys(FAILING_TEST_CARDS)]) {
      expect(luhnValid(number), number).toBe(true);
    }
  });

  it("charges the well-known success numbers of every network", async () => {
    for (const number of [
      "4242424242424242",
      "5555555555554444",
      "378282246310005",
      ...SUCCEEDING_TEST_CARDS,
    ]) {
      expect((await charge(number)).outcome, number).toBe("SUCCEEDED");
    }
  });

  it("fails the decline, insufficient-funds and processing-error numbers the way a processor does", async () => {
    expect(await charge("4000000000000002")).toMatchObject({
      outcome: "DECLINED",
      declineCode: "generic_decline",
    });
    expect(await charge("4000000000009995")).toMatchObject({
      outcome: "INSUFFICIENT_FUNDS",
      declineCode: "insufficient_funds",
    });
    expect(await charge("4000000000000119")).toMatchObject({
      outcome: "PROCESSING_ERROR",
      declineCode: "processing_error",
    });
  });

  it("declines any other number as not a test card", async () => {
    expect(await charge("4111111111111111")).toMatchObject({
      outcome: "DECLINED",
      declineCode: "not_a_test_card",
    });
    expect(await charge("5105105105105106")).toMatchObject({
      outcome: "DECLINED",
      declineCode: "not_a_test_card",
    });
  });

  it("ignores spaces and dashes in the number", async () => {
    expect((await charge("4242 4242-4242 4242")).outcome).toBe("SUCCEEDED");
  });

  it("derives the reference from the idempotency key alone: a retry is the same charge", async () => {
    const first = await charge("4242424242424242", "order-1");
    const retry = await charge("4242424242424242", "order-1");
    const other = await charge("4242424242424242", "order-2");
    expect(retry.providerReference).toBe(first.providerReference);
    expect(other.providerReference).not.toBe(first.providerReference);
    expect(first.providerReference).toMatch(/^ch_test_[0-9a-f]{24}$/);
    // A fresh provider (a restarted process) agrees.
    const restarted = createTestModeProvider();
    const again = await restarted.charge({
      amount: 1000,
      currency: "USD",
      card: card("4242424242424242"),
      idempotencyKey: "order-1",
    });
    expect(again.providerReference).toBe(first.providerReference);
  });

  it("never puts the card number in the reference", async () => {
    const { providerReference } = await charge("4242424242424242", "4242424242424242");
    expect(providerReference).not.toContain("4242424242424242");
  });

  it("refunds a test charge with a reference derived from its own key", async () => {
    const { providerReference } = await charge("4242424242424242", "order-3");
    const refund = await provider.refund({ providerReference, amount: 500, idempotencyKey: "refund-1" });
    const retry = await provider.refund({ providerReference, amount: 500, idempotencyKey: "refund-1" });
    expect(refund.providerReference).toMatch(/^re_test_[0-9a-f]{24}$/);
    expect(retry.providerReference).toBe(refund.providerReference);
  });

  it("refuses a refund of something that is not a test charge, and non-positive amounts", async () => {
    await expect(
      provider.refund({ providerReference: "ch_live_123", amount: 100, idempotencyKey: "r" }),
    ).rejects.toThrow(/no such test charge/);
    const { providerReference } = await charge("4242424242424242");
    await expect(provider.refund({ providerReference, amount: 0, idempotencyKey: "r0" })).rejects.toThrow(
      /amount must be positive/,
    );
    await expect(
      provider.charge({ amount: -1, currency: "USD", card: card("4242424242424242"), idempotencyKey: "k" }),
    ).rejects.toThrow(/amount must be positive/);
  });
});
