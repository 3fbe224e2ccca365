import type { Resolvers } from "../generated/resolvers";
import * as accounts from "../services/accounts";

export const authResolvers = {
  Mutation: {
    register: (_, args, ctx) => accounts.register(ctx, args.input),
    login: (_, args, ctx) => accounts.login(ctx, args.input),
    refresh: (_, args, ctx) => accounts.refresh(ctx, args.refreshToken),
    logout: (_, args, ctx) => accounts.logout(ctx, args.refreshToken),
    changePassword: (_, args, ctx) => accounts.changePassword(ctx, args.input),
  },
} satisfies Resolvers;
