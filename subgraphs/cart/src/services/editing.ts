import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { notFound } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { failure, type Failure } from "@storefront/platform/result";
import { validateInput } from "@storefront/platform/validation";
import type { CartDependencies } from "../dependencies";
import type { CartRequest } from "../request";
import { cartLines, type CartRow } from "../db/schema";
import { MAX_CART_LINES, MAX_LINE_QUANTITY, onSale } from "../domain/rules";
import type {
  MutationAddToCartArgs,
  MutationClearCartArgs,
  MutationRemoveFromCartArgs,
  MutationSetCartLineQuantityArgs,
} from "../generated/resolvers";
import type { CatalogueVariant } from "./catalogue";
import { cartOwner, findCart, lockCart, lockOrCreateCart, touchCart, type CartOwner } from "./carts";

export type CartErrorCode =
  | "VARIANT_NOT_FOUND"
  | "UNAVAILABLE"
  | "INSUFFICIENT_STOCK"
  | "LINE_LIMIT_EXCEEDED"
  | "CART_FULL"
  | "CURRENCY_MISMATCH"
  | "LINE_NOT_FOUND";

/** An expected failure, reported in the payload's `error` field (the cart's schema has no result union). */
export type CartError = Failure<"CartError", CartErrorCode, { available: number | null }>;

export interface CartPayload {
  cart: CartRow | null;
  cartToken: string | null;
  error: CartError | null;
}

const cartError = (code: CartErrorCode, message: string, available: number | null = null): CartError =>
  failure("CartError", code, message, { available });

const lineNotFound = () => cartError("LINE_NOT_FOUND", "This item is not in your cart.");

/** Thrown inside a write transaction to roll it back and answer with a typed error instead. */
class Refusal extends Error {
  constructor(readonly error: CartError) {
    super(error.code);
  }
}

const variantId = z
  .string()
  .refine(isUuid, "must be a product variant id")
  .transform((id) => id.toLowerCase());
const quantity = (min: number) =>
  z
    .number()
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
const cartToken = z.string().nullish();

const addInput = z.object({ variantId, quantity: quantity(1), cartToken });
const setInput = z.object({ variantId, quantity: quantity(0), cartToken });
const removeInput = z.object({ variantId, cartToken });

/** Whether `variant` can go into a cart at all; the stock check comes later, with the total. */
function notSellable(variant: CatalogueVariant | null): CartError | null {
  if (!variant) return cartError("VARIANT_NOT_FOUND", "This item does not exist.");
  if (!onSale(variant)) return cartError("UNAVAILABLE", "This item is no longer sold.");
  return null;
}

function stockRefusal(requested: number, variant: CatalogueVariant): CartError | null {
  const onHand = Math.max(variant.stockOnHand, 0);
  if (requested > onHand) {
    return cartError(
      "INSUFFICIENT_STOCK",
      onHand === 0 ? "This item is out of stock." : `Only ${onHand} of this item can be ordered.`,
      onHand,
    );
  }
  if (requested > MAX_LINE_QUANTITY) {
    return cartError(
      "LINE_LIMIT_EXCEEDED",
      `A cart can hold at most ${MAX_LINE_QUANTITY} of one item.`,
      MAX_LINE_QUANTITY,
    );
  }
  return null;
}

/** Runs a write; a Refusal rolls it back and becomes the payload's error, with the cart as it was. */
async function write(
  request: CartRequest,
  before: CartRow | undefined,
  change: () => Promise<{ cart: CartRow; createdToken?: string | undefined }>,
): Promise<CartPayload> {
  try {
    const { cart, createdToken } = await change();
    request.loaders.forgetCart(cart.id);
    return { cart, cartToken: createdToken ?? null, error: null };
  } catch (error) {
    if (error instanceof Refusal) return { cart: before ?? null, cartToken: null, error: error.error };
    throw error;
  }
}

/**
 * Adds units to the caller's line for a variant (creating the cart and line as needed). The
 * catalogue is asked once, for this variant and every variant already in the cart, so the cart
 * returned afterwards is priced without asking again. The stock check is against the line's new
 * total, read under the cart's lock; the increment itself is an upsert adding to the stored
 * quantity with a guard, so no concurrent increment can be lost or overshoot.
 */
