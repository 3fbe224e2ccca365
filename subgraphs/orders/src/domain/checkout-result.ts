import { failure, type Failure, type Typed } from "@storefront/platform/result";
import type { OrderRow } from "../db/schema";

export type CheckoutErrorCode =
  | "EMPTY_CART"
  | "CART_HAS_ISSUES"
  | "OUT_OF_STOCK"
  | "PAYMENT_DECLINED"
  | "INSUFFICIENT_FUNDS"
  | "PAYMENT_ERROR";

export type Shortage = { variantId: string; requested: number; available: number };

export type CheckoutError = Failure<
  "CheckoutError",
  CheckoutErrorCode,
  { order: OrderRow | null; shortages: Shortage[] }
>;

export const checkoutError = (
  code: CheckoutErrorCode,
  message: string,
  order: OrderRow | null,
  shortages: Shortage[] = [],
): CheckoutError => failure("CheckoutError", code, message, { order, shortages });

/** Where a step of the checkout leaves it: the order as it stands, or why it did not go through. */
export type CheckoutStep = OrderRow | CheckoutError;

/** What `checkout` answers: the order tagged as such, or the refusal. */
export type CheckoutResult = Typed<"Order", OrderRow> | CheckoutError;

/** What the customer is told about a payment the payments service refused, by its failure code. */
const PAYMENT_REFUSALS: Record<string, [CheckoutErrorCode, string]> = {
  DECLINED: ["PAYMENT_DECLINED", "Your card was declined. Please use another card."],
  INSUFFICIENT_FUNDS: ["INSUFFICIENT_FUNDS", "Your card has insufficient funds. Please use another card."],
  PROCESSING_ERROR: ["PAYMENT_ERROR", "The payment could not be processed. Please try again."],
};

/** The code and message for a payment failure code; an unknown one is a processing error. */
export function paymentRefusal(failureCode: string): [CheckoutErrorCode, string] {
  return PAYMENT_REFUSALS[failureCode] ?? PAYMENT_REFUSALS.PROCESSING_ERROR!;
}

/** What a stored order means to a client asking again with the same key. */
export function outcomeOf(order: OrderRow): CheckoutStep {
  if (order.status === "PAYMENT_FAILED" || order.status === "CANCELLED") {
    const [code, message] = PAYMENT_REFUSALS[order.failureCode ?? ""] ?? [
      order.failureCode === "OUT_OF_STOCK" ? "OUT_OF_STOCK" : "PAYMENT_ERROR",
      order.failureMessage ?? "The order did not go through.",
    ];
    return checkoutError(code, order.failureMessage ?? message, order);
  }
  return order;
}
