import { and, desc, eq } from "drizzle-orm";
import { requireAdmin } from "@storefront/platform/auth";
import { isUuid } from "@storefront/platform/ids";
import { newestFirst } from "@storefront/platform/keyset";
import { pageSize, toConnection, type Connection } from "@storefront/platform/pagination";
import type { UsersContext } from "../context";
import { auditLog, users, type AuditRow, type UserRow } from "../db/schema";

export async function listUsers(
  ctx: UsersContext,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<UserRow>> {
  requireAdmin(ctx.viewer);
  const limit = pageSize(args.first);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(newestFirst.after(users, args.after))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit + 1);
  return toConnection(rows, limit, newestFirst.cursorOf);
}

export async function listAuditEvents(
  ctx: UsersContext,
  args: { userId?: string | null; first?: number | null; after?: string | null },
): Promise<Connection<AuditRow>> {
  requireAdmin(ctx.viewer);
  const limit = pageSize(args.first);
  // An empty or malformed id is an unknown user, whose log is empty, not "no filter".
  if (args.userId != null && !isUuid(args.userId))
    return toConnection<AuditRow>([], limit, newestFirst.cursorOf);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        args.userId != null ? eq(auditLog.userId, args.userId) : undefined,
        newestFirst.after(auditLog, args.after),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  return toConnection(rows, limit, newestFirst.cursorOf);
}
