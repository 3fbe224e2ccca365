import { and, asc, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Logger } from "@storefront/platform";
import type { CartDatabase } from "../db";
import { carts } from "../db/schema";

const SWEEP_BATCH = 500;

/**
 * Deletes guest carts (and, by cascade, their lines) untouched for `ttlDays`, merged ones
 * included, in batches. SKIP LOCKED passes over a cart being written right now, and the outer
 * condition is checked again on the row as it is when deleted, so a cart touched while the
 * sweep runs survives.
 */
export async function deleteIdleGuestCarts(db: CartDatabase, ttlDays: number): Promise<number> {
  const idle = and(
    isNull(carts.userId),
    lt(carts.updatedAt, sql`now() - make_interval(days => ${ttlDays}::int)`),
  );
  let total = 0;
  for (;;) {
    const batch = db
      .select({ id: carts.id })
      .from(carts)
      .where(idle)
      .orderBy(asc(carts.updatedAt))
      .limit(SWEEP_BATCH)
      .for("update", { skipLocked: true });
    const deleted = await db
      .delete(carts)
      .where(and(idle, inArray(carts.id, batch)))
      .returning({ id: carts.id });
    total += deleted.length;
    if (deleted.length < SWEEP_BATCH) return total;
  }
}

/**
 * Sweeps every `intervalMs`, the next sweep scheduled when one ends so they never overlap; a
 * failed sweep is logged and tried again next time. Several replicas may sweep at once.
 */
export function startGuestCartSweeper(
  db: CartDatabase,
  log: Logger,
  options: { ttlDays: number; intervalMs: number },
): { stop(): Promise<void> } {
  const sweepLog = log.child({ component: "guest-cart-sweeper" });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;

  const sweep = async () => {
    try {
      const deleted = await deleteIdleGuestCarts(db, options.ttlDays);
      if (deleted) sweepLog.info({ deleted }, "deleted idle guest carts");
    } catch (err) {
      sweepLog.error({ err }, "sweeping idle guest carts failed");
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      sweeping = sweep().finally(() => {
        sweeping = undefined;
        if (!stopped) schedule();
      });
    }, options.intervalMs);
    // The sweeper alone must not keep an otherwise finished process alive.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await sweeping;
    },
  };
}
