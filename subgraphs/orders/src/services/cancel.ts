import { and, eq } from "drizzle-orm";
import { requireViewer } from "@storefront/platform/auth";
import { badUserInput, notFound } from "@storefront/platform/errors";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import type { OrdersDependencies } from "../dependencies";
import { orders, type OrderRow } from "../db/schema";
import { cancelRefusal } from "../domain/order-status";
import type { OrdersRequest } from "../request";
import { visibleOrder } from "./queries";
import { paymentOf } from "./saga/payment";
import { releaseStock } from "./saga/stock";
import { transition } from "./transitions";

/** What cancelling an order depends on. */
export type CancelDeps = Pick<OrdersDependencies, "db" | "relay" | "config" | "catalogue" | "payments">;

/**
 * Cancels an unpaid order and gives its stock back. The status changes first, conditionally, and
 * the stock is released only once that has won: a checkout racing the cancellation then loses its
 * own next step and gives back what it holds. An order waiting on its payment may be being charged
 * right now by the checkout that created it, so it can be cancelled only once that checkout has
 * gone quiet (as long as the recovery sweep waits) and payments confirms nothing was charged.
 * Cancelling twice is a no-op.
 */
export async function cancelOrder(deps: CancelDeps, request: OrdersRequest, id: string): Promise<OrderRow> {
  requireViewer(request.viewer);
  const order = await visibleOrder(request, id);
  if (!order) throw notFound("Order");
  switch (cancelRefusal(order.status)) {
    case "ALREADY_CANCELLED":
      return order;
    case "DID_NOT_GO_THROUGH":
      throw badUserInput("This order did not go through; there is nothing to cancel.", "id");
    case "ALREADY_PAID":
      throw badUserInput("This order has been paid; it can be refunded but not cancelled.", "id");
    case null:
  }
  let current = order;
  if (order.status === "PAYMENT_PENDING") {
    const quietSince = Date.now() - deps.config.checkoutRecoverySeconds * 1000;
    if (order.updatedAt.getTime() > quietSince) {
      throw badUserInput("The payment for this order is still being taken. Try again in a minute.", "id");
    }
    // Claimed as the recovery sweep claims: a fresh updated_at keeps the sweep away meanwhile.
    const [claimed] = await deps.db
      .update(orders)
      .set({ updatedAt: new Date() })
      .where(
        and(
          eq(orders.id, order.id),
          eq(orders.status, "PAYMENT_PENDING"),
          eq(orders.updatedAt, order.updatedAt),
        ),
      )
      .returning();
    if (!claimed) throw badUserInput("The order changed while cancelling it; look at it again.", "id");
    current = claimed;
    // Hands the order back to the recovery sweep when it cannot be cancelled after all.
    const unclaim = () =>
      deps.db
        .update(orders)
        .set({ updatedAt: order.updatedAt })
        .where(and(eq(orders.id, order.id), eq(orders.updatedAt, claimed.updatedAt)));
    const payment = await paymentOf(deps, request, order.id).catch(async (error: unknown) => {
      await unclaim();
      throw error;
    });
    if (payment && payment.status !== "FAILED") {
      await unclaim();
      throw badUserInput("A payment was made for this order; it can be refunded but not cancelled.", "id");
    }
  }
  const cancelled = await inTransactionWithOutbox(deps.db, deps.relay, (tx, outbox) =>
    transition(tx, outbox, current, "CANCELLED", { note: "Cancelled by the customer" }),
  );
  if (!cancelled) throw badUserInput("The order changed while cancelling it; look at it again.", "id");
  await releaseStock(deps, request, order.id);
  request.loaders.orderById.clear(id);
  return cancelled;
}
