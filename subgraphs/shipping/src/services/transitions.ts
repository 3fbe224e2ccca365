import { and, eq, sql } from "drizzle-orm";
import { type Envelope } from "@storefront/platform/bus";
import { createMessage } from "@storefront/platform/messages";
import { type Outbox } from "@storefront/platform/outbox";
import type { ShippingDatabase } from "../db";
import { shipmentEvents, shipments, type ShipmentRow, type ShipmentStatus } from "../db/schema";

/** The normal path; EXCEPTION is a detour that the next advance leaves. */
const NEXT: Partial<Record<ShipmentStatus, ShipmentStatus>> = {
  LABEL_CREATED: "IN_TRANSIT",
  IN_TRANSIT: "OUT_FOR_DELIVERY",
  OUT_FOR_DELIVERY: "DELIVERED",
};

/** Statuses a shipment is still moving in (what the simulated carrier advances). */
export const MOVING_STATUSES: ShipmentStatus[] = ["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY"];

/**
 * Where an advance takes a shipment: the step after its last normal status, which after an
 * exception is the step after the one it was held at. Undefined once delivered.
 */
export function nextStatus(shipment: Pick<ShipmentRow, "status" | "progress">): ShipmentStatus | undefined {
  return shipment.status === "DELIVERED" ? undefined : NEXT[shipment.progress];
}

export function statusChangedMessage(shipment: ShipmentRow, note: string | null): Envelope {
  return createMessage("shipping.shipment-status-changed.v1", {
    shipmentId: shipment.id,
    orderId: shipment.orderId,
    status: shipment.status,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    sequence: shipment.sequence,
    note,
    changedAt: shipment.updatedAt.toISOString(),
  });
}

/**
 * Moves a shipment to `to` in the caller's transaction: the status, one event row and one
 * status message in the transaction's outbox, together or not at all. The update is conditional on the
 * status and sequence the caller read, so of two racing changes exactly one wins; the loser
 * gets undefined and nothing is written for it.
 */
export async function changeStatus(
  tx: ShippingDatabase,
  outbox: Outbox,
  shipment: ShipmentRow,
  to: ShipmentStatus,
  note: string | null,
): Promise<ShipmentRow | undefined> {
  const exception = to === "EXCEPTION";
  const [updated] = await tx
    .update(shipments)
    .set({
      status: to,
      progress: exception ? shipment.progress : to,
      exceptionReason: exception ? note : null,
      sequence: shipment.sequence + 1,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(shipments.id, shipment.id),
        eq(shipments.status, shipment.status),
        eq(shipments.sequence, shipment.sequence),
      ),
    )
    .returning();
  if (!updated) return undefined;
  await tx
    .insert(shipmentEvents)
    .values({ shipmentId: updated.id, status: to, sequence: updated.sequence, note, at: updated.updatedAt });
  await outbox.enqueue(statusChangedMessage(updated, note));
  return updated;
}

/** What a carrier scan says at each step, when the admin gives no note. */
export function defaultNote(shipment: Pick<ShipmentRow, "carrier">, to: ShipmentStatus): string {
  switch (to) {
    case "LABEL_CREATED":
      return `Shipping label created with ${shipment.carrier}`;
    case "IN_TRANSIT":
      return `Picked up by ${shipment.carrier}`;
    case "OUT_FOR_DELIVERY":
      return "Out for delivery";
    case "DELIVERED":
      return "Delivered";
    case "EXCEPTION":
      return "Delivery exception";
  }
}
