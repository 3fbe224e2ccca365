import { sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { utcTimestamp } from "@storefront/platform/columns";
import { productStatuses, reservationStatuses, stockMovementKinds } from "@storefront/contracts/enums";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const at = utcTimestamp;

export const productStatus = pgEnum("product_status", productStatuses);
export const movementKind = pgEnum("stock_movement_kind", stockMovementKinds);
export const reservationStatus = pgEnum("reservation_status", reservationStatuses);

/**
 * A tree of categories. `path` lists the ids from the root down to this category
 * (`/<root id>/<child id>/`), so "this category and everything below it" is one prefix match.
 */
export const categories = pgTable(
  "categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): never => categories.id as never, { onDelete: "restrict" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    path: text("path").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("categories_slug_key").on(t.slug),
    index("categories_path_idx").on(t.path),
    index("categories_parent_idx").on(t.parentId),
  ],
);

export interface ProductImage {
  url: string;
  alt: string;
}

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sku: text("sku").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Price in minor units of `currency` (cents for USD); the "from" price shown in listings. */
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull(),
    images: jsonb("images").$type<ProductImage[]>().notNull().default([]),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    status: productStatus("status").notNull().default("ACTIVE"),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "restrict" }),
    /** Kept in the same transaction as every review change, so sorting by rating needs no join. */
    reviewCount: integer("review_count").notNull().default(0),
    ratingTotal: integer("rating_total").notNull().default(0),
    averageRating: real("average_rating"),
    /** Name weighs more than description in search ranking. */
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', description), 'B')`,
      ),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_sku_key").on(t.sku),
    uniqueIndex("products_slug_key").on(t.slug),
    index("products_search_idx").using("gin", t.search),
    index("products_category_idx").on(t.categoryId),
    index("products_created_idx").on(t.createdAt, t.id),
    index("products_price_idx").on(t.priceAmount, t.id),
    check("products_price_non_negative", sql`${t.priceAmount} >= 0`),
    check("products_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const variants = pgTable(
  "variants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull(),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    status: productStatus("status").notNull().default("ACTIVE"),
    position: integer("position").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("variants_sku_key").on(t.sku),
    index("variants_product_idx").on(t.productId, t.position),
    check("variants_price_non_negative", sql`${t.priceAmount} >= 0`),
  ],
);

/**
 * The ledger: every change to a variant's stock is one row. On hand (available to sell) is the
 * sum of `quantity`; reservations and sales are negative, receipts and releases positive.
 */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    variantId: uuid("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    kind: movementKind("kind").notNull(),
    quantity: integer("quantity").notNull(),
    reservationId: uuid("reservation_id"),
    note: text("note"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("stock_movements_variant_idx").on(t.variantId, t.createdAt),
    index("stock_movements_reservation_idx").on(t.reservationId),
  ],
);

/**
 * The running total of the ledger per variant, updated in the same transaction as each
 * movement. Its CHECK is what makes overselling impossible under concurrency: a conditional
 * decrement either succeeds or leaves the row untouched.
 */
export const stockLevels = pgTable(
  "stock_levels",
  {
    variantId: uuid("variant_id")
      .primaryKey()
      .references(() => variants.id, { onDelete: "cascade" }),
    onHand: integer("on_hand").notNull().default(0),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [check("stock_levels_on_hand_non_negative", sql`${t.onHand} >= 0`)],
);

/** A hold on stock for a checkout, idempotent on its id (chosen by the caller). */
export const reservations = pgTable(
  "reservations",
  {
    id: uuid("id").primaryKey(),
    status: reservationStatus("status").notNull().default("HELD"),
    lines: jsonb("lines").$type<{ variantId: string; quantity: number }[]>().notNull(),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    settledAt: at("settled_at"),
  },
  (t) => [
    index("reservations_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'HELD'`),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** A `User` of the users subgraph. */
    authorId: uuid("author_id").notNull(),
    rating: smallint("rating").notNull(),
    title: text("title"),
    body: text("body").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_one_per_author_key").on(t.productId, t.authorId),
    index("reviews_product_idx").on(t.productId, t.createdAt),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type ReservationRow = typeof reservations.$inferSelect;
export type MovementKind = (typeof movementKind.enumValues)[number];
