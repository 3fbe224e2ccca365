import { createHash } from "node:crypto";
import { ServiceCallError } from "@storefront/platform/errors";
import {
  CommitReservationDocument,
  ReleaseReservationDocument,
  ReserveStockDocument,
  type ReserveStockMutation,
} from "@storefront/contracts/catalogue";
import type { OrderLineRow, OrderRow } from "../../db/schema";
import type { SagaContext, SagaDeps } from "./context";

type StockDeps = Pick<SagaDeps, "catalogue" | "config">;
type ReserveResult = ReserveStockMutation["reserveStock"];

/** Holds the lines' stock in the catalogue, all or nothing, idempotent on `reservationId`. */
export async function reserveStock(
  deps: StockDeps,
  ctx: SagaContext,
  reservationId: string,
  lines: Pick<OrderLineRow, "variantId" | "quantity">[],
): Promise<ReserveResult> {
  const { reserveStock: result } = await deps.catalogue(
    ReserveStockDocument,
    {
      input: {
        reservationId,
        lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
        ttlSeconds: deps.config.reservationTtlSeconds,
      },
    },
    { requestId: ctx.requestId },
  );
  return result;
}

/** Releases an order's stock hold; one that no longer exists (never made, or swept) is already released. */
export async function releaseStock(
  deps: Pick<SagaDeps, "catalogue">,
  ctx: SagaContext,
  orderId: string,
): Promise<void> {
  try {
    await deps.catalogue(ReleaseReservationDocument, { id: orderId }, { requestId: ctx.requestId });
  } catch (error) {
    if (error instanceof ServiceCallError && error.codes.includes("NOT_FOUND")) return;
    throw error;
  }
}

/**
 * The id of an order's second reservation, made when its first expired before it could be sold.
 * Derived from the order's id, so a retry of the same step finds the same reservation.
 */
export function renewedReservationId(orderId: string): string {
  const hex = createHash("sha256").update(`${orderId}/renewed`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const commit = (deps: Pick<SagaDeps, "catalogue">, ctx: SagaContext, reservationId: string) =>
  deps.catalogue(CommitReservationDocument, { id: reservationId }, { requestId: ctx.requestId });

/**
 * Turns a paid order's held stock into a sale. Normally that commits the order's reservation.
 * When the hold expired first (the checkout was interrupted for longer than a reservation lasts,
 * and the catalogue gave the stock back), the stock is reserved again and that is committed.
 * Resolves false when the stock is gone by then: the order cannot be fulfilled.
 */
export async function sellStock(
  deps: StockDeps,
  ctx: SagaContext,
  order: OrderRow,
  lines: Pick<OrderLineRow, "variantId" | "quantity">[],
): Promise<boolean> {
  try {
    await commit(deps, ctx, order.id);
    return true;
  } catch (error) {
    // The catalogue refuses to commit a released reservation with BAD_USER_INPUT.
    if (!(error instanceof ServiceCallError && error.codes.includes("BAD_USER_INPUT"))) throw error;
  }
  const renewed = renewedReservationId(order.id);
  ctx.log.warn(
    { orderId: order.id, reservationId: renewed },
    "stock hold expired before the sale; reserving again",
  );
  if ((await reserveStock(deps, ctx, renewed, lines)).__typename === "InsufficientStock") return false;
  await commit(deps, ctx, renewed);
  return true;
}
