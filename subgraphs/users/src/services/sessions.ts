import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
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

export async function revokeFamily(db: UsersDatabase, familyId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}
