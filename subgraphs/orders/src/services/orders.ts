import { and, desc, eq } from "drizzle-orm";
import { requireViewer } from "@storefront/platform/auth";
import { badUserInput, notFound } from "@storefront/platform/errors";
import { newestFirst } from "@storefront/platform/keyset";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import { pageSize, toConnection, type Connection } from "@storefront/platform/pagination";
import { assertOwnerOrAdmin, canSee as ownerAdminOrService } from "@storefront/platform/visibility";
import type { OrdersContext } from "../context";
import { orders, type OrderRow } from "../db/schema";
import { cancelRefusal } from "../domain/order-status";
import { paymentOf } from "./recovery";
import { releaseStock } from "./stock";
import { transition } from "./transitions";

/** Orders are private: their owner, administrators and platform services may see them. */
export function canSee(ctx: OrdersContext, order: OrderRow): boolean {
  return ownerAdminOrService(ctx, order.userId);
}

export async function visibleOrder(ctx: OrdersContext, id: string): Promise<OrderRow | null> {
  const order = await ctx.loaders.orderById.load(id);
  return order && canSee(ctx, order) ? order : null;
}

export async function ordersOf(
  ctx: OrdersContext,
  userId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<OrderRow>> {
  assertOwnerOrAdmin(ctx.viewer, userId, "Only this user and administrators can see these orders.");
  const limit = pageSize(args.first);
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), newestFirst.after(orders, args.after)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  for (const row of rows) ctx.loaders.orderById.prime(row.id, row);
  return toConnection(rows, limit, newestFirst.cursorOf);
}

/**
 * Cancels an unpaid order and gives its stock back. The status changes first, conditionally, and
 * the stock is released only once that has won: a checkout racing the cancellation then loses its
 * own next step and gives back what it holds. An order waiting on its payment may be being charged
 * right now by the checkout that created it, so it can be cancelled only once that checkout has
 * gone quiet (as long as the recovery sweep waits) and payments confirms nothing was charged.
 * Cancelling twice is a no-op.
 */
export async function cancelOrder(ctx: OrdersContext, id: string): Promise<OrderRow> {
  requireViewer(ctx.viewer);
  const order = await visibleOrder(ctx, id);
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
    const quietSince = Date.now() - ctx.deps.config.checkoutRecoverySeconds * 1000;
    if (order.updatedAt.getTime() > quietSince) {
      throw badUserInput("The payment for this order is still being taken. Try again in a minute.", "id");
    }
    // Claimed as the recovery sweep claims: a fresh updated_at keeps the sweep away meanwhile.
    const [claimed] = await ctx.db
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
      ctx.db
        .update(orders)
        .set({ updatedAt: order.updatedAt })
        .where(and(eq(orders.id, order.id), eq(orders.updatedAt, claimed.updatedAt)));
    const payment = await paymentOf(ctx, order.id).catch(async (error: unknown) => {
      await unclaim();
      throw error;
    });
    if (payment && payment.status !== "FAILED") {
      await unclaim();
      throw badUserInput("A payment was made for this order; it can be refunded but not cancelled.", "id");
    }
  }
  const cancelled = await inTransactionWithOutbox(ctx.db, ctx.deps.relay, (tx, outbox) =>
    transition(tx, outbox, current, "CANCELLED", { note: "Cancelled by the customer" }),
  );
  if (!cancelled) throw badUserInput("The order changed while cancelling it; look at it again.", "id");
  await releaseStock(ctx, order.id);
  ctx.loaders.orderById.clear(id);
  return cancelled;
}

/**
 * Live changes of one order. Only its owner and administrators may follow it: anyone else gets
 * FORBIDDEN, and an order that does not exist NOT_FOUND.
 */
export async function followOrder(
  ctx: OrdersContext,
  orderId: string,
  afterSequence: number | null | undefined,
) {
  requireViewer(ctx.viewer);
  const order = await ctx.loaders.orderById.load(orderId);
  if (!order) throw notFound("Order");
  assertOwnerOrAdmin(ctx.viewer, order.userId, "Only the customer who placed this order can follow it.");
  if (afterSequence != null && (!Number.isInteger(afterSequence) || afterSequence < 0)) {
    throw badUserInput("afterSequence must be a whole number, 0 or more.", "afterSequence");
  }
  // Without a starting point the subscriber wants what happens from now on.
  return ctx.live.forOrder(order, afterSequence ?? order.sequence);
}

export function followMyOrders(ctx: OrdersContext) {
  return ctx.live.forUser(requireViewer(ctx.viewer).userId);
}
