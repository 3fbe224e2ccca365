import type { UsersContext } from "../context";
import * as addresses from "../services/addresses";

export const addressResolvers = {
  Mutation: {
    addAddress: (_: unknown, args: { input: unknown }, ctx: UsersContext) =>
      addresses.addAddress(ctx, args.input),
    updateAddress: (_: unknown, args: { id: string; input: unknown }, ctx: UsersContext) =>
      addresses.updateAddress(ctx, args.id, args.input),
    removeAddress: (_: unknown, args: { id: string }, ctx: UsersContext) =>
      addresses.removeAddress(ctx, args.id),
    setDefaultAddress: (_: unknown, args: { id: string }, ctx: UsersContext) =>
      addresses.setDefaultAddress(ctx, args.id),
  },
};
