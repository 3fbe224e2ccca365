import type { Resolvers } from "../generated/resolvers";
import { refundPayment } from "../services/refunds";

export const refundResolvers = {
  Mutation: {
    refundPayment: (_, args, ctx) => refundPayment(ctx, args.input),
  },
} satisfies Resolvers;
