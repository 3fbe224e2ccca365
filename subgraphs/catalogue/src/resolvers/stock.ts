import type { Resolvers } from "../generated/resolvers";
import * as reservations from "../services/reservations";
import * as stock from "../services/stock";

export const stockResolvers = {
  Query: {
    stockMovements: (_, args, ctx) => stock.listMovements(ctx, args.variantId, args.first, args.after),
    reservation: (_, args, ctx) => reservations.getReservation(ctx, args.id),
  },
  Mutation: {
    receiveStock: (_, args, ctx) => stock.receiveStock(ctx, args.variantId, args.quantity, args.note),
    adjustStock: (_, args, ctx) => stock.adjustStock(ctx, args.variantId, args.delta, args.reason),
    reserveStock: (_, args, ctx) => reservations.reserveStock(ctx, args.input),
    releaseReservation: (_, args, ctx) => reservations.releaseReservation(ctx, args.id),
    commitReservation: (_, args, ctx) => reservations.commitReservation(ctx, args.id),
  },
} satisfies Resolvers;
