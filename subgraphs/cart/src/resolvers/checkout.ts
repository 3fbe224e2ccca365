import type { CartContext } from "../context";
import { checkoutCart, completeCheckout } from "../services/checkout";

/** Internal operations (`@inaccessible`): the services refuse callers without the service credential. */
export const checkoutResolvers = {
  Query: {
    checkoutCart: (_: unknown, args: { userId: string }, ctx: CartContext) => checkoutCart(ctx, args.userId),
  },
  Mutation: {
    completeCheckout: (_: unknown, args: Record<string, unknown>, ctx: CartContext) =>
      completeCheckout(ctx, args),
  },
};
