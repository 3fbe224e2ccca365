import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { type Logger } from "@storefront/platform/logger";
import { type MessageHandler } from "@storefront/platform/bus";
import { handleOnce } from "@storefront/platform/inbox";
import { readMessage } from "@storefront/platform/messages";
import { type Outbox, type OutboxRelay } from "@storefront/platform/outbox";
import type { ShippingDatabase } from "../db";
import { inbox, shipmentEvents, shipments, type ShipmentRow } from "../db/schema";
import { addBusinessDays, serviceForShipment, type CarrierService, type Shop } from "./rates";
import { defaultNote, statusChangedMessage } from "./transitions";
import type { MessagePayload } from "@storefront/contracts/events";

type ShipmentRequest = MessagePayload<"orders.shipment-requested.v1">;

/** Chances to draw a tracking number nobody has before giving up (a collision is ~1e-12). */
const TRACKING_ATTEMPTS = 5;

export function trackingNumber(service: CarrierService): string {
  let digits = "";
  for (let i = 0; i < service.tracking.digits; i++) digits += randomInt(10).toString();
  return `${service.tracking.prefix}${digits}`;
}

/**
 * Creates the order's shipment with its first event and status message, in the caller's
 * transaction and its outbox. The insert does nothing on any unique conflict: when the order already has a
 * shipment (another request for it, perhaps with another message id, committed first — a
 * concurrent one is waited for by the unique index) the result is undefined and nothing is
 * written; when only the tracking number collided, another is drawn.
 */
export async function createShipment(
  tx: ShippingDatabase,
  outbox: Outbox,
  request: ShipmentRequest,
  shop: Shop,
  log: Logger,
): Promise<ShipmentRow | undefined> {
  const { service, days, fallback } = serviceForShipment(
    request.shippingOptionId,
    request.address.country,
    shop,
  );
  if (fallback) {
    log.warn(
      { orderId: request.orderId, shippingOptionId: request.shippingOptionId, used: service.id },
      "unknown shipping option in a shipment request; shipping with the cheapest standard service",
    );
  }
  for (let attempt = 0; attempt < TRACKING_ATTEMPTS; attempt++) {
    const now = new Date();
    const [shipment] = await tx
      .insert(shipments)
      .values({
        orderId: request.orderId,
        userId: request.userId,
        optionId: service.id,
        carrier: service.carrier,
        service: service.service,
        trackingNumber: trackingNumber(service),
        address: request.address,
        estimatedDeliveryAt: addBusinessDays(now, days.max),
      })
      .onConflictDoNothing()
      .returning();
    if (shipment) {
      const note = defaultNote(shipment, "LABEL_CREATED");
      await tx.insert(shipmentEvents).values({
        shipmentId: shipment.id,
        status: "LABEL_CREATED",
        sequence: 1,
        note,
        at: shipment.createdAt,
      });
      await outbox.enqueue(statusChangedMessage(shipment, note));
      return shipment;
    }
    const [existing] = await tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(eq(shipments.orderId, request.orderId));
    if (existing) return undefined;
  }
  throw new Error(`no free tracking number after ${TRACKING_ATTEMPTS} attempts`);
}

/**
 * The consumer of `orders.shipment-requested.v1`. A malformed request throws
 * PermanentMessageError (from readMessage) and is dead-lettered at once; a database failure
 * throws as it is, so the message is redelivered until the delivery limit. The message is
 * recorded in the inbox in the transaction that creates the shipment, and the bus acks it only
 * once that has committed.
 */
export function shipmentRequestHandler(deps: {
  db: ShippingDatabase;
  relay: OutboxRelay;
  shop: Shop;
  log: Logger;
}): MessageHandler {
  return async (message) => {
    const request = readMessage("orders.shipment-requested.v1", message);
    await handleOnce(
      deps.db,
      inbox,
      message,
      async (tx, outbox) => {
        const shipment = await createShipment(tx, outbox, request, deps.shop, deps.log);
        deps.log.info(
          { orderId: request.orderId, messageId: message.id, shipmentId: shipment?.id },
          shipment ? "shipment created" : "order already has a shipment; request ignored",
        );
      },
      deps.relay,
    );
  };
}
