import type { CartContext } from "../context";
import type { CartRow } from "../db/schema";
import type { Resolvers } from "../generated/resolvers";

/** Every computed field reads the cart's one per-request view (lines read once, catalogue asked once). */
const view = (cart: CartRow, ctx: CartContext) => ctx.loaders.cartView.load(cart);

export const cartResolvers = {
  Query: {
    cart: (_, args, ctx) => ctx.useCases.callerCart(ctx, args.cartToken),
  },
  Cart: {
    lines: async (cart, _, ctx) => (await view(cart, ctx)).lines,
    itemCount: async (cart, _, ctx) => (await view(cart, ctx)).itemCount,
    subtotal: async (cart, _, ctx) => (await view(cart, ctx)).subtotal,
    readyForCheckout: async (cart, _, ctx) => (await view(cart, ctx)).readyForCheckout,
  },
  CartLine: {
    // A reference only: the router asks the catalogue for the variant's fields.
    variant: (line) => ({ __typename: "ProductVariant", id: line.variantId }),
  },
} satisfies Resolvers;
