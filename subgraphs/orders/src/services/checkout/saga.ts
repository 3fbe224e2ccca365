import { eq } from "drizzle-orm";
import type { CardInput } from "@storefront/contracts/payments";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import { orderLines, orders, type OrderRow } from "../../db/schema";
import { checkoutError, outcomeOf, paymentRefusal, type CheckoutStep } from "../../domain/checkout-result";
import { timeStage } from "../checkout-metrics";
import { failPayment } from "../saga/compensation";
import { completePaidOrder } from "../saga/complete";
import type { SagaContext, SagaDeps } from "../saga/context";
import { chargePayment, type Charge } from "../saga/payment";
import { releaseStock, reserveStock } from "../saga/stock";
import { transition } from "../transitions";

/**
 * The checkout saga for a freshly created order: stock reserved in the catalogue (reservation id
 * = order id) → PAYMENT_PENDING → payment taken (idempotency key = order id) → completed (sold,
 * PAID, shipment requested) or compensated. Missing stock cancels the order (OUT_OF_STOCK); a
 * charge whose outcome is unknown is left for the recovery sweep, which finishes it with the
 * same steps.
 */
export async function runSaga(
  deps: SagaDeps,
  ctx: SagaContext,
  order: OrderRow,
  card: CardInput,
): Promise<CheckoutStep> {
  const lines = await deps.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const reserved = await timeStage(
    deps.metrics,
    "reserve_stock",
    () => reserveStock(deps, ctx, order.id, lines),
    (result) => (result.__typename === "InsufficientStock" ? "refused" : "ok"),
  );
  if (reserved.__typename === "InsufficientStock") {
    const message = "Some items sold out while you were checking out.";
    const cancelled = await inTransactionWithOutbox(deps.db, deps.relay, (tx, outbox) =>
      transition(tx, outbox, order, "CANCELLED", {
        note: message,
        failureCode: "OUT_OF_STOCK",
        failureMessage: message,
      }),
    );
    return checkoutError("OUT_OF_STOCK", message, cancelled ?? order, reserved.lines);
  }

  const paying = await inTransactionWithOutbox(deps.db, deps.relay, (tx, outbox) =>
    transition(tx, outbox, order, "PAYMENT_PENDING", { note: "Stock reserved" }),
  );
  if (!paying) {
    // The customer cancelled while the stock was being reserved: nothing is charged, and the
    // hold just made goes back.
    await releaseStock(deps, ctx, order.id);
    const [current] = await deps.db.select().from(orders).where(eq(orders.id, order.id));
    return outcomeOf(current!);
  }
  let payment: Charge;
  try {
    payment = await timeStage(
      deps.metrics,
      "charge_payment",
      () => chargePayment(deps, ctx, paying, card),
      (charge) => (charge.status === "SUCCEEDED" ? "ok" : "refused"),
    );
  } catch (error) {
    // The charge may or may not have happened: leave the order for the recovery sweep, which
    // asks the payments service what became of it.
    ctx.log.error({ err: error, orderId: order.id }, "payment outcome unknown; left for recovery");
    const [code, message] = paymentRefusal("PROCESSING_ERROR");
    return checkoutError(code, `${message} Your order is being checked; see your orders shortly.`, paying);
  }
  return payment.status === "SUCCEEDED"
    ? completePaidOrder(deps, ctx, paying, payment.id)
    : failPayment(deps, ctx, paying, payment.failureCode ?? "PROCESSING_ERROR");
}
