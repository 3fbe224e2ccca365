import { eq } from "drizzle-orm";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import { orderLines, orders, type OrderRow } from "../../db/schema";
import type { CheckoutStep } from "../../domain/checkout-result";
import { timeStage } from "../checkout-metrics";
import { transition } from "../transitions";
import { emptyCart } from "./cart";
import { refundUnfulfillable } from "./compensation";
import type { SagaContext, SagaDeps } from "./context";
import { shipmentRequest } from "./shipment";
import { sellStock } from "./stock";

/**
 * The end of a successful charge: stock out of the reservation into a sale, the order PAID and
 * its shipment requested — atomically on our side — then the cart emptied. Stock gone by then
 * means the charge is refunded instead (see refundUnfulfillable).
 */
export async function completePaidOrder(
  deps: SagaDeps,
  ctx: SagaContext,
  order: OrderRow,
  paymentId: string,
): Promise<CheckoutStep> {
  const { metrics } = deps;
  const lines = await deps.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const sold = await timeStage(
    metrics,
    "sell_stock",
    () => sellStock(deps, ctx, order, lines),
    (done) => (done ? "ok" : "refused"),
  );
  if (!sold) return refundUnfulfillable(deps, ctx, order, paymentId);
  const shipment = shipmentRequest(order, lines);
  const paid = await timeStage(metrics, "request_shipment", () =>
    inTransactionWithOutbox(deps.db, deps.relay, (tx, outbox) =>
      transition(tx, outbox, order, "PAID", { note: "Payment received", paymentId, messages: [shipment] }),
    ),
  );
  if (order.cartId) {
    const fromCart = { ...order, cartId: order.cartId };
    await timeStage(metrics, "empty_cart", () => emptyCart(deps, ctx, fromCart, lines)).catch(
      (error: unknown) => ctx.log.warn({ err: error, orderId: order.id }, "cart not emptied after checkout"),
    );
  }
  return paid ?? (await deps.db.select().from(orders).where(eq(orders.id, order.id)))[0]!;
}
