import type { UsersContext } from "../context";
import * as accounts from "../services/accounts";

export const authResolvers = {
  AuthResult: {
    __resolveType: (result: accounts.AuthResult) => result.kind,
  },
  Mutation: {
    register: (_: unknown, args: { input: unknown }, ctx: UsersContext) => accounts.register(ctx, args.input),
    login: (_: unknown, args: { input: unknown }, ctx: UsersContext) => accounts.login(ctx, args.input),
    refresh: (_: unknown, args: { refreshToken: string }, ctx: UsersContext) =>
      accounts.refresh(ctx, args.refreshToken),
    logout: (_: unknown, args: { refreshToken: string }, ctx: UsersContext) =>
      accounts.logout(ctx, args.refreshToken),
    changePassword: (_: unknown, args: { input: unknown }, ctx: UsersContext) =>
      accounts.changePassword(ctx, args.input),
  },
};
