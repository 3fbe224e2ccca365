import type { Resolvers } from "../generated/resolvers";
import * as addresses from "../services/addresses";

export const addressResolvers = {
  Mutation: {
    addAddress: (_, args, ctx) => addresses.addAddress(ctx, args.input),
    updateAddress: (_, args, ctx) => addresses.updateAddress(ctx, args.id, args.input),
    removeAddress: (_, args, ctx) => addresses.removeAddress(ctx, args.id),
    setDefaultAddress: (_, args, ctx) => addresses.setDefaultAddress(ctx, args.id),
  },
} satisfies Resolvers;
