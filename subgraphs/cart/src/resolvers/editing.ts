import type { Resolvers } from "../generated/resolvers";
import * as editing from "../services/editing";
import { mergeGuestCart } from "../services/merge";

export const editingResolvers = {
  Mutation: {
    addToCart: (_, args, ctx) => editing.addToCart(ctx, args),
    setCartLineQuantity: (_, args, ctx) => editing.setCartLineQuantity(ctx, args),
    removeFromCart: (_, args, ctx) => editing.removeFromCart(ctx, args),
    clearCart: (_, args, ctx) => editing.clearCart(ctx, args),
    mergeGuestCart: (_, args, ctx) => mergeGuestCart(ctx, args.cartToken),
  },
} satisfies Resolvers;
