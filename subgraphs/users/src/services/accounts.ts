import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { requireAdmin, requireViewer, sessionEnded, type Role } from "@storefront/platform/auth";
import { badUserInput, forbidden, notFound } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { failure, typed, type Failure, type Typed } from "@storefront/platform/result";
import { validateInput } from "@storefront/platform/validation";
import type { UsersContext } from "../context";
import { sessions, users, type UserRow } from "../db/schema";
import type { ChangePasswordInput, LoginInput, RegisterInput } from "../generated/resolvers";
import { recordAudit } from "./audit";
import { hashPassword, verifyPassword } from "./passwords";
import { admitLoginAttempt } from "./throttle";
import {
  issueSession,
  parseRefreshToken,
  revokeFamily,
  revokeUserSessions,
  secretMatches,
  type IssuedSession,
} from "./sessions";

export type AuthError = Failure<
  "AuthError",
  "EMAIL_TAKEN" | "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS",
  { retryAfterSeconds?: number }
>;
export type AuthResult = Typed<"AuthSession", IssuedSession> | AuthError;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be a valid email address" }).max(254, "must be at most 254 characters"));
// Spaces inside a password are the user's choice (passphrases); a password of nothing else is not one.
const newPassword = z
  .string()
  .refine((value) => value.trim().length > 0, "must not be blank")
  .min(12, "must be at least 12 characters")
  .max(128, "must be at most 128 characters");

const registerInput = z.object({
  email,
  password: newPassword,
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
});
const loginInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
});
const changePasswordInput = z.object({ currentPassword: z.string().max(128), newPassword });

const INVALID_CREDENTIALS: AuthError = failure(
  "AuthError",
  "INVALID_CREDENTIALS",
  "The email or password is incorrect.",
);

export async function register(ctx: UsersContext, rawInput: RegisterInput): Promise<AuthResult> {
  const input = validateInput(registerInput, rawInput);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) {
      return failure("AuthError", "EMAIL_TAKEN", "An account with this email already exists.");
    }
    await recordAudit(ctx, { type: "REGISTERED", userId: user.id, email: user.email }, tx);
    return typed("AuthSession", await issueSession(ctx, user, { db: tx }));
  });
}

export async function login(ctx: UsersContext, rawInput: LoginInput): Promise<AuthResult> {
  const input = validateInput(loginInput, rawInput);
  const attempt = await admitLoginAttempt(ctx, input.email);
  if (attempt.kind === "throttled") {
    const { retryAfterSeconds } = attempt;
    await recordAudit(ctx, { type: "LOGIN_THROTTLED", email: input.email });
    return failure(
      "AuthError",
      "TOO_MANY_ATTEMPTS",
      `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }
  let user: UserRow | undefined;
  let verified: boolean;
  try {
    [user] = await ctx.db.select().from(users).where(eq(users.email, input.email));
    verified = await verifyPassword(user?.passwordHash, input.password);
  } catch (error) {
    await attempt.abandoned();
    throw error;
  }
  if (!verified || !user) {
    await recordAudit(ctx, { type: "LOGIN_FAILED", userId: user?.id, email: input.email });
    return INVALID_CREDENTIALS;
  }
  const signedIn = user;
  return ctx.db.transaction(async (tx) => {
    await attempt.succeeded(tx);
    await recordAudit(ctx, { type: "LOGIN_SUCCEEDED", userId: signedIn.id, email: signedIn.email }, tx);
    return typed("AuthSession", await issueSession(ctx, signedIn, { db: tx }));
  });
}

/**
 * Rotates a refresh token. The conditional update makes rotation single-use even under
 * concurrent calls: exactly one caller marks the row rotated; any other presentation of the same
 * token is reuse, which revokes the whole family (the token has leaked).
 */
export async function refresh(ctx: UsersContext, refreshToken: string): Promise<IssuedSession> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) throw sessionEnded();
  const [session] = await ctx.db.select().from(sessions).where(eq(sessions.id, parsed.sessionId));
  if (!session || !secretMatches(parsed.secret, session.tokenHash)) throw sessionEnded();
  if (session.revokedAt || session.expiresAt.getTime() <= Date.now()) throw sessionEnded();
  const outcome = await ctx.db.transaction(async (tx) => {
    const [rotated] = await tx
      .update(sessions)
      .set({ rotatedAt: new Date() })
      .where(and(eq(sessions.id, session.id), isNull(sessions.rotatedAt), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (!rotated) return "reused" as const;
    const [user] = await tx.select().from(users).where(eq(users.id, session.userId));
    if (!user) return "gone" as const;
    return issueSession(ctx, user, { familyId: session.familyId, db: tx });
  });
  if (outcome === "reused") {
    await revokeFamily(ctx.db, session.familyId);
    await recordAudit(ctx, {
      type: "REFRESH_TOKEN_REUSED",
      userId: session.userId,
      details: { familyId: session.familyId },
    });
    ctx.log.warn(
      { userId: session.userId, familyId: session.familyId },
      "refresh token reused; session revoked",
    );
    throw sessionEnded();
  }
  if (outcome === "gone") throw sessionEnded();
  return outcome;
}

export async function logout(ctx: UsersContext, refreshToken: string): Promise<boolean> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) return true;
  const [session] = await ctx.db.select().from(sessions).where(eq(sessions.id, parsed.sessionId));
  if (!session || !secretMatches(parsed.secret, session.tokenHash) || session.revokedAt) return true;
  await ctx.db.transaction(async (tx) => {
    await revokeFamily(tx, session.familyId);
    await recordAudit(ctx, { type: "LOGGED_OUT", userId: session.userId }, tx);
  });
  return true;
}

export async function changePassword(ctx: UsersContext, rawInput: ChangePasswordInput): Promise<boolean> {
  const viewer = requireViewer(ctx.viewer);
  const input = validateInput(changePasswordInput, rawInput);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, viewer.userId));
  if (!user) throw sessionEnded();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badUserInput("The current password is incorrect.", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    // Every other sign-in ends; the session making the change stays.
    await revokeUserSessions(tx, user.id, { keep: viewer.sessionId });
    await recordAudit(ctx, { type: "PASSWORD_CHANGED", userId: user.id, email: user.email }, tx);
  });
  return true;
}

export async function setUserRole(ctx: UsersContext, userId: string, role: Role): Promise<UserRow> {
  const admin = requireAdmin(ctx.viewer);
  if (userId === admin.userId && role !== "ADMIN")
    throw forbidden("An administrator cannot remove their own ADMIN role.");
  if (!isUuid(userId)) throw notFound("User");
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) throw notFound("User");
    const [user] = await tx
      .update(users)
      .set({ role, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    // Access tokens carry the role: every session of the user ends, so no token keeps the old one.
    if (before.role !== role) await revokeUserSessions(tx, userId);
    await recordAudit(
      ctx,
      {
        type: "ROLE_CHANGED",
        userId,
        email: user!.email,
        details: { from: before.role, to: role, by: admin.userId },
      },
      tx,
    );
    return user!;
  });
}
