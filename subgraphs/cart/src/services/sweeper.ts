import { and, asc, inArray, isNull, lt, sql } from "drizzle-orm";
import { type Logger } from "@storefront/platform/logger";
import { startPeriodicTask, type PeriodicTask } from "@storefront/platform/periodic";
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

/** Deletes idle guest carts every `intervalMs`; several replicas may sweep at once. */
export function startGuestCartSweeper(
  db: CartDatabase,
  log: Logger,
  options: { ttlDays: number; intervalMs: number },
): PeriodicTask {
  return startPeriodicTask({
    name: "guest-cart-sweeper",
    intervalMs: options.intervalMs,
    log,
    task: async () => {
      const deleted = await deleteIdleGuestCarts(db, options.ttlDays);
      if (deleted) log.info({ deleted }, "deleted idle guest carts");
    },
  });
}
