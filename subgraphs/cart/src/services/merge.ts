import { and, eq, isNull, sql } from "drizzle-orm";
import { requireViewer } from "@storefront/platform/auth";
import type { CartContext } from "../context";
import { cartLines, carts, MAX_LINE_QUANTITY, type CartRow } from "../db/schema";
import { onSale, type CatalogueVariant } from "./catalogue";
import { MAX_CART_LINES } from "./editing";
import { findCart, hashCartToken, lockOrCreateCart, touchCart, validCartToken } from "./carts";

/**
 * The customer's quantity after merging `incoming` guest units into `existing` ones: added, but
 * not beyond stock on hand (nor the line limit), and never below what the customer already had.
 * A line that cannot be bought at all is still moved, with its quantity, to be flagged on read:
 * the guest chose it, and dropping it silently would lose that. `undefined` means the variant
 * was not looked up (added to the guest cart during the merge): only the line limit applies,
 * and a read flags it if stock falls short.
 */
export function mergedQuantity(
  existing: number,
  incoming: number,
  variant: CatalogueVariant | null | undefined,
): number {
  const sum = Math.min(existing + incoming, MAX_LINE_QUANTITY);
  if (variant === undefined) return sum;
  if (!variant || !onSale(variant) || variant.stockOnHand <= 0) {
    return existing > 0 ? existing : Math.min(incoming, MAX_LINE_QUANTITY);
  }
  return Math.max(existing, Math.min(sum, variant.stockOnHand));
}

/**
 * Moves a guest cart into the signed-in customer's cart, in one transaction that locks the
 * customer's cart first and the guest cart second (the same order in every merge, and a guest
 * write locks only its own cart, so merges cannot deadlock). The guest cart ends MERGED and its
 * token dead. A token of no live guest cart (already merged, swept, or never issued) changes
 * nothing: merging is safe to retry, and an unknown token is not told apart from a merged one.
 */
export async function mergeGuestCart(ctx: CartContext, rawToken: string): Promise<CartRow> {
  const viewer = requireViewer(ctx.viewer);
  const token = validCartToken(rawToken, "cartToken");
  const owner = { userId: viewer.userId };

  // Read ahead of the transaction so the catalogue is asked once, outside it, for the stock
  // caps now and for pricing the merged cart afterwards.
  const [guest, own] = await Promise.all([findCart(ctx.db, { guestToken: token }), findCart(ctx.db, owner)]);
  const known = await Promise.all(
    [guest, own].flatMap((cart) => (cart ? [ctx.loaders.linesByCartId.load(cart.id)] : [])),
  );
  const variants = guest
    ? await ctx.loaders.variants(known.flat().map((line) => line.variantId))
    : new Map<string, CatalogueVariant | null>();

  const cart = await ctx.db.transaction(async (tx) => {
    const { cart: target } = await lockOrCreateCart(tx, owner);
    const [source] = await tx
      .select()
      .from(carts)
      .where(and(eq(carts.tokenHash, hashCartToken(token)), isNull(carts.userId)))
      .for("update");
    if (!source || source.status !== "ACTIVE") return target;
    if (source.currency && target.currency && source.currency !== target.currency) {
      // One currency per cart: the guest's lines stay where they are rather than being lost.
      ctx.log.warn(
        { cartId: target.id, guestCartId: source.id },
        "guest cart not merged: its currency differs from the customer's cart",
      );
      return target;
    }
    const guestLines = await tx.select().from(cartLines).where(eq(cartLines.cartId, source.id));
    const ownLines = await tx.select().from(cartLines).where(eq(cartLines.cartId, target.id));
    const existing = new Map(ownLines.map((line) => [line.variantId, line.quantity]));
    const lineCount = new Set([...existing.keys(), ...guestLines.map((line) => line.variantId)]).size;
    if (lineCount > MAX_CART_LINES) {
      // A cart holds at most MAX_CART_LINES items (one catalogue lookup must price it): as with
      // a currency clash, the guest's lines stay where they are rather than some being lost.
      ctx.log.warn(
        { cartId: target.id, guestCartId: source.id, lineCount },
        "guest cart not merged: together the carts hold too many different items",
      );
      return target;
    }
    if (guestLines.length) {
      await tx
        .insert(cartLines)
        .values(
          guestLines.map((line) => ({
            cartId: target.id,
            variantId: line.variantId,
            quantity: mergedQuantity(
              existing.get(line.variantId) ?? 0,
              line.quantity,
              variants.get(line.variantId),
            ),
          })),
        )
        .onConflictDoUpdate({
          target: [cartLines.cartId, cartLines.variantId],
          set: { quantity: sql`excluded.quantity`, updatedAt: sql`now()` },
        });
      await tx.delete(cartLines).where(eq(cartLines.cartId, source.id));
    }
    await tx
      .update(carts)
      .set({ status: "MERGED", currency: null, updatedAt: sql`now()` })
      .where(eq(carts.id, source.id));
    return touchCart(tx, target.id, source.currency ?? undefined);
  });
  ctx.loaders.forgetCart(cart.id);
  return cart;
}
