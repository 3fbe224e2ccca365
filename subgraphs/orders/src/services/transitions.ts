import { and, eq } from "drizzle-orm";
import { type Envelope } from "@storefront/platform/bus";
import { createMessage } from "@storefront/platform/messages";
import { type Outbox } from "@storefront/platform/outbox";
import type { OrdersDatabase } from "../db";
import { assertTransition } from "../domain/order-status";
import { orderStatusHistory, orders, type OrderRow, type OrderStatus } from "../db/schema";

export function statusChangedMessage(order: OrderRow, previousStatus: OrderStatus | null): Envelope {
  return createMessage("orders.order-status-changed.v1", {
    orderId: order.id,
    userId: order.userId,
    status: order.status,
    previousStatus,
    sequence: order.sequence,
    changedAt: order.updatedAt.toISOString(),
  });
}

/**
 * Moves an order from `from` to `to` in the caller's transaction: the status, one history row
 * and one status event in the transaction's outbox, together or not at all. The update is conditional on the
 * current status, so of two racing transitions exactly one wins; the loser gets undefined.
 */
export async function transition(
  tx: OrdersDatabase,
  outbox: Outbox,
  order: OrderRow,
  to: OrderStatus,
  details: {
    note?: string;
    failureCode?: string;
    failureMessage?: string;
    paymentId?: string;
    messages?: Envelope[];
  } = {},
): Promise<OrderRow | undefined> {
  assertTransition(order.id, order.status, to);
  const [updated] = await tx
    .update(orders)
    .set({
      status: to,
      sequence: order.sequence + 1,
      updatedAt: new Date(),
      ...(details.failureCode
        ? { failureCode: details.failureCode, failureMessage: details.failureMessage ?? null }
        : {}),
      ...(details.paymentId ? { paymentId: details.paymentId } : {}),
    })
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status), eq(orders.sequence, order.sequence)))
    .returning();
  if (!updated) return undefined;
  await tx
    .insert(orderStatusHistory)
    .values({ orderId: order.id, status: to, sequence: updated.sequence, note: details.note ?? null });
  await outbox.enqueue(statusChangedMessage(updated, order.status), ...(details.messages ?? []));
  return updated;
}
