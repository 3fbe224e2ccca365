import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, max, ne, sql, type SQL } from "drizzle-orm";
import type { RevokedSessionsPage } from "@storefront/platform/auth";
import type { UsersContext } from "../context";
import type { UsersDatabase } from "../db";
import { sessions, type UserRow } from "../db/schema";

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
}

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("base64url");

/** A refresh token is `<session id>.<secret>`: the id finds the row, the secret proves possession. */
export function parseRefreshToken(token: string): { sessionId: string; secret: string } | undefined {
  const match = /^([0-9a-f-]{36})\.([\w-]{43})$/.exec(token);
  return match ? { sessionId: match[1]!, secret: match[2]! } : undefined;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts a session (a new family unless `familyId` continues one) and signs an access token for it. */
export async function issueSession(
  ctx: UsersContext,
  user: UserRow,
  options: { familyId?: string; db?: UsersDatabase } = {},
): Promise<IssuedSession> {
  const db = options.db ?? ctx.db;
  const familyId = options.familyId ?? randomUUID();
  const secret = randomBytes(32).toString("base64url");
  const refreshTokenExpiresAt = new Date(Date.now() + ctx.config.refreshTokenTtlSeconds * 1000);
  const [session] = await db
    .insert(sessions)
    .values({
      familyId,
      userId: user.id,
      tokenHash: hashSecret(secret),
      expiresAt: refreshTokenExpiresAt,
      userAgent: ctx.userAgent ?? null,
      clientIp: ctx.clientIp ?? null,
    })
    .returning({ id: sessions.id });
  ctx.signedInNow.add(user.id);
  const access = await ctx.keys.sign({ userId: user.id, role: user.role, sessionId: familyId });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: `${session!.id}.${secret}`,
    refreshTokenExpiresAt,
    user,
  };
}

/**
 * Revocation time is the database's clock at the statement (not the transaction's start, not a
 * replica's clock), so the feed's cursor compares like with like.
 */
const revokedNow = sql`clock_timestamp()`;

export async function revokeFamily(db: UsersDatabase, familyId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: revokedNow })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user, except the one `keep` names (the session changing the password). */
export async function revokeUserSessions(
  db: UsersDatabase,
  userId: string,
  options: { keep?: string | undefined } = {},
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: revokedNow })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        options.keep ? ne(sessions.familyId, options.keep) : undefined,
      ),
    );
}

/**
 * A revocation committed late can carry an earlier time than one already read (its statement ran
 * first); each read looks back this far behind the cursor to catch it.
 */
const CURSOR_OVERLAP_SECONDS = 10;

/**
 * The revocation feed: sessions revoked during the last access-token lifetime (older ones have no
 * token left that verifies), after the cursor when one is given.
 */
export async function revokedSessionsSince(
  db: UsersDatabase,
  after: Date | undefined,
  accessTokenTtlSeconds: number,
): Promise<Omit<RevokedSessionsPage, "refreshMs">> {
  const revokedAt = max(sessions.revokedAt);
  const since: SQL[] = [
    isNotNull(sessions.revokedAt),
    gt(sessions.revokedAt, sql`now() - ${accessTokenTtlSeconds} * interval '1 second'`),
  ];
  if (after) {
    since.push(
      gt(
        sessions.revokedAt,
        sql`${after.toISOString()}::timestamptz - ${CURSOR_OVERLAP_SECONDS} * interval '1 second'`,
      ),
    );
  }
  const rows = await db
    .select({ familyId: sessions.familyId, revokedAt })
    .from(sessions)
    .where(and(...since))
    .groupBy(sessions.familyId);
  let latest = after?.getTime();
  const revoked = rows.map((row) => {
    const at = row.revokedAt!.getTime();
    latest = Math.max(latest ?? at, at);
    return { sessionId: row.familyId, until: new Date(at + accessTokenTtlSeconds * 1000).toISOString() };
  });
  return { revoked, cursor: latest === undefined ? null : new Date(latest).toISOString() };
}
