import { forbidden } from "@storefront/platform/errors";
import { isOwnerOrAdmin } from "@storefront/platform/visibility";
import type { UsersContext } from "../context";
import type { UserRow } from "../db/schema";
import type { Resolvers } from "../generated/resolvers";

/** The user themself and administrators see private fields; everyone else sees the public profile. */
const canSeePrivate = (user: UserRow, ctx: UsersContext) =>
  ctx.signedInNow.has(user.id) || isOwnerOrAdmin(ctx.viewer, user.id);

function requirePrivate(user: UserRow, ctx: UsersContext) {
  if (!canSeePrivate(user, ctx))
    throw forbidden("Only this user and administrators can see their addresses.");
}

export const userResolvers = {
  User: {
    __resolveReference: (ref, ctx) => ctx.loaders.userById.load(ref.id),
    email: (user, _, ctx) => (canSeePrivate(user, ctx) ? user.email : null),
    role: (user, _, ctx) => (canSeePrivate(user, ctx) ? user.role : null),
    addresses: (user, _, ctx) => {
      requirePrivate(user, ctx);
      return ctx.loaders.addressesByUserId.load(user.id);
    },
    defaultAddress: async (user, _, ctx) => {
      requirePrivate(user, ctx);
      const list = await ctx.loaders.addressesByUserId.load(user.id);
      return list.find((address) => address.isDefault) ?? null;
    },
  },
} satisfies Resolvers;
