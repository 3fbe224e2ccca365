import type { CartContext } from "../context";
import type { CartRow } from "../db/schema";
import { callerCart } from "../services/carts";
import type { PricedLine } from "../services/pricing";

/** Every computed field reads the cart's one per-request view (lines read once, catalogue asked once). */
const view = (cart: CartRow, ctx: CartContext) => ctx.loaders.cartView.load(cart);

export const cartResolvers = {
  Query: {
    cart: (_: unknown, args: { cartToken?: string | null }, ctx: CartContext) =>
      callerCart(ctx, args.cartToken),
  },
  Cart: {
    lines: async (cart: CartRow, _: unknown, ctx: CartContext) => (await view(cart, ctx)).lines,
    itemCount: async (cart: CartRow, _: unknown, ctx: CartContext) => (await view(cart, ctx)).itemCount,
    subtotal: async (cart: CartRow, _: unknown, ctx: CartContext) => (await view(cart, ctx)).subtotal,
    readyForCheckout: async (cart: CartRow, _: unknown, ctx: CartContext) =>
      (await view(cart, ctx)).readyForCheckout,
  },
  CartLine: {
    // A reference only: the router asks the catalogue for the variant's fields.
    variant: (line: PricedLine) => ({ __typename: "ProductVariant", id: line.variantId }),
  },
};
