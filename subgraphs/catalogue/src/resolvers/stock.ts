import type { Resolvers } from "../generated/resolvers";

export const stockResolvers = {
  Query: {
    stockMovements: (_, args, ctx) => ctx.useCases.listMovements(ctx, args.variantId, args.first, args.after),
    reservation: (_, args, ctx) => ctx.useCases.getReservation(ctx, args.id),
  },
  Mutation: {
    receiveStock: (_, args, ctx) => ctx.useCases.receiveStock(ctx, args.variantId, args.quantity, args.note),
    adjustStock: (_, args, ctx) => ctx.useCases.adjustStock(ctx, args.variantId, args.delta, args.reason),
    reserveStock: (_, args, ctx) => ctx.useCases.reserveStock(ctx, args.input),
    releaseReservation: (_, args, ctx) => ctx.useCases.releaseReservation(ctx, args.id),
    commitReservation: (_, args, ctx) => ctx.useCases.commitReservation(ctx, args.id),
  },
} satisfies Resolvers;
