import type { UsersContext } from "../context";
import type { UsersDatabase } from "../db";
import { auditLog, type AuditEventType } from "../db/schema";

/** Records a security event with the caller's address and user agent. */
export async function recordAudit(
  ctx: UsersContext,
  event: {
    type: AuditEventType;
    userId?: string | null;
    email?: string | null;
    details?: Record<string, unknown>;
  },
  db: UsersDatabase = ctx.db,
): Promise<void> {
  await db.insert(auditLog).values({
    type: event.type,
    userId: event.userId ?? null,
    email: event.email ?? null,
    clientIp: ctx.clientIp ?? null,
    userAgent: ctx.userAgent ?? null,
    details: event.details ?? null,
  });
}
