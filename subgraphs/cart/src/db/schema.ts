import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { utcTimestamp } from "@storefront/platform/columns";
import { MAX_LINE_QUANTITY } from "../domain/rules";

const at = utcTimestamp;

export const cartStatus = pgEnum("cart_status", ["ACTIVE", "MERGED"]);

/**
 * A signed-in user's cart (`user_id`) or a guest's (`token_hash`): exactly one of the two. A
 * guest is known only by the SHA-256 of their token, so a leaked database cannot be used to
 * take over guest carts. A merged guest cart keeps its row (status MERGED, no lines) until the
 * sweep removes it, so a repeated merge can tell "already merged" from a live cart.
 */
export const carts = pgTable(
  "carts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id"),
    tokenHash: text("token_hash"),
    status: cartStatus("status").notNull().default("ACTIVE"),
    /**
     * The currency of every line, set by the first line added and cleared when the cart empties:
     * one currency per cart, checked under the cart's row lock.
     */
    currency: text("currency"),
    createdAt: at("created_at").notNull().defaultNow(),
    /** Last change to the cart or its lines; guest carts idle past the TTL are swept by it. */
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("carts_user_key")
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("carts_token_hash_key")
      .on(t.tokenHash)
      .where(sql`${t.tokenHash} is not null`),
    index("carts_guest_updated_idx")
      .on(t.updatedAt)
      .where(sql`${t.userId} is null`),
    check("carts_one_owner", sql`(${t.userId} is null) <> (${t.tokenHash} is null)`),
    check("carts_user_carts_active", sql`${t.userId} is null or ${t.status} = 'ACTIVE'`),
    check("carts_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** One line per variant per cart; quantities beyond the line limit cannot be stored at all. */
export const cartLines = pgTable(
  "cart_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    /** A `ProductVariant` of the catalogue subgraph. */
    variantId: uuid("variant_id").notNull(),
    quantity: integer("quantity").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cart_lines_cart_variant_key").on(t.cartId, t.variantId),
    check(
      "cart_lines_quantity_range",
      sql`${t.quantity} between 1 and ${sql.raw(String(MAX_LINE_QUANTITY))}`,
    ),
  ],
);

/**
 * Orders whose items have been taken out of a cart: `completeCheckout` is idempotent on the
 * order id because a repeat finds its row here (written in the same transaction as the change).
 */
export const completedCheckouts = pgTable("completed_checkouts", {
  orderId: uuid("order_id").primaryKey(),
  cartId: uuid("cart_id").notNull(),
  completedAt: at("completed_at").notNull().defaultNow(),
});

export type CartRow = typeof carts.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;
