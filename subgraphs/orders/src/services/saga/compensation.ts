import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import type { OrderRow } from "../../db/schema";
import { checkoutError, paymentRefusal, type CheckoutError } from "../../domain/checkout-result";
import { timeStage } from "../checkout-metrics";
import { transition } from "../transitions";
import type { SagaContext, SagaDeps } from "./context";
import { refundUnfulfillablePayment } from "./payment";
import { releaseStock } from "./stock";

/**
 * The compensation for a charge that cannot be honoured: the stock the order was paying for is
 * gone (its hold expired and others bought it meanwhile). The charge is refunded in full, once
 * (the refund's idempotency key is the order's), and the order is cancelled.
 */
export async function refundUnfulfillable(
  deps: SagaDeps,
  ctx: SagaContext,
  order: OrderRow,
  paymentId: string,
): Promise<CheckoutError> {
  const message =
    "Some items sold out while your payment was being confirmed; your payment was refunded in full.";
  await timeStage(deps.metrics, "refund_payment", () =>
    refundUnfulfillablePayment(deps, ctx, order.id, paymentId),
  );
  // Whatever the order still holds goes back (released already when the hold had expired).
  await timeStage(deps.metrics, "release_stock", () => releaseStock(deps, ctx, order.id));
  const cancelled = await inTransactionWithOutbox(deps.db, deps.relay, (tx, outbox) =>
    transition(tx, outbox, order, "CANCELLED", {
      note: message,
      failureCode: "OUT_OF_STOCK",
      failureMessage: message,
      paymentId,
    }),
  );
  ctx.log.warn({ orderId: order.id, paymentId }, "paid order could not be fulfilled; refunded and cancelled");
  return checkoutError("OUT_OF_STOCK", message, cancelled ?? order);
}

/** The compensation for a refused payment: the stock goes back and the order ends PAYMENT_FAILED. */
export async function failPayment(
  deps: SagaDeps,
  ctx: SagaContext,
  order: OrderRow,
  failureCode: string,
): Promise<CheckoutError> {
  await timeStage(deps.metrics, "release_stock", () => releaseStock(deps, ctx, order.id));
  const [code, message] = paymentRefusal(failureCode);
  const failed = await inTransactionWithOutbox(deps.db, deps.relay, (tx, outbox) =>
    transition(tx, outbox, order, "PAYMENT_FAILED", { note: message, failureCode, failureMessage: message }),
  );
  return checkoutError(code, message, failed ?? order);
}
