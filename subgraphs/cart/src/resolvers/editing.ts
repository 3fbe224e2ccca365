import type { Resolvers } from "../generated/resolvers";

export const editingResolvers = {
  Mutation: {
    addToCart: (_, args, ctx) => ctx.useCases.addToCart(ctx, args),
    setCartLineQuantity: (_, args, ctx) => ctx.useCases.setCartLineQuantity(ctx, args),
    removeFromCart: (_, args, ctx) => ctx.useCases.removeFromCart(ctx, args),
    clearCart: (_, args, ctx) => ctx.useCases.clearCart(ctx, args),
    mergeGuestCart: (_, args, ctx) => ctx.useCases.mergeGuestCart(ctx, args.cartToken),
  },
} satisfies Resolvers;
