import {
  and,
  asc,
  desc,
  eq,
  exists,
  getTableColumns,
  gte,
  inArray,
  like,
  lte,
  sql,
  type SQL,
} from "drizzle-orm";
import { badUserInput } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Connection,
} from "@storefront/platform/pagination";
import { isAdmin } from "@storefront/platform/visibility";
import type { CatalogueDependencies } from "../dependencies";
import type { CatalogueRequest } from "../request";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { categories, products, stockLevels, variants, type CategoryRow } from "../db/schema";
import { primeProducts, productColumns, type ProductRecord } from "../loaders";

import type {
  ProductFilter,
  ProductSort,
  QueryCategoryArgs,
  QueryProductArgs,
  QueryProductsArgs,
} from "../generated/resolvers";

export type { ProductFilter, ProductSort };
export type ProductPageArgs = QueryProductsArgs;

type Ranked = ProductRecord & { sortKey: string | number };

/**
 * How each sort orders rows and what its keyset cursor holds. The key is compared as a row
 * `(key, id)` against the cursor, so every sort pages in a stable total order and rows inserted
 * while someone pages never make another row appear twice or go missing.
 */
function ordering(
  sort: ProductSort,
  rank: SQL<number> | undefined,
): {
  /** What rows are ordered and compared by. */
  by: SQL | AnyPgColumn;
  /** The same value as the cursor stores it (timestamps as ISO text with milliseconds). */
  key: SQL<string | number>;
  cast: "real" | "integer" | "timestamptz";
  direction: "asc" | "desc";
} {
  const price = sql<number>`${products.priceAmount}`;
  switch (sort) {
    case "RELEVANCE":
      if (!rank) throw new Error("relevance needs a search query");
      return { by: rank, key: rank, cast: "real", direction: "desc" };
    case "PRICE_ASC":
      return { by: products.priceAmount, key: price, cast: "integer", direction: "asc" };
    case "PRICE_DESC":
      return { by: products.priceAmount, key: price, cast: "integer", direction: "desc" };
    case "RATING": {
      const rating = sql<number>`coalesce(${products.averageRating}, -1)`;
      return { by: rating, key: rating, cast: "real", direction: "desc" };
    }
    case "NEWEST":
      return {
        by: products.createdAt,
        key: sql<string>`to_char(${products.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        cast: "timestamptz",
        direction: "desc",
      };
  }
}

function validatePrices(filter: ProductFilter) {
  for (const field of ["minPrice", "maxPrice"] as const) {
    const value = filter[field];
    if (value !== null && value !== undefined && value < 0)
      throw badUserInput(`${field} must not be negative.`, `filter.${field}`);
  }
  if (filter.minPrice != null && filter.maxPrice != null && filter.minPrice > filter.maxPrice) {
    throw badUserInput("minPrice must not be greater than maxPrice.", "filter.minPrice");
  }
}

/** Active products matching the filter, one page, in one SQL statement. */
export async function findProducts(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  args: ProductPageArgs,
): Promise<Connection<ProductRecord>> {
  const filter = args.filter ?? {};
  validatePrices(filter);
  const limit = pageSize(args.first);
  const text = filter.query?.trim() ? filter.query.trim().slice(0, 200) : undefined;
  const tsQuery = text ? sql`websearch_to_tsquery('english', ${text})` : undefined;
  const rank = tsQuery ? sql<number>`ts_rank(${products.search}, ${tsQuery})` : undefined;
  const requested = args.sort ?? "RELEVANCE";
  const sort = requested === "RELEVANCE" && !rank ? "NEWEST" : requested;
  const order = ordering(sort, rank);

  const conditions: (SQL | undefined)[] = [eq(products.status, "ACTIVE")];
  if (tsQuery) conditions.push(sql`${products.search} @@ ${tsQuery}`);
  if (filter.categoryId != null) {
    if (!isUuid(filter.categoryId)) return toConnection<ProductRecord>([], limit, () => "");
    const subtree = deps.db
      .select({ id: categories.id })
      .from(categories)
      .where(
        like(
          categories.path,
          sql`(select ${categories.path} from ${categories} where ${categories.id} = ${filter.categoryId}) || '%'`,
        ),
      );
    conditions.push(inArray(products.categoryId, subtree));
  }
  if (filter.minPrice != null) conditions.push(gte(products.priceAmount, filter.minPrice));
  if (filter.maxPrice != null) conditions.push(lte(products.priceAmount, filter.maxPrice));
  if (filter.inStock) {
    conditions.push(
      exists(
        deps.db
          .select({ one: sql`1` })
          .from(variants)
          .innerJoin(stockLevels, eq(stockLevels.variantId, variants.id))
          .where(
            and(
              eq(variants.productId, products.id),
              eq(variants.status, "ACTIVE"),
              sql`${stockLevels.onHand} > 0`,
            ),
          ),
      ),
    );
  }
  if (args.after) {
    const [cursorSort, key, id] = decodeCursor(args.after);
    if (cursorSort !== sort || typeof id !== "string" || !isUuid(id) || key === undefined) {
      throw badUserInput("The cursor does not belong to this list.", "after");
    }
    const comparison = order.direction === "desc" ? sql.raw("<") : sql.raw(">");
    conditions.push(
      sql`(${order.by}, ${products.id}) ${comparison} (${key}::${sql.raw(order.cast)}, ${id}::uuid)`,
    );
  }

  const direction = order.direction === "desc" ? desc : asc;
  // The category comes along in the same statement: listings nearly always show it, and this
  // keeps a page of products with category, variants and reviews at three statements.
  const rows = await deps.db
    .select({ product: { ...productColumns, sortKey: order.key }, category: getTableColumns(categories) })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(and(...conditions))
    .orderBy(direction(order.by), direction(products.id))
    .limit(limit + 1);
  for (const { category } of rows) if (category) request.loaders.categoryById.prime(category.id, category);
  const page = rows.map((row) => row.product);
  primeProducts(request.loaders, page);
  return toConnection<Ranked>(page, limit, (row) => encodeCursor([sort, row.sortKey, row.id]));
}

/** Active products only, unless an administrator asks. */
export const visibleTo = (request: CatalogueRequest, product: ProductRecord | null) =>
  product && (product.status === "ACTIVE" || isAdmin(request.viewer)) ? product : null;

export async function findProduct(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  args: QueryProductArgs,
) {
  if ((args.id == null) === (args.slug == null))
    throw badUserInput("Give exactly one of id and slug.", args.id != null ? "slug" : "id");
  // An empty or malformed id is an unknown id: the loader answers null without asking the database.
  if (args.id != null) return visibleTo(request, await request.loaders.productById.load(args.id));
  const [row] = await deps.db.select(productColumns).from(products).where(eq(products.slug, args.slug!));
  return visibleTo(request, row ?? null);
}

export async function rootCategories(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
): Promise<CategoryRow[]> {
  const rows = await deps.db
    .select()
    .from(categories)
    .where(sql`${categories.parentId} is null`)
    .orderBy(asc(categories.position), asc(categories.name));
  for (const row of rows) request.loaders.categoryById.prime(row.id, row);
  return rows;
}

export async function findCategory(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  args: QueryCategoryArgs,
) {
  if ((args.id == null) === (args.slug == null))
    throw badUserInput("Give exactly one of id and slug.", args.id != null ? "slug" : "id");
  if (args.id != null) return request.loaders.categoryById.load(args.id);
  const [row] = await deps.db.select().from(categories).where(eq(categories.slug, args.slug!));
  return row ?? null;
}
