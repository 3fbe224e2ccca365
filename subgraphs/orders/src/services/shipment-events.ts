import { eq } from "drizzle-orm";
import { type Logger } from "@storefront/platform/logger";
import { PermanentMessageError, type MessageHandler } from "@storefront/platform/bus";
import { handleOnce } from "@storefront/platform/inbox";
import { readMessage } from "@storefront/platform/messages";
import { type OutboxRelay } from "@storefront/platform/outbox";
import type { OrdersDatabase } from "../db";
import { inbox, orders, type OrderStatus } from "../db/schema";
import { deliveryStepsFrom, isInDelivery } from "../domain/order-status";
import { transition } from "./transitions";
import type { ShipmentStatus } from "@storefront/contracts/enums";

/** The order statuses a shipment status implies, in the order they are reached from PAID. */
const PATH: Partial<Record<ShipmentStatus, OrderStatus[]>> = {
  IN_TRANSIT: ["SHIPPED"],
  OUT_FOR_DELIVERY: ["SHIPPED"],
  DELIVERED: ["SHIPPED", "DELIVERED"],
};

/**
 * Moves orders along with their shipments: in transit → SHIPPED, delivered → DELIVERED. Each
 * event is applied once (inbox, same transaction as the change) and may arrive late, twice or
 * out of order: an order only ever moves forward, taking every step on the way so its history
 * has one entry per status (a DELIVERED seen first records SHIPPED, then DELIVERED).
 */
export function shipmentEventHandler(deps: {
  db: OrdersDatabase;
  relay: OutboxRelay;
  log: Logger;
}): MessageHandler {
  return async (message) => {
    const event = readMessage("shipping.shipment-status-changed.v1", message);
    const steps = PATH[event.status];
    if (!steps) return;
    await handleOnce(
      deps.db,
      inbox,
      message,
      async (tx, outbox) => {
        const [order] = await tx.select().from(orders).where(eq(orders.id, event.orderId)).for("update");
        if (!order) throw new PermanentMessageError(`shipment event for unknown order ${event.orderId}`);
        if (!isInDelivery(order.status)) {
          // A shipment for an order that was never paid would be a bug upstream; keep it visible.
          deps.log.warn(
            { orderId: order.id, orderStatus: order.status, shipmentStatus: event.status },
            "shipment event for an order that is not paid; ignored",
          );
          return;
        }
        let current = order;
        for (const status of deliveryStepsFrom(order.status, steps)) {
          const note =
            status === "SHIPPED"
              ? `With ${event.carrier}, tracking number ${event.trackingNumber}`
              : `Delivered by ${event.carrier}`;
          const moved = await transition(tx, outbox, current, status, { note });
          if (!moved) throw new Error(`order ${order.id} changed while applying a shipment event`);
          current = moved;
        }
      },
      deps.relay,
    );
  };
}
