import { createHash } from "node:crypto";
import type {
  ChargeOutcome,
  ChargeRequest,
  ChargeResult,
  PaymentProvider,
  RefundRequest,
  RefundResult,
} from "./provider";

/**
 * Card numbers that succeed in a card processor's test mode (the numbers processors publish for
 * testing, one or more per network), so demo and test checkouts behave like real ones.
 */
export const SUCCEEDING_TEST_CARDS: readonly string[] = [
  "4242424242424242", // Visa
  "4000056655665556", // Visa debit
  "5555555555554444", // Mastercard
  "2223003122003222", // Mastercard 2-series
  "5200828282828210", // Mastercard debit
  "5105105105105100", // Mastercard prepaid
  "378282246310005", // American Express
  "371449635398431", // American Express
  "6011111111111117", // Discover
  "3056930009020004", // Diners Club
  "3566002020360505", // JCB
  "6200000000000005", // UnionPay
];

/** Test numbers with a fixed failure, and the processor's reason code for it. */
export const FAILING_TEST_CARDS: Readonly<
  Record<string, { outcome: Exclude<ChargeOutcome, "SUCCEEDED">; declineCode: string }>
> = {
  "4000000000000002": { outcome: "DECLINED", declineCode: "generic_decline" },
  "4000000000009995": { outcome: "INSUFFICIENT_FUNDS", declineCode: "insufficient_funds" },
  "4000000000000119": { outcome: "PROCESSING_ERROR", declineCode: "processing_error" },
};

const succeeding = new Set(SUCCEEDING_TEST_CARDS);

/** Same key, same reference: what makes a retried call the same charge at the processor. */
const reference = (prefix: string, idempotencyKey: string) =>
  `${prefix}_test_${createHash("sha256").update(`${prefix}:${idempotencyKey}`).digest("hex").slice(0, 24)}`;

function assertAmount(amount: number) {
  if (!Number.isInteger(amount) || amount <= 0)
    throw new Error("test-mode provider: amount must be positive");
}

/** Runs `decide` as an asynchronous call would: a thrown error becomes a rejection. */
const settle = <T>(decide: () => T) => new Promise<T>((resolve) => resolve(decide()));

function chargeResult(request: ChargeRequest): ChargeResult {
  assertAmount(request.amount);
  const number = request.card.number.replace(/[\s-]/g, "");
  const providerReference = reference("ch", request.idempotencyKey);
  if (succeeding.has(number)) return { outcome: "SUCCEEDED", providerReference };
  const failing = FAILING_TEST_CARDS[number];
  if (failing) return { ...failing, providerReference };
  return { outcome: "DECLINED", declineCode: "not_a_test_card", providerReference };
}

function refundResult(request: RefundRequest): RefundResult {
  assertAmount(request.amount);
  if (!request.providerReference.startsWith("ch_test_")) {
    throw new Error("test-mode provider: no such test charge to refund");
  }
  return { providerReference: reference("re", request.idempotencyKey) };
}

/**
 * A fake processor that behaves like a real one's test mode: the outcome depends only on the
 * card number, and every reference is derived from the idempotency key. It keeps no state, so it
 * is deterministic across restarts: a charge retried after a crash gets the same reference (the
 * same charge), never a second one. Real card numbers are refused as "not a test card".
 */
export function createTestModeProvider(): PaymentProvider {
  return {
    name: "test-mode",
    charge: (request) => settle(() => chargeResult(request)),
    refund: (request) => settle(() => refundResult(request)),
  };
}
