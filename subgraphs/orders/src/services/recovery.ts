import { and, inArray, lt, sql } from "drizzle-orm";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import { startPeriodicTask } from "@storefront/platform/periodic";
import { orders, type OrderRow } from "../db/schema";
import { CHECKOUT_IN_PROGRESS } from "../domain/order-status";
import { failPayment, refundUnfulfillable } from "./saga/compensation";
import { completePaidOrder } from "./saga/complete";
import type { SagaContext, SagaDeps } from "./saga/context";
import { paymentOf } from "./saga/payment";
import { releaseStock } from "./saga/stock";
import { transition } from "./transitions";

/** Finishes one interrupted checkout from what the other services say happened. */
async function finish(deps: SagaDeps, ctx: SagaContext, order: OrderRow): Promise<void> {
  const payment = order.status === "PAYMENT_PENDING" ? await paymentOf(deps, ctx, order.id) : null;
  if (payment?.status === "SUCCEEDED" || payment?.status === "PARTIALLY_REFUNDED") {
    await completePaidOrder(deps, ctx, order, payment.id);
    return;
  }
  // Refunded in full before the order was settled (the stock was gone and the process stopped
  // right after refunding): the money is back with the customer, so the order must not ship.
  if (payment?.status === "REFUNDED") {
    await refundUnfulfillable(deps, ctx, order, payment.id);
    return;
  }
  if (payment) {
    await failPayment(deps, ctx, order, payment.failureCode ?? "PROCESSING_ERROR");
    return;
  }
  await releaseStock(deps, ctx, order.id);
  const message = "The checkout was interrupted before payment; nothing was charged.";
  await inTransactionWithOutbox(deps.db, deps.relay, (tx, outbox) =>
    transition(tx, outbox, order, "CANCELLED", {
      note: message,
      failureCode: "ABANDONED",
      failureMessage: message,
    }),
  );
}

/**
 * Checkouts untouched for `staleSeconds` were interrupted (the process died, a service timed
 * out). Each is claimed by bumping its updated_at under FOR UPDATE SKIP LOCKED, so replicas
 * never finish the same one twice at once, then finished outside the claim.
 */
/** Interrupted checkouts claimed per pass. */
const RECOVERY_BATCH = 20;

export async function recoverInterruptedCheckouts(
  deps: SagaDeps,
  ctx: SagaContext,
  staleSeconds: number,
): Promise<{ claimed: number; finished: number }> {
  const claimed = await deps.db.transaction(async (tx) => {
    const stale = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          inArray(orders.status, [...CHECKOUT_IN_PROGRESS]),
          lt(orders.updatedAt, sql`now() - make_interval(secs => ${staleSeconds})`),
        ),
      )
      .limit(RECOVERY_BATCH)
      .for("update", { skipLocked: true });
    if (!stale.length) return [];
    return tx
      .update(orders)
      .set({ updatedAt: new Date() })
      .where(
        inArray(
          orders.id,
          stale.map((row) => row.id),
        ),
      )
      .returning();
  });
  let finished = 0;
  for (const order of claimed) {
    try {
      await finish(deps, ctx, order);
      finished++;
    } catch (error) {
      ctx.log.warn({ err: error, orderId: order.id }, "could not finish an interrupted checkout; will retry");
    }
  }
  if (finished) ctx.log.info({ finished }, "finished interrupted checkouts");
  return { claimed: claimed.length, finished };
}

export function startCheckoutRecovery(
  deps: SagaDeps,
  ctx: SagaContext,
  staleSeconds: number,
  intervalMs: number,
) {
  return startPeriodicTask({
    name: "checkout-recovery",
    intervalMs,
    log: ctx.log,
    // A full batch means a backlog (after an outage): go on at once rather than a batch a tick.
    task: async () => (await recoverInterruptedCheckouts(deps, ctx, staleSeconds)).claimed === RECOVERY_BATCH,
  });
}
