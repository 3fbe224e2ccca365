import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { type Logger } from "@storefront/platform/logger";
import { conflict, ErrorCode } from "@storefront/platform/errors";
import { startPeriodicTask, type PeriodicTask } from "@storefront/platform/periodic";
import type { PaymentsDatabase } from "../db";
import {
  idempotencyKeys,
  type IdempotencyKeyRow,
  type IdempotentOperation,
  type RefundErrorCode,
} from "../db/schema";

/**
 * Idempotency keys with the semantics of well-known payment APIs:
 * - the first request with a key claims it (an IN_PROGRESS row under the unique (scope, key)
 *   constraint) before anything is charged, so concurrent duplicates cannot both go ahead;
 * - its outcome is stored with the key in the same transaction that records the payment or
 *   refund, so "stored" and "done" cannot disagree;
 * - the same key and the same request again get that stored outcome, failures included;
 * - the same key with a different request is refused (IDEMPOTENCY_KEY_REUSED);
 * - a duplicate that arrives while the first is still running waits for it (bounded), then
 *   gets its outcome or a retryable IDEMPOTENCY_KEY_IN_USE error;
 * - a claim whose holder died (older than the takeover timeout) or failed is taken over. The
 *   provider is called with a key derived from the claim, so the retried call is the same charge
 *   there, never a second one.
 * Keys are scoped per caller, so two callers can never see each other's outcomes.
 */

export interface IdempotentRequest {
  /** `service` for internal callers, `admin:<user id>` for an administrator. */
  scope: string;
  key: string;
  operation: IdempotentOperation;
  /** From `requestFingerprint`: what makes two requests "the same request". */
  fingerprint: string;
  /** The order a charge is for (lets `paymentForOrder` see a charge in flight). */
  orderId?: string;
}

/** Proof that this process holds a key; only the holder can complete or release it. */
export interface Claim {
  id: string;
  lockToken: string;
  request: IdempotentRequest;
  /** True when a dead holder's claim was taken over: the work may have been half done before. */
  takenOver: boolean;
}

/** What is stored with a completed key: exactly one of these (a CHECK constraint says so). */
export type StoredOutcome =
  { paymentId: string } | { refundId: string } | { errorCode: RefundErrorCode; errorMessage: string };

export interface IdempotencyTiming {
  /** How long a duplicate waits for the first request to finish before giving up. */
  waitMs: number;
  pollMs: number;
  /** An IN_PROGRESS claim older than this is presumed abandoned by a crashed process. */
  takeoverAfterMs: number;
}

/**
 * The wait stays well under the orders service's 10 s call timeout; the takeover timeout is far
 * above how long a charge takes, so a live holder is never taken over in practice (and if one
 * were, the lock token stops it from recording a second outcome).
 */
export const defaultTiming: IdempotencyTiming = { waitMs: 5_000, pollMs: 50, takeoverAfterMs: 30_000 };

const SWEEP_BATCH = 1_000;

/** A hash over the request's meaningful fields: same fields, same fingerprint, in any process. */
export function requestFingerprint(parts: readonly (string | number | null)[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * The key the provider sees: the claim's row id, which a takeover keeps (so the retry is the same
 * charge at the processor) and which a key reused after its sweep does not (so that is a new one).
 */
export const providerKey = (claim: Claim) => `${claim.request.operation.toLowerCase()}_${claim.id}`;

export function idempotencyKeyReused(): GraphQLError {
  return new GraphQLError(
    "This idempotency key was already used for a different request. Use a new key for a new request.",
    {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        field: "idempotencyKey",
        reason: "IDEMPOTENCY_KEY_REUSED",
      },
    },
  );
}

/**
 * Another request with the same key is still running: a CONFLICT, and a retryable one (the same
 * request may succeed once the first has finished), so it says when to try again.
 */
export function idempotencyKeyInUse(
  message = "A request with this idempotency key is still being processed. Try again in a moment.",
): GraphQLError {
  return conflict(message, {
    retryAfterSeconds: 1,
    field: "idempotencyKey",
    reason: "IDEMPOTENCY_KEY_IN_USE",
  });
}

/** Thrown when a takeover happened while this process was still working on the key. */
class ClaimLost extends Error {
  constructor() {
    super("the idempotency key was taken over by another process");
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ClaimAttempt = { kind: "claimed"; claim: Claim } | { kind: "completed"; row: IdempotencyKeyRow };

async function claimKey(
  db: PaymentsDatabase,
  request: IdempotentRequest,
  timing: IdempotencyTiming,
): Promise<ClaimAttempt> {
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    const lockToken = randomUUID();
    const [inserted] = await db
      .insert(idempotencyKeys)
      .values({
        scope: request.scope,
        key: request.key,
        operation: request.operation,
        fingerprint: request.fingerprint,
        orderId: request.orderId ?? null,
        lockToken,
      })
      .onConflictDoNothing({ target: [idempotencyKeys.scope, idempotencyKeys.key] })
      .returning({ id: idempotencyKeys.id });
    if (inserted)
      return { kind: "claimed", claim: { id: inserted.id, lockToken, request, takenOver: false } };

    const [existing] = await db
      .select({
        row: idempotencyKeys,
        // The database's clock decides staleness, so replicas with skewed clocks agree.
        stale: sql<boolean>`${idempotencyKeys.lockedAt} < now() - make_interval(secs => ${timing.takeoverAfterMs / 1000})`,
      })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key)));
    // Swept between the two statements: claim it afresh.
    if (!existing) continue;
    const { row, stale } = existing;
    if (row.operation !== request.operation || row.fingerprint !== request.fingerprint) {
      throw idempotencyKeyReused();
    }
    if (row.status === "COMPLETED") return { kind: "completed", row };
    if (stale) {
      // Conditional on the old token: of several processes taking over at once, one wins.
      const [taken] = await db
        .update(idempotencyKeys)
        .set({ lockToken, lockedAt: sql`now()` })
        .where(
          and(
            eq(idempotencyKeys.id, row.id),
            eq(idempotencyKeys.status, "IN_PROGRESS"),
            eq(idempotencyKeys.lockToken, row.lockToken!),
          ),
        )
        .returning({ id: idempotencyKeys.id });
      if (taken) return { kind: "claimed", claim: { id: taken.id, lockToken, request, takenOver: true } };
      continue;
    }
    if (Date.now() >= deadline) throw idempotencyKeyInUse();
    await sleep(timing.pollMs);
  }
}

