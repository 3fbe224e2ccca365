import type { CartContext } from "../context";
import * as editing from "../services/editing";
import { mergeGuestCart } from "../services/merge";

type Args = Record<string, unknown>;

export const editingResolvers = {
  Mutation: {
    addToCart: (_: unknown, args: Args, ctx: CartContext) => editing.addToCart(ctx, args),
    setCartLineQuantity: (_: unknown, args: Args, ctx: CartContext) => editing.setCartLineQuantity(ctx, args),
    removeFromCart: (_: unknown, args: Args, ctx: CartContext) => editing.removeFromCart(ctx, args),
    clearCart: (_: unknown, args: Args, ctx: CartContext) => editing.clearCart(ctx, args),
    mergeGuestCart: (_: unknown, args: { cartToken: string }, ctx: CartContext) =>
      mergeGuestCart(ctx, args.cartToken),
  },
};
