import type { Resolvers } from "../generated/resolvers";
import { shippingOptions, shippingQuote } from "../services/rates";

export const rateResolvers = {
  Query: {
    shippingOptions: (_, args, ctx) => shippingOptions(ctx, args.address),
    shippingQuote: (_, args, ctx) => shippingQuote(ctx, args.optionId, args.address),
  },
} satisfies Resolvers;
