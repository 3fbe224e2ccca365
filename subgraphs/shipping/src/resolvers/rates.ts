import type { ShippingContext } from "../context";
import { shippingOptions, shippingQuote } from "../services/rates";

export const rateResolvers = {
  Query: {
    shippingOptions: (_: unknown, args: { address: unknown }, ctx: ShippingContext) =>
      shippingOptions(ctx, args.address),
    shippingQuote: (_: unknown, args: { optionId: string; address: unknown }, ctx: ShippingContext) =>
      shippingQuote(ctx, args.optionId, args.address),
  },
};
