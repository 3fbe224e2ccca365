import { and, desc, eq } from "drizzle-orm";
import { requireViewer } from "@storefront/platform/auth";
import { badUserInput, notFound } from "@storefront/platform/errors";
import { newestFirst } from "@storefront/platform/keyset";
import { pageSize, toConnection, type Connection } from "@storefront/platform/pagination";
import { assertOwnerOrAdmin, canSee as ownerAdminOrService } from "@storefront/platform/visibility";
import type { OrdersDependencies } from "../dependencies";
import { orders, type OrderRow } from "../db/schema";
import type { OrdersRequest } from "../request";

/** Orders are private: their owner, administrators and platform services may see them. */
export function canSee(request: OrdersRequest, order: OrderRow): boolean {
  return ownerAdminOrService(request, order.userId);
}

export async function visibleOrder(request: OrdersRequest, id: string): Promise<OrderRow | null> {
  const order = await request.loaders.orderById.load(id);
  return order && canSee(request, order) ? order : null;
}

export async function ordersOf(
  deps: Pick<OrdersDependencies, "db">,
  request: OrdersRequest,
  userId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<OrderRow>> {
  assertOwnerOrAdmin(request.viewer, userId, "Only this user and administrators can see these orders.");
  const limit = pageSize(args.first);
  const rows = await deps.db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), newestFirst.after(orders, args.after)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  for (const row of rows) request.loaders.orderById.prime(row.id, row);
  return toConnection(rows, limit, newestFirst.cursorOf);
}

/**
 * Live changes of one order. Only its owner and administrators may follow it: anyone else gets
 * FORBIDDEN, and an order that does not exist NOT_FOUND.
 */
export async function followOrder(
  deps: Pick<OrdersDependencies, "live">,
  request: OrdersRequest,
  orderId: string,
  afterSequence: number | null | undefined,
) {
  requireViewer(request.viewer);
  const order = await request.loaders.orderById.load(orderId);
  if (!order) throw notFound("Order");
  assertOwnerOrAdmin(request.viewer, order.userId, "Only the customer who placed this order can follow it.");
  if (afterSequence != null && (!Number.isInteger(afterSequence) || afterSequence < 0)) {
    throw badUserInput("afterSequence must be a whole number, 0 or more.", "afterSequence");
  }
  // Without a starting point the subscriber wants what happens from now on.
  return deps.live.forOrder(order, afterSequence ?? order.sequence);
}

export function followMyOrders(deps: Pick<OrdersDependencies, "live">, request: OrdersRequest) {
  return deps.live.forUser(requireViewer(request.viewer).userId);
}
