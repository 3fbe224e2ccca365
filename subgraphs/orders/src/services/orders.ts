import { and, desc, eq } from "drizzle-orm";
import {
  badUserInput,
  forbidden,
  newestFirst,
  notFound,
  pageSize,
  requireViewer,
  toConnection,
  type Connection,
} from "@storefront/platform";
import type { OrdersContext } from "../context";
import { orders, type OrderRow } from "../db/schema";
import { paymentOf } from "./recovery";
import { releaseStock } from "./stock";
import { transition } from "./transitions";

/** Orders are private: their owner, administrators and platform services may see them. */
export function canSee(ctx: OrdersContext, order: OrderRow): boolean {
  return ctx.internalCaller || ctx.viewer?.role === "ADMIN" || ctx.viewer?.userId === order.userId;
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
  const viewer = requireViewer(ctx.viewer);
  if (viewer.userId !== userId && viewer.role !== "ADMIN")
    throw forbidden("Only this user and administrators can see these orders.");
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
 * Cancels an unpaid order and gives its stock back. A checkout still taking payment is only
 * cancelled once the payments service confirms nothing was charged. Cancelling twice is a no-op.
 */
export async function cancelOrder(ctx: OrdersContext, id: string): Promise<OrderRow> {
  requireViewer(ctx.viewer);
  const order = await visibleOrder(ctx, id);
  if (!order) throw notFound("Order");
  if (order.status === "CANCELLED") return order;
  if (!["PENDING", "PAYMENT_PENDING", "PAYMENT_FAILED"].includes(order.status)) {
    throw badUserInput("This order has been paid; it can be refunded but not cancelled.", "id");
  }
  if (order.status === "PAYMENT_PENDING" && (await paymentOf(ctx, order.id))?.status === "SUCCEEDED") {
    throw badUserInput("This order has been paid; it can be refunded but not cancelled.", "id");
  }
  await releaseStock(ctx, order.id);
  const cancelled = await ctx.db.transaction((tx) =>
    transition(tx, order, "CANCELLED", { note: "Cancelled by the customer" }),
  );
  ctx.deps.relay.nudge();
  if (!cancelled) throw badUserInput("The order changed while cancelling it; look at it again.", "id");
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
  const viewer = requireViewer(ctx.viewer);
  const order = await ctx.loaders.orderById.load(orderId);
  if (!order) throw notFound("Order");
  if (viewer.role !== "ADMIN" && viewer.userId !== order.userId) {
    throw forbidden("Only the customer who placed this order can follow it.");
  }
  if (afterSequence != null && (!Number.isInteger(afterSequence) || afterSequence < 0)) {
    throw badUserInput("afterSequence must be a whole number, 0 or more.", "afterSequence");
  }
  // Without a starting point the subscriber wants what happens from now on.
  return ctx.live.forOrder(order, afterSequence ?? order.sequence);
}

export function followMyOrders(ctx: OrdersContext) {
  return ctx.live.forUser(requireViewer(ctx.viewer).userId);
}
