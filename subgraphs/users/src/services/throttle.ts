import { and, eq, lt, sql } from "drizzle-orm";
import type { UsersContext } from "../context";
import type { UsersDatabase } from "../db";
import { loginAttempts } from "../db/schema";

type Scope = "account" | "address";

interface Slot {
  scope: Scope;
  key: string;
  windowStartedAt: Date;
}

export type LoginAttempt =
  | {
      kind: "admitted";
      /** The password was right: the account's count starts afresh and the address gets its slot back. */
      succeeded(db?: UsersDatabase): Promise<void>;
      /** The check could not be made (an error): both slots are given back. */
      abandoned(): Promise<void>;
    }
  | { kind: "throttled"; retryAfterSeconds: number };

/**
 * Takes one attempt slot per account and per client address before the password is checked.
 * Each slot is one conditional upsert: the row is locked while it is updated, so N concurrent
 * attempts (on any replica) take at most the limit's worth of slots and the rest are refused
 * without a password check. A slot taken counts as a failure until the sign-in succeeds.
 */
export async function admitLoginAttempt(ctx: UsersContext, email: string): Promise<LoginAttempt> {
  const { maxFailuresPerAccount, maxFailuresPerAddress } = ctx.config.throttle;
  const account = await takeSlot(ctx, "account", email, maxFailuresPerAccount);
  if (!account.slot) return { kind: "throttled", retryAfterSeconds: account.retryAfterSeconds };
  let address: Slot | undefined;
  if (ctx.clientIp) {
    const taken = await takeSlot(ctx, "address", ctx.clientIp, maxFailuresPerAddress);
    if (!taken.slot) {
      await giveBack(ctx.db, account.slot);
      return { kind: "throttled", retryAfterSeconds: taken.retryAfterSeconds };
    }
    address = taken.slot;
  }
  const accountSlot = account.slot;
  return {
    kind: "admitted",
    async succeeded(db = ctx.db) {
      await db
        .delete(loginAttempts)
        .where(and(eq(loginAttempts.scope, "account"), eq(loginAttempts.key, email)));
      // Per address a success does not start afresh: an attacker could reset it with an account of their own.
      if (address) await giveBack(db, address);
    },
    async abandoned() {
      await giveBack(ctx.db, accountSlot);
      if (address) await giveBack(ctx.db, address);
    },
  };
}

async function takeSlot(
  ctx: UsersContext,
  scope: Scope,
  key: string,
  max: number,
): Promise<{ slot: Slot; retryAfterSeconds?: never } | { slot?: never; retryAfterSeconds: number }> {
  const window = sql`${ctx.config.throttle.windowSeconds} * interval '1 second'`;
  const windowOver = sql`${loginAttempts.windowStartedAt} <= now() - ${window}`;
  const [taken] = await ctx.db
    .insert(loginAttempts)
    .values({ scope, key, attempts: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [loginAttempts.scope, loginAttempts.key],
      set: {
        attempts: sql`case when ${windowOver} then 1 else ${loginAttempts.attempts} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then now() else ${loginAttempts.windowStartedAt} end`,
      },
      setWhere: sql`${windowOver} or ${loginAttempts.attempts} < ${max}`,
    })
    .returning({ windowStartedAt: loginAttempts.windowStartedAt });
  if (taken) return { slot: { scope, key, windowStartedAt: taken.windowStartedAt } };
  const [blocked] = await ctx.db
    .select({
      seconds: sql<number>`ceil(extract(epoch from ${loginAttempts.windowStartedAt} + ${window} - now()))::int`,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.scope, scope), eq(loginAttempts.key, key)));
  return { retryAfterSeconds: Math.max(1, blocked?.seconds ?? 1) };
}

/** Only within the window the slot was taken in: a new window has counted afresh already. */
async function giveBack(db: UsersDatabase, slot: Slot): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ attempts: sql`greatest(${loginAttempts.attempts} - 1, 0)` })
    .where(
      and(
        eq(loginAttempts.scope, slot.scope),
        eq(loginAttempts.key, slot.key),
        eq(loginAttempts.windowStartedAt, slot.windowStartedAt),
      ),
    );
}

/** Rows of windows long over; run now and then so unknown emails tried once do not pile up. */
export async function sweepLoginAttempts(db: UsersDatabase, windowSeconds: number): Promise<number> {
  const removed = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.windowStartedAt, sql`now() - ${windowSeconds} * interval '1 second'`))
    .returning({ key: loginAttempts.key });
  return removed.length;
}
