import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { type Logger } from "@storefront/platform/logger";
import { requireInternalCaller } from "@storefront/platform/auth";
import { badUserInput, notFound } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { startPeriodicTask, type PeriodicTask } from "@storefront/platform/periodic";
import { typed, type Typed } from "@storefront/platform/result";
import { validateInput } from "@storefront/platform/validation";
import type { CatalogueDependencies } from "../dependencies";
import type { CatalogueRequest } from "../request";
import type { CatalogueDatabase } from "../db";
import { reservations, stockLevels, variants, type ReservationRow } from "../db/schema";
import type { ReserveStockInput } from "../generated/resolvers";
import { recordMovement } from "./stock";

/**
 * Stock holds for the checkout saga, called by the orders subgraph with the service credential.
 *
 * Lock order: a transaction locks the reservation row first, then `stock_levels` rows in
 * ascending variant id (reservation lines are stored sorted, and the sweeper sorts across
 * reservations), so concurrent reserves, releases, commits and sweeps cannot deadlock.
 */

export interface ReservationLine {
  variantId: string;
  quantity: number;
}

export interface StockShortfall {
  variantId: string;
  requested: number;
  available: number;
}

export type InsufficientStock = Typed<"InsufficientStock", { lines: StockShortfall[] }>;

export type ReserveStockResult = Typed<"Reservation", ReservationRow> | InsufficientStock;

const SWEEP_BATCH = 100;

const reserveInput = z.object({
  reservationId: z.string().refine(isUuid, "must be a UUID"),
  lines: z
    .array(
      z.object({
        variantId: z.string(),
        quantity: z
          .number()
          .int("must be a whole number")
          .min(1, "must be at least 1")
          .max(10_000, "must be at most 10000"),
      }),
    )
    .min(1, "must contain at least one line")
    .max(100, "must contain at most 100 lines"),
  ttlSeconds: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(86_400, "must be at most 86400 (one day)"),
});

/** Plain code-unit order, the same in every replica whatever its locale. */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One line per variant (duplicates summed), sorted by variant id: the lock order. */
function mergeLines(lines: ReservationLine[]): ReservationLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    const variantId = isUuid(line.variantId) ? line.variantId.toLowerCase() : line.variantId;
    totals.set(variantId, (totals.get(variantId) ?? 0) + line.quantity);
  }
  return [...totals]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => byId(a.variantId, b.variantId));
}

/** Thrown inside the reservation transaction to roll every line back. */
class OutOfStock extends Error {
  constructor(readonly shortfall: StockShortfall[]) {
    super("insufficient stock");
  }
}

async function sellableVariantIds(db: CatalogueDatabase, lines: ReservationLine[]): Promise<Set<string>> {
  const ids = lines.map((line) => line.variantId).filter(isUuid);
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: variants.id })
    .from(variants)
    .where(and(inArray(variants.id, ids), eq(variants.status, "ACTIVE")));
  return new Set(rows.map((row) => row.id));
}

/**
 * The short lines among the one that could not be reserved (always listed) and those after it.
 * Earlier lines were reserved in this transaction, so they are not short and are not re-read.
 */
async function shortfallFrom(
  db: CatalogueDatabase,
  failed: ReservationLine,
  rest: ReservationLine[],
  sellable: Set<string>,
): Promise<StockShortfall[]> {
  const candidates = [failed, ...rest];
  const ids = candidates.map((line) => line.variantId).filter((id) => sellable.has(id));
  const levels = ids.length
    ? await db
        .select({ variantId: stockLevels.variantId, onHand: stockLevels.onHand })
        .from(stockLevels)
        .where(inArray(stockLevels.variantId, ids))
    : [];
  const onHand = new Map(levels.map((level) => [level.variantId, level.onHand]));
  return candidates
    .map((line) => ({
      variantId: line.variantId,
      requested: line.quantity,
      available: sellable.has(line.variantId) ? (onHand.get(line.variantId) ?? 0) : 0,
    }))
    .filter((line, index) => index === 0 || line.available < line.requested);
}

/**
 * Holds stock for every line or for none. Idempotent on `reservationId`: when a reservation with
 * that id exists, it is returned as stored and nothing more is reserved; a second concurrent
 * call with the same id waits on the first one's insert and then sees its row. A first attempt
 * that ended in InsufficientStock left no row (it was rolled back), so retrying the id simply
 * tries again against the stock there is now.
 */
export async function reserveStock(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  rawInput: ReserveStockInput,
): Promise<ReserveStockResult> {
  requireInternalCaller(request);
  const input = validateInput(reserveInput, rawInput);
  const lines = mergeLines(input.lines);
  try {
    return await deps.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(reservations)
        .values({
          id: input.reservationId,
          lines,
          expiresAt: sql`now() + make_interval(secs => ${input.ttlSeconds})`,
        })
        .onConflictDoNothing({ target: reservations.id })
        .returning();
      if (!created) return typed("Reservation", await storedReservation(tx, input.reservationId));
      const sellable = await sellableVariantIds(tx, lines);
      for (const [index, line] of lines.entries()) {
        const reserved =
          sellable.has(line.variantId) &&
          (await recordMovement(tx, {
            variantId: line.variantId,
            kind: "RESERVATION",
            quantity: -line.quantity,
            reservationId: created.id,
          }));
        if (!reserved) throw new OutOfStock(await shortfallFrom(tx, line, lines.slice(index + 1), sellable));
      }
      return typed("Reservation", created);
    });
  } catch (error) {
    if (error instanceof OutOfStock) return typed("InsufficientStock", { lines: error.shortfall });
    throw error;
  }
}

