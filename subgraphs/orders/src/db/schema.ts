import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { utcTimestamp } from "@storefront/platform/columns";
import { inboxTable } from "@storefront/platform/inbox";
import { outboxTable } from "@storefront/platform/outbox";
import { orderStatuses } from "@storefront/contracts/enums";
import type { ShippingAddress } from "@storefront/contracts/events";

const at = utcTimestamp;

export const orderStatus = pgEnum("order_status", orderStatuses);

export const orders = pgTable(
  "orders",
  {
    /** Chosen before anything else happens: it is also the stock reservation id and the payment idempotency key. */
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    /** The client's checkout key: the same key again returns this order. */
    idempotencyKey: text("idempotency_key").notNull(),
    status: orderStatus("status").notNull().default("PENDING"),
    /** Grows by one with every status change; events carry it so consumers can order them. */
    sequence: integer("sequence").notNull().default(1),
    currency: text("currency").notNull(),
    subtotal: integer("subtotal").notNull(),
    shippingTotal: integer("shipping_total").notNull().default(0),
    total: integer("total").notNull(),
    shippingAddress: jsonb("shipping_address").$type<ShippingAddress>().notNull(),
    /** The shipping option chosen at checkout; priced by the shipping subgraph then. */
    shippingOptionId: text("shipping_option_id").notNull(),
    cartId: uuid("cart_id"),
    paymentId: uuid("payment_id"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check(
      "orders_totals_add_up",
      sql`${t.subtotal} >= 0 and ${t.shippingTotal} >= 0 and ${t.total} = ${t.subtotal} + ${t.shippingTotal}`,
    ),
    uniqueIndex("orders_idempotency_key").on(t.userId, t.idempotencyKey),
    index("orders_user_idx").on(t.userId, t.createdAt, t.id),
    index("orders_in_flight_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} in ('PENDING', 'PAYMENT_PENDING')`),
  ],
);

/** Price snapshot: what the customer was charged for, whatever the catalogue says later. */
export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id").notNull(),
    productId: uuid("product_id").notNull(),
    sku: text("sku").notNull(),
    productName: text("product_name").notNull(),
    variantName: text("variant_name").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    check("order_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("order_lines_unit_price_not_negative", sql`${t.unitPrice} >= 0`),
    index("order_lines_order_idx").on(t.orderId, t.position),
  ],
);

export const orderStatusHistory = pgTable(
  "order_status_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    status: orderStatus("status").notNull(),
    sequence: integer("sequence").notNull(),
    note: text("note"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("order_status_history_sequence").on(t.orderId, t.sequence)],
);

export const outbox = outboxTable();
/** Shipment events already applied: a redelivered one changes nothing. */
export const inbox = inboxTable();

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderStatusRow = typeof orderStatusHistory.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
