import type { ShippingContext } from "../context";
import type { ShipmentEventRow, ShipmentRow, ShipmentStatus } from "../db/schema";
import {
  advanceShipment,
  findShipment,
  listShipments,
  reportShipmentException,
  shipmentOfOrder,
} from "../services/shipments";

type PageArgs = { status?: ShipmentStatus | null; first?: number | null; after?: string | null };

export const shipmentResolvers = {
  Query: {
    shipment: (_: unknown, args: { id: string }, ctx: ShippingContext) => findShipment(ctx, args.id),
    shipments: (_: unknown, args: PageArgs, ctx: ShippingContext) => listShipments(ctx, args),
  },
  Mutation: {
    advanceShipment: (_: unknown, args: { id: string; note?: string | null }, ctx: ShippingContext) =>
      advanceShipment(ctx, args.id, args.note),
    reportShipmentException: (_: unknown, args: { id: string; reason: string }, ctx: ShippingContext) =>
      reportShipmentException(ctx, args.id, args.reason),
  },
  Order: {
    // Shipping knows orders only by id; everything it needs is in its own tables.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    shipment: (order: { id: string }, _: unknown, ctx: ShippingContext) => shipmentOfOrder(ctx, order.id),
  },
  Shipment: {
    events: async (shipment: ShipmentRow, _: unknown, ctx: ShippingContext) =>
      (await ctx.loaders.eventsByShipmentId.load(shipment.id)).map((event: ShipmentEventRow) => ({
        status: event.status,
        note: event.note,
        at: event.at,
      })),
    order: (shipment: ShipmentRow) => ({ __typename: "Order", id: shipment.orderId }),
  },
};
