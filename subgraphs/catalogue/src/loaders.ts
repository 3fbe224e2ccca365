import DataLoader from "dataloader";
import { asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { groupBy } from "@storefront/platform/collections";
import { isUuid } from "@storefront/platform/ids";
import { tracedBatch } from "@storefront/platform/tracing";
import type { CatalogueDatabase } from "./db";
import {
  categories,
  products,
  reviews,
  stockLevels,
  variants,
  type CategoryRow,
  type ProductRow,
  type ReviewRow,
  type VariantRow,
} from "./db/schema";

export type VariantWithStock = VariantRow & { stockOnHand: number };

/** Every product column but the search vector, which only the database needs. */
const { search: _search, ...productColumns } = getTableColumns(products);
export { productColumns };
export type ProductRecord = Omit<ProductRow, "search">;

/** A batch of rows by id, in the order the keys were asked for; null for unknown ids. */
async function byIds<T extends { id: string }>(
  ids: readonly string[],
  load: (ids: string[]) => Promise<T[]>,
) {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await load(valid) : [];
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

const variantWithStock = {
  ...getTableColumns(variants),
  stockOnHand: sql<number>`coalesce(${stockLevels.onHand}, 0)`.mapWith(Number),
};

/** Per-request loaders: one SQL statement per entity kind and relation, however many are asked for. */
export function createLoaders(db: CatalogueDatabase) {
  const categoryById = new DataLoader<string, CategoryRow | null>(
    tracedBatch("categoryById", (ids) =>
      byIds(ids, (valid) => db.select().from(categories).where(inArray(categories.id, valid))),
    ),
  );
  return {
    productById: new DataLoader<string, ProductRecord | null>(
      tracedBatch("productById", (ids) =>
        byIds(ids, (valid) => db.select(productColumns).from(products).where(inArray(products.id, valid))),
      ),
    ),
    categoryById,
    categoriesByParentId: new DataLoader<string, CategoryRow[]>(
      tracedBatch("categoriesByParentId", async (parentIds) => {
        const rows = await db
          .select()
          .from(categories)
          .where(inArray(categories.parentId, [...parentIds]))
          .orderBy(asc(categories.position), asc(categories.name));
        const groups = groupBy(rows, (row) => row.parentId!);
        return parentIds.map((id) => groups.get(id) ?? []);
      }),
    ),
    variantById: new DataLoader<string, VariantWithStock | null>(
      tracedBatch("variantById", (ids) =>
        byIds(ids, (valid) =>
          db
            .select(variantWithStock)
            .from(variants)
            .leftJoin(stockLevels, eq(stockLevels.variantId, variants.id))
            .where(inArray(variants.id, valid)),
        ),
      ),
    ),
    variantsByProductId: new DataLoader<string, VariantWithStock[]>(
      tracedBatch("variantsByProductId", async (productIds) => {
        const rows = await db
          .select(variantWithStock)
          .from(variants)
          .leftJoin(stockLevels, eq(stockLevels.variantId, variants.id))
          .where(inArray(variants.productId, [...productIds]))
          .orderBy(asc(variants.position), asc(variants.createdAt));
        const groups = groupBy(rows, (row) => row.productId);
        return productIds.map((id) => groups.get(id) ?? []);
      }),
    ),
    /**
     * The first page of each product's reviews (newest first), for many products in one
     * statement: a window function numbers each product's reviews and the page is cut in SQL.
     * Later pages (with a cursor) are one product at a time and do not come through here.
     */
    firstReviewsByProduct: new DataLoader<{ productId: string; limit: number }, ReviewRow[], string>(
      tracedBatch("firstReviewsByProduct", async (keys) => {
        const limit = Math.max(...keys.map((k) => k.limit));
        const ranked = db
          .select({
            ...getTableColumns(reviews),
            rank: sql<number>`row_number() over (partition by ${reviews.productId} order by ${reviews.createdAt} desc, ${reviews.id} desc)`.as(
              "rank",
            ),
          })
          .from(reviews)
          .where(inArray(reviews.productId, [...new Set(keys.map((k) => k.productId))]))
          .as("ranked");
        const rows = await db
          .select()
          .from(ranked)
          .where(sql`${ranked.rank} <= ${limit}`)
          .orderBy(asc(ranked.productId), asc(ranked.rank));
        const groups = groupBy(rows, (row) => row.productId);
        return keys.map((k) =>
          (groups.get(k.productId) ?? []).slice(0, k.limit).map(({ rank: _rank, ...review }) => review),
        );
      }),
      { cacheKeyFn: (k) => `${k.productId}:${k.limit}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Products loaded by a list query prime the per-id loader, so entity lookups later cost nothing. */
export function primeProducts(loaders: Loaders, rows: ProductRecord[]) {
  for (const row of rows) loaders.productById.prime(row.id, row);
}
