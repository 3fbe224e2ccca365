import { z } from "zod";
import { orderStatuses, shipmentStatuses } from "./enums";

/**
 * Every message the platform's services exchange, by type, with its payload schema. The type is
 * also the routing key; its last word is the version. A change that would break a consumer is a
 * new version (a new entry), published alongside the old one until every consumer has moved.
 * The topology names which service publishes and which consumes each type; the platform's
 * createMessage and readMessage validate against these schemas.
 */
const money = z.object({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });

/** The statuses are the shared enums (./enums), as the SDL and the databases have them. */
export const orderStatus = z.enum(orderStatuses);

export const shippingAddress = z.object({
  fullName: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/),
  phone: z.string().nullable(),
});
export type ShippingAddress = z.infer<typeof shippingAddress>;

export const shipmentStatus = z.enum(shipmentStatuses);

export const messageSchemas = {
  /** An order moved to a new status; consumed by the router's subscriptions. */
  "orders.order-status-changed.v1": z.object({
    orderId: z.string().uuid(),
    userId: z.string().uuid(),
    status: orderStatus,
    previousStatus: orderStatus.nullable(),
    /** Increases by one with every change of this order: consumers can order and de-duplicate. */
    sequence: z.number().int().positive(),
    changedAt: z.string().datetime(),
  }),
  /** A paid order is ready to ship; consumed by shipping. */
  "orders.shipment-requested.v1": z.object({
    orderId: z.string().uuid(),
    userId: z.string().uuid(),
    address: shippingAddress,
    /** The shipping option the customer chose at checkout (see shipping's `shippingOptions`). */
    shippingOptionId: z.string().min(1),
    lines: z
      .array(
        z.object({ variantId: z.string().uuid(), sku: z.string(), quantity: z.number().int().positive() }),
      )
      .min(1),
    total: money,
  }),
  /** A shipment moved to a new status; consumed by orders (SHIPPED, DELIVERED). */
  "shipping.shipment-status-changed.v1": z.object({
    shipmentId: z.string().uuid(),
    orderId: z.string().uuid(),
    status: shipmentStatus,
    carrier: z.string(),
    trackingNumber: z.string(),
    /** Increases by one with every change of this shipment. */
    sequence: z.number().int().positive(),
    /** Why, for EXCEPTION; a carrier's remark otherwise. */
    note: z.string().nullable(),
    changedAt: z.string().datetime(),
  }),
} as const;

export type MessageType = keyof typeof messageSchemas;
export type MessagePayload<T extends MessageType> = z.infer<(typeof messageSchemas)[T]>;
