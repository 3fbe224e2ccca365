import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { utcTimestamp } from "@storefront/platform/columns";
import { inboxTable } from "@storefront/platform/inbox";
import { outboxTable } from "@storefront/platform/outbox";
import { shipmentStatuses } from "@storefront/contracts/enums";
import type { ShippingAddress } from "@storefront/contracts/events";

const at = utcTimestamp;

export const shipmentStatus = pgEnum("shipment_status", shipmentStatuses);

export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Unique: however often an order's shipment is requested, it gets one shipment. */
    orderId: uuid("order_id").notNull(),
    /** The order's customer, copied from the request, so visibility needs no call to orders. */
    userId: uuid("user_id").notNull(),
    /** The shipping option the customer chose (or the fallback, when it no longer exists). */
    optionId: text("option_id").notNull(),
    carrier: text("carrier").notNull(),
    service: text("service").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    status: shipmentStatus("status").notNull().default("LABEL_CREATED"),
    /**
     * The last status on the normal path (never EXCEPTION): where an advance resumes after an
     * exception, without reading the event history.
     */
    progress: shipmentStatus("progress").notNull().default("LABEL_CREATED"),
    exceptionReason: text("exception_reason"),
    /** Grows by one with every status change; the conditional update on it decides races. */
    sequence: integer("sequence").notNull().default(1),
    address: jsonb("address").$type<ShippingAddress>().notNull(),
    estimatedDeliveryAt: at("estimated_delivery_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    /** Time of the last status change (nothing else changes a shipment). */
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("shipments_order_key").on(t.orderId),
    uniqueIndex("shipments_tracking_number_key").on(t.trackingNumber),
    index("shipments_created_idx").on(t.createdAt, t.id),
    index("shipments_status_created_idx").on(t.status, t.createdAt, t.id),
    // What the simulated carrier scans: only shipments still moving.
    index("shipments_moving_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} in ('LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY')`),
  ],
);

export const shipmentEvents = pgTable(
  "shipment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    status: shipmentStatus("status").notNull(),
    sequence: integer("sequence").notNull(),
    note: text("note"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("shipment_events_sequence_key").on(t.shipmentId, t.sequence)],
);

/** Shipment status events waiting to be published. */
export const outbox = outboxTable();
/** Shipment requests already acted on: a redelivered one changes nothing. */
export const inbox = inboxTable();

export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentEventRow = typeof shipmentEvents.$inferSelect;
export type ShipmentStatus = (typeof shipmentStatus.enumValues)[number];
