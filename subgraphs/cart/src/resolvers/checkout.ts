import type { Resolvers } from "../generated/resolvers";
import { checkoutCart, completeCheckout } from "../services/checkout";

/** Internal operations (`@inaccessible`): the services refuse callers without the service credential. */
export const checkoutResolvers = {
  Query: {
    checkoutCart: (_, args, ctx) => checkoutCart(ctx, args.userId),
  },
  Mutation: {
    completeCheckout: (_, args, ctx) => completeCheckout(ctx, args),
  },
} satisfies Resolvers;
