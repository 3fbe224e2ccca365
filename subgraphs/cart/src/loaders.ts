import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import { groupBy } from "@storefront/platform/collections";
import { tracedBatch } from "@storefront/platform/tracing";
import type { CartDatabase } from "./db";
import { cartLines, type CartLineRow, type CartRow } from "./db/schema";
import type { CatalogueVariant, VariantLookup } from "./services/catalogue";
import { priceCart, type CartView } from "./domain/pricing";

/** Resolves every key or throws the first failure (DataLoader's loadMany returns errors in place). */
async function loadAll<K, V>(loader: DataLoader<K, V, unknown>, keys: readonly K[]): Promise<V[]> {
  const results = await loader.loadMany(keys);
  for (const result of results) if (result instanceof Error) throw result;
  return results as V[];
}

/**
 * Per-request loaders. The catalogue is asked once per request for every variant the request
 * touches: a mutation loads its cart's variants and the one being added together before writing,
 * which primes `variantById` for rendering the cart afterwards.
 */
export function createLoaders(db: CartDatabase, lookupVariants: VariantLookup, requestId: string) {
  const variantById = new DataLoader<string, CatalogueVariant | null>(
    tracedBatch("variantById", (ids) => lookupVariants(ids, requestId)),
    {
      // One HTTP request per batch; the catalogue caps nothing, but a cart is at most 100 lines.
      maxBatchSize: 500,
    },
  );
  const linesByCartId = new DataLoader<string, CartLineRow[]>(
    tracedBatch("linesByCartId", async (cartIds) => {
      const rows = await db
        .select()
        .from(cartLines)
        .where(inArray(cartLines.cartId, [...cartIds]))
        .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
      const groups = groupBy(rows, (row) => row.cartId);
      return cartIds.map((id) => groups.get(id) ?? []);
    }),
  );
  /**
   * Every field of a cart and its lines reads this one view, so however the selection is shaped
   * (lines, subtotal, readyForCheckout …) the lines are read once and the catalogue asked once.
   */
  const cartView = new DataLoader<CartRow, CartView, string>(
    tracedBatch("cartView", async (carts) => {
      const lineLists = await loadAll(
        linesByCartId,
        carts.map((cart) => cart.id),
      );
      const variantIds = [...new Set(lineLists.flat().map((line) => line.variantId))];
      const variants = await loadAll(variantById, variantIds);
      const byId = new Map(variantIds.map((id, index) => [id, variants[index] ?? null]));
      return carts.map((cart, index) => priceCart(cart, lineLists[index]!, byId));
    }),
    { cacheKeyFn: (cart) => cart.id },
  );
  return {
    variantById,
    linesByCartId,
    cartView,
    /** Loads variants (one catalogue call for all of them) as a map by id. */
    async variants(ids: readonly string[]): Promise<Map<string, CatalogueVariant | null>> {
      const unique = [...new Set(ids)];
      const found = await loadAll(variantById, unique);
      return new Map(unique.map((id, index) => [id, found[index] ?? null]));
    },
    /** After a write: the cart's lines and view are read again; catalogue data is kept. */
    forgetCart(cartId: string) {
      linesByCartId.clear(cartId);
      cartView.clear({ id: cartId } as CartRow);
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
