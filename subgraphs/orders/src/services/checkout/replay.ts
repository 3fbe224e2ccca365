import { and, eq } from "drizzle-orm";
import type { OrdersDependencies } from "../../dependencies";
import { orders, type OrderRow } from "../../db/schema";
import { isCheckoutInProgress } from "../../domain/order-status";

/** The order a customer already placed with this idempotency key, if any. */
export async function existingOrder(
  deps: Pick<OrdersDependencies, "db">,
  userId: string,
  key: string,
): Promise<OrderRow | undefined> {
  const [order] = await deps.db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.idempotencyKey, key)));
  return order;
}

/**
 * A request with the same key is still working on the order (or was, before a crash): wait a
 * little for its outcome, then answer with the order as it stands.
 */
export async function settled(
  deps: Pick<OrdersDependencies, "db" | "config">,
  orderId: string,
): Promise<OrderRow> {
  const deadline = Date.now() + deps.config.checkoutReplayWaitSeconds * 1000;
  for (;;) {
    const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
    if (!order) throw new Error(`order ${orderId} vanished`);
    if (!isCheckoutInProgress(order.status) || Date.now() > deadline) return order;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
