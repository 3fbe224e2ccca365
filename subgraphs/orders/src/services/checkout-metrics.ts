import { Counter, Histogram, type Registry } from "@storefront/platform/metrics";

/** The steps of the checkout saga an operator can tell apart on a dashboard. */
export type CheckoutStage =
  | "load_cart"
  | "quote_shipping"
  | "create_order"
  | "reserve_stock"
  | "charge_payment"
  | "sell_stock"
  | "request_shipment"
  | "empty_cart"
  | "refund_payment"
  | "release_stock";

/** How a stage ended: done, refused by the service it asked (no stock, card declined), or failed. */
export type StageOutcome = "ok" | "refused" | "error";

/** How a checkout request ended, one of a fixed few so the label stays bounded. */
export type CheckoutOutcome =
  /** Paid, shipment requested. */
  | "paid"
  /** The card was declined or had too little money. */
  | "declined"
  /** The payment failed or its outcome is unknown (left for the recovery sweep). */
  | "payment_error"
  /** Stock ran out, before or during the checkout (and a charge made meanwhile was refunded). */
  | "out_of_stock"
  /** Nothing to order: an empty cart, or one with unavailable items. */
  | "rejected"
  /** The customer cancelled the order while it was being placed. */
  | "cancelled"
  /** A retry with an idempotency key already used: the first attempt's outcome is returned. */
  | "replayed"
  /** Refused before anything started: bad input, not signed in. */
  | "invalid"
  /** An unexpected error. */
  | "failed";

export interface CheckoutMetrics {
  stageDuration: Histogram<"stage" | "outcome">;
  checkouts: Counter<"outcome">;
}

/** The checkout saga's metrics, in the orders service's registry. */
export function createCheckoutMetrics(registry: Registry): CheckoutMetrics {
  return {
    stageDuration: new Histogram({
      name: "checkout_stage_duration_seconds",
      help: "Time taken by each stage of the checkout saga, by stage and outcome (ok, refused, error).",
      labelNames: ["stage", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    checkouts: new Counter({
      name: "checkouts_total",
      help: "Checkout requests, by outcome (paid, declined, payment_error, out_of_stock, rejected, cancelled, replayed, invalid, failed).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
  };
}

/**
 * Runs one stage of the saga and records how long it took and how it ended: `outcomeOf` tells a
 * refusal from success by the stage's result; a throw is an error.
 */
export async function timeStage<T>(
  metrics: CheckoutMetrics,
  stage: CheckoutStage,
  run: () => Promise<T>,
  outcomeOf: (result: T) => StageOutcome = () => "ok",
): Promise<T> {
  const stop = metrics.stageDuration.startTimer({ stage });
  try {
    const result = await run();
    stop({ outcome: outcomeOf(result) });
    return result;
  } catch (error) {
    stop({ outcome: "error" });
    throw error;
  }
}
