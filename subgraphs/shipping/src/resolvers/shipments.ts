import type { Resolvers } from "../generated/resolvers";
import {
  advanceShipment,
  findShipment,
  listShipments,
  reportShipmentException,
  shipmentOfOrder,
} from "../services/shipments";

export const shipmentResolvers = {
  Query: {
    shipment: (_, args, ctx) => findShipment(ctx, args.id),
    shipments: (_, args, ctx) => listShipments(ctx, args),
  },
  Mutation: {
    advanceShipment: (_, args, ctx) => advanceShipment(ctx, args.id, args.note),
    reportShipmentException: (_, args, ctx) => reportShipmentException(ctx, args.id, args.reason),
  },
  Order: {
    // Shipping knows orders only by id; everything it needs is in its own tables.
    __resolveReference: (ref) => ({ id: ref.id }),
    shipment: (order, _, ctx) => shipmentOfOrder(ctx, order.id),
  },
  Shipment: {
    events: async (shipment, _, ctx) =>
      (await ctx.loaders.eventsByShipmentId.load(shipment.id)).map((event) => ({
        status: event.status,
        note: event.note,
        at: event.at,
      })),
    order: (shipment) => ({ __typename: "Order", id: shipment.orderId }),
  },
} satisfies Resolvers;