/**
 * Records the outcome of a claimed key: `work` writes the payment or refund and says what to
 * store, all in one transaction that first locks the key row and checks this process still
 * holds it. A process whose claim was taken over therefore writes nothing.
 */
export async function completeClaim<T>(
  db: PaymentsDatabase,
  claim: Claim,
  work: (tx: PaymentsDatabase) => Promise<{ result: T; outcome: StoredOutcome }>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: idempotencyKeys.id })
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.id, claim.id),
          eq(idempotencyKeys.status, "IN_PROGRESS"),
          eq(idempotencyKeys.lockToken, claim.lockToken),
        ),
      )
      .for("update");
    if (!held) throw new ClaimLost();
    const { result, outcome } = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ status: "COMPLETED", lockToken: null, completedAt: sql`now()`, ...outcome })
      .where(eq(idempotencyKeys.id, claim.id));
    return result;
  });
}

/**
 * Gives a key up after an unexpected failure so that a retry with it runs again at once. The row
 * is kept and only made stale, not deleted: the processor may have acted before the failure, and
 * the retry must take over this same claim to reach it with the same provider key.
 */
async function releaseClaim(db: PaymentsDatabase, claim: Claim): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ lockedAt: sql`to_timestamp(0)` })
    .where(
      and(
        eq(idempotencyKeys.id, claim.id),
        eq(idempotencyKeys.status, "IN_PROGRESS"),
        eq(idempotencyKeys.lockToken, claim.lockToken),
      ),
    );
}

/**
 * Runs `perform` at most once per key and caller, or `replay` with what the first run stored.
 * `perform` must record its outcome through `completeClaim`. An unexpected failure releases the
 * claim for a retry (the provider is idempotent on its own key, so that is safe) and is rethrown.
 */
export async function idempotently<T>(
  db: PaymentsDatabase,
  log: Logger,
  request: IdempotentRequest,
  steps: { perform(claim: Claim): Promise<T>; replay(row: IdempotencyKeyRow): Promise<T> },
  timing: IdempotencyTiming = defaultTiming,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const claimed = await claimKey(db, request, timing);
    if (claimed.kind === "completed") return steps.replay(claimed.row);
    const { claim } = claimed;
    if (claim.takenOver) {
      log.warn(
        { scope: request.scope, operation: request.operation, key: request.key },
        "took over an idempotency key abandoned by a process that did not finish",
      );
    }
    try {
      return await steps.perform(claim);
    } catch (error) {
      // Someone took the key over while this process was slow: theirs is the outcome; go back
      // and wait for it.
      if (error instanceof ClaimLost) {
        if (attempt < 3) continue;
        throw idempotencyKeyInUse();
      }
      await releaseClaim(db, claim).catch((releaseError: unknown) =>
        log.error({ err: releaseError }, "could not release an idempotency key; it will be taken over later"),
      );
      throw error;
    }
  }
}

/** True when a charge for the order has been claimed and has not finished (or was abandoned). */
export async function chargeInFlight(db: PaymentsDatabase, orderId: string): Promise<{ since: Date } | null> {
  const [row] = await db
    .select({ lockedAt: idempotencyKeys.lockedAt })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orderId, orderId),
        eq(idempotencyKeys.operation, "CHARGE"),
        eq(idempotencyKeys.status, "IN_PROGRESS"),
      ),
    )
    .limit(1);
  return row ? { since: row.lockedAt } : null;
}

/**
 * Deletes finished keys older than the TTL, in batches; returns how many went. A key still
 * IN_PROGRESS is never swept: its request may have charged the card without recording it (the
 * processor's answer was lost), and while the key stays, `paymentForOrder` keeps saying the charge
 * is in flight instead of "nothing was charged" — so no order is cancelled over money taken.
 */
export async function sweepIdempotencyKeys(db: PaymentsDatabase, ttlHours: number): Promise<number> {
  let total = 0;
  for (;;) {
    const due = db
      .select({ id: idempotencyKeys.id })
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.status, "COMPLETED"),
          lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${ttlHours})`),
        ),
      )
      .limit(SWEEP_BATCH);
    const deleted = await db
      .delete(idempotencyKeys)
      .where(inArray(idempotencyKeys.id, due))
      .returning({ id: idempotencyKeys.id });
    total += deleted.length;
    if (deleted.length < SWEEP_BATCH) return total;
  }
}

/** Removes idempotency keys older than their time to live, every `intervalMs`. */
export function startIdempotencyKeySweeper(
  db: PaymentsDatabase,
  log: Logger,
  options: { ttlHours: number; intervalMs: number },
): PeriodicTask {
  return startPeriodicTask({
    name: "idempotency-key-sweeper",
    intervalMs: options.intervalMs,
    log,
    task: async () => {
      const removed = await sweepIdempotencyKeys(db, options.ttlHours);
      if (removed) log.info({ removed }, "swept expired idempotency keys");
    },
  });
}
