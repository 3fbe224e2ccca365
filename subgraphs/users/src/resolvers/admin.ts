import { requireAdmin } from "@storefront/platform/auth";
import type { Resolvers } from "../generated/resolvers";
import { setUserRole } from "../services/accounts";
import { listAuditEvents, listUsers } from "../services/directory";

export const adminResolvers = {
  Query: {
    me: (_, __, ctx) => (ctx.viewer ? ctx.loaders.userById.load(ctx.viewer.userId) : null),
    user: (_, args, ctx) => {
      requireAdmin(ctx.viewer);
      return ctx.loaders.userById.load(args.id);
    },
    users: (_, args, ctx) => listUsers(ctx, args),
    auditLog: (_, args, ctx) => listAuditEvents(ctx, args),
  },
  Mutation: {
    setUserRole: (_, args, ctx) => setUserRole(ctx, args.userId, args.role),
  },
  AuditEvent: {
    user: (event, _, ctx) => (event.userId ? ctx.loaders.userById.load(event.userId) : null),
    occurredAt: (event) => event.createdAt,
  },
} satisfies Resolvers;
