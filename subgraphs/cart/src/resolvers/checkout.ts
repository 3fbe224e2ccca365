import type { Resolvers } from "../generated/resolvers";

/** Internal operations (`@inaccessible`): the services refuse callers without the service credential. */
export const checkoutResolvers = {
  Query: {
    checkoutCart: (_, args, ctx) => ctx.useCases.checkoutCart(ctx, args.userId),
  },
  Mutation: {
    completeCheckout: (_, args, ctx) => ctx.useCases.completeCheckout(ctx, args),
  },
} satisfies Resolvers;
