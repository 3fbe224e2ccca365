import { and, eq, isNull, sql } from "drizzle-orm";
import { requireViewer } from "@storefront/platform/auth";
import type { CartDependencies } from "../dependencies";
import type { CartRequest } from "../request";
import type { CartDatabase } from "../db";
import { cartLines, carts, type CartRow } from "../db/schema";
import type { CatalogueVariant } from "./catalogue";
import { findCart, hashCartToken, lockOrCreateCart, touchCart, validCartToken } from "./carts";
import { planGuestMerge } from "../domain/merge";

const linesOf = (tx: CartDatabase, cartId: string) =>
  tx.select().from(cartLines).where(eq(cartLines.cartId, cartId));

/**
 * Moves a guest cart into the signed-in customer's cart, in one transaction that locks the
 * customer's cart first and the guest cart second (the same order in every merge, and a guest
 * write locks only its own cart, so merges cannot deadlock). The guest cart ends MERGED and its
 * token dead. A token of no live guest cart (already merged, swept, or never issued) changes
 * nothing: merging is safe to retry, and an unknown token is not told apart from a merged one.
 */
export async function mergeGuestCart(
  deps: CartDependencies,
  request: CartRequest,
  rawToken: string,
): Promise<CartRow> {
  const viewer = requireViewer(request.viewer);
  const token = validCartToken(rawToken, "cartToken");
  const owner = { userId: viewer.userId };

  // Read ahead of the transaction so the catalogue is asked once, outside it, for the stock
  // caps now and for pricing the merged cart afterwards.
  const [guest, own] = await Promise.all([
    findCart(deps.db, { guestToken: token }),
    findCart(deps.db, owner),
  ]);
  const known = await Promise.all(
    [guest, own].flatMap((cart) => (cart ? [request.loaders.linesByCartId.load(cart.id)] : [])),
  );
  const variants = guest
    ? await request.loaders.variants(known.flat().map((line) => line.variantId))
    : new Map<string, CatalogueVariant | null>();

  const cart = await deps.db.transaction(async (tx) => {
    const { cart: target } = await lockOrCreateCart(tx, owner);
    const [source] = await tx
      .select()
      .from(carts)
      .where(and(eq(carts.tokenHash, hashCartToken(token)), isNull(carts.userId)))
      .for("update");
    const live = source?.status === "ACTIVE" ? source : undefined;
    const plan = planGuestMerge(
      live && { ...live, lines: await linesOf(tx, live.id) },
      { ...target, lines: await linesOf(tx, target.id) },
      variants,
    );
    // (`!live` repeats what NOTHING_TO_MERGE says, for the type checker.)
    if (!live || plan.kind === "NOTHING_TO_MERGE") return target;
    if (plan.kind === "REFUSED") {
      // The guest's lines stay where they are rather than being lost.
      request.log.warn(
        {
          cartId: target.id,
          guestCartId: live.id,
          ...("lineCount" in plan && { lineCount: plan.lineCount }),
        },
        plan.reason === "CURRENCY_MISMATCH"
          ? "guest cart not merged: its currency differs from the customer's cart"
          : "guest cart not merged: together the carts hold too many different items",
      );
      return target;
    }
    if (plan.lines.length) {
      await tx
        .insert(cartLines)
        .values(
          plan.lines.map((line) => ({
            cartId: target.id,
            variantId: line.variantId,
            quantity: line.quantity,
          })),
        )
        .onConflictDoUpdate({
          target: [cartLines.cartId, cartLines.variantId],
          set: { quantity: sql`excluded.quantity`, updatedAt: sql`now()` },
        });
      await tx.delete(cartLines).where(eq(cartLines.cartId, live.id));
    }
    await tx
      .update(carts)
      .set({ status: "MERGED", currency: null, updatedAt: sql`now()` })
      .where(eq(carts.id, live.id));
    return touchCart(tx, target.id, live.currency ?? undefined);
  });
  request.loaders.forgetCart(cart.id);
  return cart;
}
