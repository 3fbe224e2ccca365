import { and, asc, inArray, lt, sql } from "drizzle-orm";
import { type Logger } from "@storefront/platform/logger";
import { inTransactionWithOutbox, type OutboxRelay } from "@storefront/platform/outbox";
import { startPeriodicTask, type PeriodicTask } from "@storefront/platform/periodic";
import type { ShippingDatabase } from "../db";
import { shipments } from "../db/schema";
import { changeStatus, defaultNote, MOVING_STATUSES, nextStatus } from "./transitions";

const BATCH = 50;

/**
 * One pass of the stand-in carrier: every moving shipment whose last change is older than a
 * step goes one status further. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas
 * running the same pass split the work and never advance one shipment twice; shipments in
 * EXCEPTION wait for a person. Resolves with how many shipments moved; their status messages go
 * out through `relay` once the pass has committed.
 */
export async function advanceDueShipments(
  db: ShippingDatabase,
  relay: OutboxRelay,
  stepSeconds: number,
): Promise<number> {
  return inTransactionWithOutbox(db, relay, async (tx, outbox) => {
    const due = await tx
      .select()
      .from(shipments)
      .where(
        and(
          inArray(shipments.status, MOVING_STATUSES),
          lt(shipments.updatedAt, sql`now() - make_interval(secs => ${stepSeconds})`),
        ),
      )
      .orderBy(asc(shipments.updatedAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    let moved = 0;
    for (const shipment of due) {
      const to = nextStatus(shipment)!;
      if (await changeStatus(tx, outbox, shipment, to, `${defaultNote(shipment, to)} (simulated carrier)`))
        moved++;
    }
    return moved;
  });
}

export function startSimulatedCarrier(options: {
  db: ShippingDatabase;
  relay: OutboxRelay;
  log: Logger;
  stepSeconds: number;
  intervalMs: number;
}): PeriodicTask {
  const { db, relay, log, stepSeconds, intervalMs } = options;
  log.info({ stepSeconds }, "simulated carrier started");
  return startPeriodicTask({
    name: "simulated-carrier",
    intervalMs,
    log,
    task: async () => {
      const moved = await advanceDueShipments(db, relay, stepSeconds);
      if (moved) log.debug({ moved }, "simulated carrier advanced shipments");
      // A full batch means more are due: go again at once instead of waiting a tick.
      return moved === BATCH;
    },
  });
}