export async function addToCart(
  deps: CartDependencies,
  request: CartRequest,
  rawArgs: MutationAddToCartArgs,
): Promise<CartPayload> {
  const input = validateInput(addInput, rawArgs);
  const owner = cartOwner(request, input.cartToken);
  const before = await findCart(deps.db, owner);
  const lines = before ? await request.loaders.linesByCartId.load(before.id) : [];
  const variants = await request.loaders.variants([...lines.map((line) => line.variantId), input.variantId]);
  const variant = variants.get(input.variantId) ?? null;
  const refused = notSellable(variant) ?? stockRefusal(input.quantity, variant!);
  if (refused) return { cart: before ?? null, cartToken: null, error: refused };
  const { currency } = variant!.price;

  return write(request, before, () =>
    deps.db.transaction(async (tx) => {
      const { cart, createdToken } = await lockOrCreateCart(tx, owner);
      if (cart.currency && cart.currency !== currency) {
        throw new Refusal(
          cartError(
            "CURRENCY_MISMATCH",
            `This item is priced in ${currency}, the rest of your cart in ${cart.currency}.`,
          ),
        );
      }
      const [current] = await tx
        .select({ quantity: cartLines.quantity })
        .from(cartLines)
        .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.variantId, input.variantId)));
      const total = (current?.quantity ?? 0) + input.quantity;
      const refusal = stockRefusal(total, variant!);
      if (refusal) throw new Refusal(refusal);
      if (!current) {
        const [lineCount] = await tx
          .select({ n: count() })
          .from(cartLines)
          .where(eq(cartLines.cartId, cart.id));
        if ((lineCount?.n ?? 0) >= MAX_CART_LINES) {
          throw new Refusal(
            cartError("CART_FULL", `A cart can hold at most ${MAX_CART_LINES} different items.`),
          );
        }
      }
      const limit = Math.min(variant!.stockOnHand, MAX_LINE_QUANTITY);
      const [line] = await tx
        .insert(cartLines)
        .values({ cartId: cart.id, variantId: input.variantId, quantity: input.quantity })
        .onConflictDoUpdate({
          target: [cartLines.cartId, cartLines.variantId],
          set: { quantity: sql`${cartLines.quantity} + excluded.quantity`, updatedAt: sql`now()` },
          setWhere: sql`${cartLines.quantity} + excluded.quantity <= ${limit}`,
        })
        .returning({ id: cartLines.id });
      // Unreachable while every write holds the cart lock; kept so a missed lock cannot overshoot.
      if (!line) throw new Refusal(stockRefusal(Number.MAX_SAFE_INTEGER, variant!)!);
      return { cart: await touchCart(tx, cart.id, currency), createdToken };
    }),
  );
}

/**
 * Sets a line to an exact quantity; 0 removes it. Lowering is always allowed (it is how a
 * customer fixes a flagged line); raising is checked against the catalogue like an add.
 */
export async function setCartLineQuantity(
  deps: CartDependencies,
  request: CartRequest,
  rawArgs: MutationSetCartLineQuantityArgs,
): Promise<CartPayload> {
  const input = validateInput(setInput, rawArgs);
  const owner = cartOwner(request, input.cartToken);
  const before = await findCart(deps.db, owner);
  if (!before) return { cart: null, cartToken: null, error: lineNotFound() };
  const lines = await request.loaders.linesByCartId.load(before.id);
  const line = lines.find((candidate) => candidate.variantId === input.variantId);
  if (!line) return { cart: before, cartToken: null, error: lineNotFound() };
  if (input.quantity > line.quantity) {
    const variants = await request.loaders.variants(lines.map((l) => l.variantId));
    const variant = variants.get(input.variantId) ?? null;
    const refused = notSellable(variant) ?? stockRefusal(input.quantity, variant!);
    if (refused) return { cart: before, cartToken: null, error: refused };
  }
  return write(request, before, () =>
    deps.db.transaction(async (tx) => {
      const cart = await lockCart(tx, before.id);
      if (!cart) throw new Refusal(lineNotFound());
      const where = and(eq(cartLines.cartId, cart.id), eq(cartLines.variantId, input.variantId));
      const changed =
        input.quantity === 0
          ? await tx.delete(cartLines).where(where).returning({ id: cartLines.id })
          : await tx
              .update(cartLines)
              .set({ quantity: input.quantity, updatedAt: sql`now()` })
              .where(where)
              .returning({ id: cartLines.id });
      if (!changed.length) throw new Refusal(lineNotFound());
      return { cart: await touchCart(tx, cart.id) };
    }),
  );
}

export async function removeFromCart(
  deps: CartDependencies,
  request: CartRequest,
  rawArgs: MutationRemoveFromCartArgs,
): Promise<CartPayload> {
  const input = validateInput(removeInput, rawArgs);
  const owner = cartOwner(request, input.cartToken);
  const before = await findCart(deps.db, owner);
  if (!before) return { cart: null, cartToken: null, error: lineNotFound() };
  return write(request, before, () =>
    deps.db.transaction(async (tx) => {
      const cart = await lockCart(tx, before.id);
      if (!cart) throw new Refusal(lineNotFound());
      const removed = await tx
        .delete(cartLines)
        .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.variantId, input.variantId)))
        .returning({ id: cartLines.id });
      if (!removed.length) throw new Refusal(lineNotFound());
      return { cart: await touchCart(tx, cart.id) };
    }),
  );
}

/** Empties the caller's cart. A signed-in customer gets their (possibly new, empty) cart back. */
export async function clearCart(
  deps: CartDependencies,
  request: CartRequest,
  rawArgs: MutationClearCartArgs,
): Promise<CartRow> {
  const input = validateInput(z.object({ cartToken }), rawArgs);
  const owner: CartOwner = cartOwner(request, input.cartToken);
  const guestCart = "userId" in owner ? undefined : await findCart(deps.db, owner);
  if (!("userId" in owner) && !guestCart) throw notFound("Cart");
  const cart = await deps.db.transaction(async (tx) => {
    const locked = guestCart ? await lockCart(tx, guestCart.id) : (await lockOrCreateCart(tx, owner)).cart;
    if (!locked) throw notFound("Cart");
    await tx.delete(cartLines).where(eq(cartLines.cartId, locked.id));
    return touchCart(tx, locked.id);
  });
  request.loaders.forgetCart(cart.id);
  return cart;
}
