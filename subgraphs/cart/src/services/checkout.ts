import { sql } from "drizzle-orm";
import { z } from "zod";
import { requireInternalCaller } from "@storefront/platform/auth";
import { isUuid } from "@storefront/platform/ids";
import { validateInput } from "@storefront/platform/validation";
import type { CartDependencies } from "../dependencies";
import type { CartRequest } from "../request";
import { completedCheckouts } from "../db/schema";
import type { MutationCompleteCheckoutArgs } from "../generated/resolvers";
import { findCart, lockCart, touchCart } from "./carts";
import type { LineIssueCode } from "../domain/pricing";

/** The orders subgraph's view of a customer's cart (see its services/checkout.ts). */
export interface CheckoutCart {
  cartId: string | null;
  currency: string | null;
  subtotal: number | null;
  lines: {
    variantId: string;
    sku: string;
    productId: string;
    productName: string;
    variantName: string;
    quantity: number;
    unitPrice: number;
  }[];
  issues: { variantId: string; code: LineIssueCode; message: string; requested: number; available: number }[];
}

const id = (what: string) =>
  z
    .string()
    .refine(isUuid, `must be ${what}`)
    .transform((value) => value.toLowerCase());

const completeInput = z.object({
  cartId: id("a cart id"),
  orderId: id("an order id"),
  lines: z
    .array(
      z.object({
        variantId: id("a product variant id"),
        quantity: z.number().int("must be a whole number").min(1, "must be at least 1"),
      }),
    )
    .max(1000, "must contain at most 1000 lines"),
});

/**
 * A customer's cart priced from the catalogue as it is now, for the checkout to turn into an
 * order. Lines with an issue are listed under `issues` only, never as lines: a checkout must
 * not sell them.
 */
export async function checkoutCart(
  deps: CartDependencies,
  request: CartRequest,
  rawUserId: string,
): Promise<CheckoutCart> {
  requireInternalCaller(request);
  const { userId } = validateInput(z.object({ userId: id("a user id") }), { userId: rawUserId });
  const cart = await findCart(deps.db, { userId });
  if (!cart) return { cartId: null, currency: null, subtotal: null, lines: [], issues: [] };
  const view = await request.loaders.cartView.load(cart);
  return {
    cartId: cart.id,
    currency: view.subtotal?.currency ?? null,
    subtotal: view.subtotal?.amount ?? null,
    lines: view.lines.flatMap((line) =>
      !line.issue && line.variant
        ? [
            {
              variantId: line.variantId,
              sku: line.variant.sku,
              productId: line.variant.product.id,
              productName: line.variant.product.name,
              variantName: line.variant.name,
              quantity: line.quantity,
              unitPrice: line.variant.price.amount,
            },
          ]
        : [],
    ),
    issues: view.lines.flatMap((line) =>
      line.issue
        ? [
            {
              variantId: line.variantId,
              code: line.issue.code,
              message: line.issue.message,
              requested: line.quantity,
              available: line.issue.available,
            },
          ]
        : [],
    ),
  };
}

/** One row per variant, quantities summed, as a VALUES list for joining against the cart's lines. */
function orderedValues(lines: { variantId: string; quantity: number }[]) {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  return sql.join(
    [...totals].map(([variantId, quantity]) => sql`(${variantId}::uuid, ${quantity}::int)`),
    sql`, `,
  );
}

/**
 * Takes what an order bought out of the cart it came from: each ordered quantity is subtracted
 * from its line, and a line left with nothing is deleted, so units or lines added while the
 * customer was paying stay. The order id is recorded
 * in the same transaction; a repeat finds it and changes nothing.
 */
export async function completeCheckout(
  deps: CartDependencies,
  request: CartRequest,
  rawArgs: MutationCompleteCheckoutArgs,
): Promise<boolean> {
  requireInternalCaller(request);
  const input = validateInput(completeInput, rawArgs);
  const cartId = await deps.db.transaction(async (tx) => {
    const [first] = await tx
      .insert(completedCheckouts)
      .values({ orderId: input.orderId, cartId: input.cartId })
      .onConflictDoNothing({ target: completedCheckouts.orderId })
      .returning();
    if (!first) return undefined;
    const cart = await lockCart(tx, input.cartId);
    if (!cart) return undefined;
    if (input.lines.length) {
      const ordered = orderedValues(input.lines);
      // Delete first: the update may then subtract from the remaining lines without any of them
      // reaching the quantity CHECK's lower bound.
      await tx.execute(sql`
        delete from cart_lines using (values ${ordered}) as ordered(variant_id, quantity)
        where cart_lines.cart_id = ${cart.id} and cart_lines.variant_id = ordered.variant_id
          and cart_lines.quantity <= ordered.quantity`);
      await tx.execute(sql`
        update cart_lines set quantity = cart_lines.quantity - ordered.quantity, updated_at = now()
        from (values ${ordered}) as ordered(variant_id, quantity)
        where cart_lines.cart_id = ${cart.id} and cart_lines.variant_id = ordered.variant_id`);
    }
    await touchCart(tx, cart.id);
    return cart.id;
  });
  if (cartId) request.loaders.forgetCart(cartId);
  return true;
}
