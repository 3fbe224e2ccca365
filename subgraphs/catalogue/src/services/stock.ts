import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireAdmin } from "@storefront/platform/auth";
import { badUserInput, notFound } from "@storefront/platform/errors";
import { newestFirst } from "@storefront/platform/keyset";
import { pageSize, toConnection, type Connection } from "@storefront/platform/pagination";
import { validateInput } from "@storefront/platform/validation";
import type { CatalogueDependencies } from "../dependencies";
import type { CatalogueRequest } from "../request";
import type { CatalogueDatabase } from "../db";
import { stockLevels, stockMovements, type MovementKind } from "../db/schema";
import { type VariantWithStock } from "../loaders";

export type StockMovementRow = typeof stockMovements.$inferSelect;

export interface Movement {
  variantId: string;
  kind: MovementKind;
  /** Positive adds to on hand, negative takes from it; never zero. */
  quantity: number;
  reservationId?: string | null;
  note?: string | null;
}

/** Largest quantity one receipt or adjustment may move; keeps on hand far from integer overflow. */
const MAX_MOVEMENT = 1_000_000;

/**
 * Appends one movement to the ledger and applies it to `stock_levels` in a single statement (a
 * data-modifying CTE), so the two can never disagree whether `db` is a transaction or not.
 * A decrement only happens while `on_hand + quantity >= 0`: under concurrency PostgreSQL
 * re-checks that condition against the latest committed row, so stock can never go negative and
 * the loser gets `false` with nothing written. A variant without a stock row has 0 on hand.
 */
export async function recordMovement(db: CatalogueDatabase, movement: Movement): Promise<boolean> {
  const { variantId, kind, quantity } = movement;
  if (!Number.isInteger(quantity) || quantity === 0) {
    throw new RangeError(`A stock movement needs a non-zero whole quantity, not ${quantity}.`);
  }
  const level = db.$with("level").as(
    quantity > 0
      ? db
          .insert(stockLevels)
          .values({ variantId, onHand: quantity })
          .onConflictDoUpdate({
            target: stockLevels.variantId,
            set: { onHand: sql`${stockLevels.onHand} + ${quantity}`, updatedAt: sql`now()` },
          })
          .returning({ variantId: stockLevels.variantId })
      : db
          .update(stockLevels)
          .set({ onHand: sql`${stockLevels.onHand} + ${quantity}`, updatedAt: sql`now()` })
          .where(and(eq(stockLevels.variantId, variantId), sql`${stockLevels.onHand} + ${quantity} >= 0`))
          .returning({ variantId: stockLevels.variantId }),
  );
  const inserted = await db
    .with(level)
    .insert(stockMovements)
    .select(
      // INSERT … SELECT through Drizzle names every column in table order, defaults included.
      db
        .select({
          id: sql`gen_random_uuid()`.as("id"),
          variantId: level.variantId,
          kind: sql`${kind}::stock_movement_kind`.as("kind"),
          quantity: sql`${quantity}::integer`.as("quantity"),
          reservationId: sql`${movement.reservationId ?? null}::uuid`.as("reservation_id"),
          note: sql`${movement.note ?? null}::text`.as("note"),
          createdAt: sql`now()`.as("created_at"),
        })
        .from(level),
    )
    .returning({ id: stockMovements.id });
  return inserted.length === 1;
}

/** Units on hand per variant right now; 0 for variants without a stock row. */
async function onHandOf(db: CatalogueDatabase, variantId: string): Promise<number> {
  const [row] = await db
    .select({ onHand: stockLevels.onHand })
    .from(stockLevels)
    .where(eq(stockLevels.variantId, variantId));
  return row?.onHand ?? 0;
}

async function existingVariant(request: CatalogueRequest, variantId: string): Promise<VariantWithStock> {
  const variant = await request.loaders.variantById.load(variantId);
  if (!variant) throw notFound("Variant");
  return variant;
}

/** The variant as it is after a change, not as this request's loader first saw it. */
async function freshVariant(request: CatalogueRequest, variantId: string): Promise<VariantWithStock> {
  request.loaders.variantById.clear(variantId);
  return existingVariant(request, variantId);
}

const optionalNote = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .nullish()
  .transform((v) => v || null);

const receiptInput = z.object({
  quantity: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_MOVEMENT, `must be at most ${MAX_MOVEMENT}`),
  note: optionalNote,
});

const adjustmentInput = z.object({
  delta: z
    .number()
    .int("must be a whole number")
    .refine((v) => v !== 0, "must not be zero")
    .refine((v) => Math.abs(v) <= MAX_MOVEMENT, `must be between -${MAX_MOVEMENT} and ${MAX_MOVEMENT}`),
  reason: z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
});

export async function receiveStock(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  variantId: string,
  quantity: number,
  note: string | null | undefined,
): Promise<VariantWithStock> {
  requireAdmin(request.viewer);
  const input = validateInput(receiptInput, { quantity, note });
  await existingVariant(request, variantId);
  await recordMovement(deps.db, { variantId, kind: "RECEIPT", quantity: input.quantity, note: input.note });
  return freshVariant(request, variantId);
}

export async function adjustStock(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  variantId: string,
  delta: number,
  reason: string,
): Promise<VariantWithStock> {
  requireAdmin(request.viewer);
  const input = validateInput(adjustmentInput, { delta, reason });
  await existingVariant(request, variantId);
  const applied = await recordMovement(deps.db, {
    variantId,
    kind: "ADJUSTMENT",
    quantity: input.delta,
    note: input.reason,
  });
  if (!applied) {
    const onHand = await onHandOf(deps.db, variantId);
    throw badUserInput(
      `Only ${onHand} on hand: an adjustment of ${input.delta} would take stock below zero.`,
      "delta",
    );
  }
  return freshVariant(request, variantId);
}

export async function listMovements(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  variantId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<StockMovementRow>> {
  requireAdmin(request.viewer);
  const limit = pageSize(first, 50);
  await existingVariant(request, variantId);
  const rows = await deps.db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.variantId, variantId), newestFirst.after(stockMovements, after)))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(limit + 1);
  return toConnection(rows, limit, newestFirst.cursorOf);
}
