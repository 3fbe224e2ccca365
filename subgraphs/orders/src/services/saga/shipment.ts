import type { Envelope } from "@storefront/platform/bus";
import { createMessage } from "@storefront/platform/messages";
import type { OrderLineRow, OrderRow } from "../../db/schema";

/**
 * The request for a paid order's shipment. It goes into the outbox in the transaction that marks
 * the order PAID, so every paid order gets exactly one shipment request.
 */
export function shipmentRequest(order: OrderRow, lines: OrderLineRow[]): Envelope {
  return createMessage("orders.shipment-requested.v1", {
    orderId: order.id,
    userId: order.userId,
    address: order.shippingAddress,
    shippingOptionId: order.shippingOptionId,
    lines: lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity })),
    total: { amount: order.total, currency: order.currency },
  });
}
