import { requireAdmin, type Role } from "@storefront/platform";
import type { UsersContext } from "../context";
import type { AuditRow } from "../db/schema";
import { setUserRole } from "../services/accounts";
import { listAuditEvents, listUsers } from "../services/directory";

type PageArgs = { first?: number | null; after?: string | null };

export const adminResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: UsersContext) =>
      ctx.viewer ? ctx.loaders.userById.load(ctx.viewer.userId) : null,
    user: (_: unknown, args: { id: string }, ctx: UsersContext) => {
      requireAdmin(ctx.viewer);
      return ctx.loaders.userById.load(args.id);
    },
    users: (_: unknown, args: PageArgs, ctx: UsersContext) => listUsers(ctx, args),
    auditLog: (_: unknown, args: PageArgs & { userId?: string | null }, ctx: UsersContext) =>
      listAuditEvents(ctx, args),
  },
  Mutation: {
    setUserRole: (_: unknown, args: { userId: string; role: Role }, ctx: UsersContext) =>
      setUserRole(ctx, args.userId, args.role),
  },
  AuditEvent: {
    user: (event: AuditRow, _: unknown, ctx: UsersContext) =>
      event.userId ? ctx.loaders.userById.load(event.userId) : null,
    occurredAt: (event: AuditRow) => event.createdAt,
  },
};