async function storedReservation(db: CatalogueDatabase, id: string): Promise<ReservationRow> {
  const [row] = await db.select().from(reservations).where(eq(reservations.id, id));
  if (!row) throw new Error(`reservation ${id} conflicted on insert but cannot be read`);
  return row;
}

export async function getReservation(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
): Promise<ReservationRow | null> {
  requireInternalCaller(request);
  if (!isUuid(id)) return null;
  const [row] = await deps.db.select().from(reservations).where(eq(reservations.id, id));
  return row ?? null;
}

/** The reservation, locked until the transaction ends so its status cannot change under us. */
async function lockReservation(db: CatalogueDatabase, id: string): Promise<ReservationRow> {
  const [row] = isUuid(id)
    ? await db.select().from(reservations).where(eq(reservations.id, id)).for("update")
    : [];
  if (!row) throw notFound("Reservation");
  return row;
}

async function settle(
  db: CatalogueDatabase,
  ids: string[],
  status: "RELEASED" | "COMMITTED",
): Promise<ReservationRow[]> {
  return db
    .update(reservations)
    .set({ status, settledAt: sql`now()` })
    .where(inArray(reservations.id, ids))
    .returning();
}

/** Gives the held stock of HELD reservations back, all lines in variant order across them. */
async function returnHeldStock(db: CatalogueDatabase, held: ReservationRow[], note: string | null) {
  const movements = held
    .flatMap((reservation) => reservation.lines.map((line) => ({ ...line, reservationId: reservation.id })))
    .sort((a, b) => byId(a.variantId, b.variantId) || byId(a.reservationId, b.reservationId));
  for (const movement of movements) {
    await recordMovement(db, { ...movement, kind: "RELEASE", note });
  }
}

/** Releasing twice gives the stock back once: a RELEASED reservation is returned as it is. */
export async function releaseReservation(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
): Promise<ReservationRow> {
  requireInternalCaller(request);
  return deps.db.transaction(async (tx) => {
    const reservation = await lockReservation(tx, id);
    if (reservation.status === "RELEASED") return reservation;
    if (reservation.status === "COMMITTED") {
      throw badUserInput("The reservation is already committed; its stock was sold.", "id");
    }
    await returnHeldStock(tx, [reservation], null);
    const [released] = await settle(tx, [reservation.id], "RELEASED");
    return released!;
  });
}

/**
 * Turns held stock into a sale. On hand does not change (the units left it when reserved); the
 * ledger records a RELEASE and a SALE per line so that it says the units were sold.
 * A HELD reservation past its expiry that the sweeper has not released yet is still committed:
 * its stock is still set aside for it, and refusing would fail a checkout whose payment may
 * already have been taken, for no gain to anyone else.
 */
export async function commitReservation(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
): Promise<ReservationRow> {
  requireInternalCaller(request);
  return deps.db.transaction(async (tx) => {
    const reservation = await lockReservation(tx, id);
    if (reservation.status === "COMMITTED") return reservation;
    if (reservation.status === "RELEASED") {
      throw badUserInput(
        "The reservation has expired or was released; its stock is no longer held. Reserve again.",
        "id",
      );
    }
    for (const line of reservation.lines) {
      const movement = { variantId: line.variantId, quantity: line.quantity, reservationId: reservation.id };
      await recordMovement(tx, { ...movement, kind: "RELEASE" });
      // The RELEASE just added these units under this transaction's row lock, so they are there.
      const sold = await recordMovement(tx, { ...movement, kind: "SALE", quantity: -line.quantity });
      if (!sold) throw new Error(`stock released for reservation ${reservation.id} could not be sold`);
    }
    const [committed] = await settle(tx, [reservation.id], "COMMITTED");
    return committed!;
  });
}

/**
 * One sweep: releases HELD reservations whose hold has expired, in batches. SKIP LOCKED lets
 * several replicas sweep at once without waiting on, or releasing twice, the same reservation
 * (one being committed or released right now is skipped and re-checked next sweep).
 */
export async function releaseExpiredReservations(db: CatalogueDatabase, log: Logger): Promise<number> {
  let total = 0;
  for (;;) {
    const released = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(reservations)
        .where(and(eq(reservations.status, "HELD"), lt(reservations.expiresAt, sql`now()`)))
        .orderBy(asc(reservations.expiresAt))
        .limit(SWEEP_BATCH)
        .for("update", { skipLocked: true });
      if (!due.length) return 0;
      await returnHeldStock(tx, due, "reservation expired");
      await settle(
        tx,
        due.map((reservation) => reservation.id),
        "RELEASED",
      );
      return due.length;
    });
    total += released;
    if (released < SWEEP_BATCH) break;
  }
  if (total > 0) log.info({ released: total }, "released expired stock reservations");
  else log.debug({ released: 0 }, "no expired stock reservations");
  return total;
}

/** Releases expired stock reservations every `intervalMs`. */
export function startReservationSweeper(
  db: CatalogueDatabase,
  log: Logger,
  intervalMs: number,
): PeriodicTask {
  return startPeriodicTask({
    name: "reservation-sweeper",
    intervalMs,
    log,
    task: () => releaseExpiredReservations(db, log),
  });
}
