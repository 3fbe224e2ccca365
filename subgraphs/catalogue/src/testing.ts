/**
 * Fixtures for tests of any workspace that need products in a catalogue database (the
 * `@storefront/catalogue/testing` entry; never imported by running code). Stock is given through
 * the ledger, so on hand always equals the sum of movements, as in a real catalogue.
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { CatalogueDatabase } from "./db";
import { products, stockLevels, stockMovements, variants } from "./db/schema";
import { recordMovement } from "./services/stock";

export interface ProductFixture {
  name?: string;
  description?: string;
  /** The product's listed price in minor units; variants default to it. */
  priceAmount?: number;
  currency?: string;
  categoryId?: string | null;
  createdAt?: Date;
  variants?: { stock: number; priceAmount?: number }[];
}

/** A product with its variants (one holding 10 units unless told otherwise). */
export async function insertProduct(db: CatalogueDatabase, options: ProductFixture = {}) {
  const sku = `FIX-${randomBytes(5).toString("hex")}`.toUpperCase();
  const currency = options.currency ?? "USD";
  const [product] = await db
    .insert(products)
    .values({
      sku,
      slug: sku.toLowerCase(),
      name: options.name ?? `Product ${sku}`,
      description: options.description ?? "",
      priceAmount: options.priceAmount ?? 1000,
      currency,
      categoryId: options.categoryId ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  const variantRows = [];
  for (const [index, spec] of (options.variants ?? [{ stock: 10 }]).entries()) {
    const [variant] = await db
      .insert(variants)
      .values({
        productId: product!.id,
        sku: `${sku}-${index}`,
        name: `Variant ${index}`,
        priceAmount: spec.priceAmount ?? product!.priceAmount,
        currency,
        position: index,
      })
      .returning();
    await db.insert(stockLevels).values({ variantId: variant!.id, onHand: spec.stock });
    if (spec.stock > 0) {
      await db
        .insert(stockMovements)
        .values({ variantId: variant!.id, kind: "RECEIPT", quantity: spec.stock, note: "fixture" });
    }
    variantRows.push(variant!);
  }
  return { product: product!, variants: variantRows };
}

/** One product with one variant holding `stock` units; the variant is what carts and orders use. */
export async function insertVariant(
  db: CatalogueDatabase,
  options: { stock: number; priceAmount?: number; name?: string; currency?: string },
) {
  const {
    product,
    variants: [variant],
  } = await insertProduct(db, {
    ...(options.name ? { name: options.name } : {}),
    ...(options.currency ? { currency: options.currency } : {}),
    priceAmount: options.priceAmount ?? 2500,
    variants: [{ stock: options.stock }],
  });
  return { id: variant!.id, sku: variant!.sku, productId: product.id, productName: product.name };
}

/** On hand as kept (the running total) and as the ledger sums it: the two must always agree. */
export async function stockOf(db: CatalogueDatabase, variantId: string) {
  const [level] = await db.select().from(stockLevels).where(eq(stockLevels.variantId, variantId));
  const [ledger] = await db
    .select({ sum: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)`.mapWith(Number) })
    .from(stockMovements)
    .where(eq(stockMovements.variantId, variantId));
  return { onHand: level?.onHand ?? 0, ledger: ledger?.sum ?? 0 };
}

/** Sets a variant's stock on hand through the ledger (one ADJUSTMENT), as a stock count would. */
export async function setStockOnHand(db: CatalogueDatabase, variantId: string, onHand: number) {
  const { onHand: current } = await stockOf(db, variantId);
  if (onHand === current) return;
  await recordMovement(db, { variantId, kind: "ADJUSTMENT", quantity: onHand - current, note: "fixture" });
}

/**
 * Deletes a variant outright, as if it had never been in the catalogue. It exists for other
 * services' tests (a cart line whose variant the catalogue no longer knows): the catalogue's
 * public API deliberately cannot delete a variant, only archive one, so the catalogue offers
 * this here, on its own database, rather than have those tests write into its tables.
 * Its stock level, ledger and holds go with it (the schema cascades them from the variant).
 */
export async function deleteVariant(db: CatalogueDatabase, variantId: string) {
  await db.delete(variants).where(eq(variants.id, variantId));
}
