import { randomUUID } from "node:crypto";
import { orderStatuses, shipmentStatuses } from "@storefront/contracts/enums";
import { z } from "zod";
import { PermanentMessageError, type Envelope } from "./bus/types";

/**
 * Every message the platform's services exchange, by type, with its payload schema. The type is
 * also the routing key; its last word is the version. A change that would break a consumer is a
 * new version (a new entry), published alongside the old one until every consumer has moved.
 */
const money = z.object({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });

export const orderStatus = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatus>;

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
export type ShipmentStatus = z.infer<typeof shipmentStatus>;

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

/** A new envelope with a fresh id, validated against its schema before it can be stored or sent. */
export function createMessage<T extends MessageType>(
  type: T,
  payload: MessagePayload<T>,
  headers?: Record<string, string>,
): Envelope<MessagePayload<T>> {
  const parsed = messageSchemas[type].parse(payload) as MessagePayload<T>;
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    payload: parsed,
    ...(headers ? { headers } : {}),
  };
}

/**
 * Validates a received message of an expected type. A malformed one can never succeed, so it is
 * a PermanentMessageError: the bus dead-letters it instead of retrying or crashing the consumer.
 */
export function readMessage<T extends MessageType>(type: T, message: Envelope): MessagePayload<T> {
  if (message.type !== type) throw new PermanentMessageError(`expected ${type}, got ${message.type}`);
  const result = messageSchemas[type].safeParse(message.payload);
  if (!result.success) {
    throw new PermanentMessageError(
      `malformed ${type}: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  return result.data as MessagePayload<T>;
}
