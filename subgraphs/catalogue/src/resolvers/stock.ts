import type { CatalogueContext } from "../context";
import * as reservations from "../services/reservations";
import * as stock from "../services/stock";

type PageArgs = { first?: number | null; after?: string | null };

export const stockResolvers = {
  Query: {
    stockMovements: (_: unknown, args: PageArgs & { variantId: string }, ctx: CatalogueContext) =>
      stock.listMovements(ctx, args.variantId, args.first, args.after),
    reservation: (_: unknown, args: { id: string }, ctx: CatalogueContext) =>
      reservations.getReservation(ctx, args.id),
  },
  Mutation: {
    receiveStock: (
      _: unknown,
      args: { variantId: string; quantity: number; note?: string | null },
      ctx: CatalogueContext,
    ) => stock.receiveStock(ctx, args.variantId, args.quantity, args.note),
    adjustStock: (
      _: unknown,
      args: { variantId: string; delta: number; reason: string },
      ctx: CatalogueContext,
    ) => stock.adjustStock(ctx, args.variantId, args.delta, args.reason),
    reserveStock: (_: unknown, args: { input: unknown }, ctx: CatalogueContext) =>
      reservations.reserveStock(ctx, args.input),
    releaseReservation: (_: unknown, args: { id: string }, ctx: CatalogueContext) =>
      reservations.releaseReservation(ctx, args.id),
    commitReservation: (_: unknown, args: { id: string }, ctx: CatalogueContext) =>
      reservations.commitReservation(ctx, args.id),
  },
  ReserveStockResult: {
    __resolveType: (result: reservations.ReserveStockResult) =>
      "status" in result ? "Reservation" : "InsufficientStock",
  },
};
