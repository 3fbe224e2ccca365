import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  requireAdmin,
  toConnection,
  type Connection,
  badUserInput,
} from "@storefront/platform";
import type { UsersContext } from "../context";
import { auditLog, users, type AuditRow, type UserRow } from "../db/schema";
import { isUuid } from "../loaders";

/** Keyset condition for newest-first pages ordered by (created_at desc, id desc). */
function olderThan(createdAt: PgColumn, id: PgColumn, after: string | null | undefined): SQL | undefined {
  if (!after) return undefined;
  const [at, lastId] = decodeCursor(after);
  if (
    typeof at !== "string" ||
    typeof lastId !== "string" ||
    !isUuid(lastId) ||
    Number.isNaN(Date.parse(at))
  ) {
    throw badUserInput("The cursor is not valid.", "after");
  }
  const when = new Date(at);
  return or(lt(createdAt, when), and(eq(createdAt, when), lt(id, lastId)));
}

const cursorOf = (row: { createdAt: Date; id: string }) =>
  encodeCursor([row.createdAt.toISOString(), row.id]);

export async function listUsers(
  ctx: UsersContext,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<UserRow>> {
  requireAdmin(ctx.viewer);
  const limit = pageSize(args.first);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(olderThan(users.createdAt, users.id, args.after))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit + 1);
  return toConnection(rows, limit, cursorOf);
}

export async function listAuditEvents(
  ctx: UsersContext,
  args: { userId?: string | null; first?: number | null; after?: string | null },
): Promise<Connection<AuditRow>> {
  requireAdmin(ctx.viewer);
  const limit = pageSize(args.first);
  if (args.userId && !isUuid(args.userId)) return toConnection<AuditRow>([], limit, cursorOf);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        args.userId ? eq(auditLog.userId, args.userId) : undefined,
        olderThan(auditLog.createdAt, auditLog.id, args.after),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  return toConnection(rows, limit, cursorOf);
}
