import type { OrdersContext } from "../context";
import type { OrderLineRow } from "../db/schema";
import { lineTotal } from "../domain/pricing";
import type { Resolvers } from "../generated/resolvers";
import type { OrderStatusEvent } from "../services/live";
import { visibleOrder } from "../services/queries";

const money = (amount: number, currency: string) => ({ amount, currency });
const variantRef = (variantId: string) => ({ __typename: "ProductVariant" as const, id: variantId });

export const orderResolvers = {
  Query: {
    myOrders: (_, args, ctx) => ctx.useCases.ordersOf(ctx, ctx.viewer?.userId ?? "", args),
    order: (_, args, ctx) => visibleOrder(ctx, args.id),
  },
  Mutation: {
    checkout: (_, args, ctx) => ctx.useCases.checkout(ctx, args.input),
    cancelOrder: (_, args, ctx) => ctx.useCases.cancelOrder(ctx, args.id),
  },
  Subscription: {
    orderStatusChanged: {
      subscribe: (_, args, ctx) => ctx.useCases.followOrder(ctx, args.orderId, args.afterSequence),
      resolve: (event: OrderStatusEvent) => event,
    },
    myOrderUpdates: {
      subscribe: (_, __, ctx) => ctx.useCases.followMyOrders(ctx),
      resolve: (event: OrderStatusEvent) => event,
    },
  },
  OrderStatusEvent: {
    // Events reach only subscribers who may see the order (checked when they subscribed).
    order: async (event, _, ctx) => (await visibleOrder(ctx, event.orderId))!,
  },
  StockShortage: {
    variant: (shortage) => variantRef(shortage.variantId),
  },
  User: {
    orders: (user, args, ctx) => ctx.useCases.ordersOf(ctx, user.id, args),
  },
  Order: {
    __resolveReference: (ref, ctx) => visibleOrder(ctx, ref.id),
    lines: (order, _, ctx) => {
      // The lines' money fields read the currency from their order: let them find it loaded.
      ctx.loaders.orderById.prime(order.id, order);
      return ctx.loaders.linesByOrderId.load(order.id);
    },
    subtotal: (order) => money(order.subtotal, order.currency),
    shippingTotal: (order) => money(order.shippingTotal, order.currency),
    total: (order) => money(order.total, order.currency),
    statusHistory: async (order, _, ctx) =>
      (await ctx.loaders.historyByOrderId.load(order.id)).map((row) => ({
        status: row.status,
        note: row.note,
        at: row.createdAt,
      })),
    failureReason: (order) => order.failureMessage,
    customer: (order) => ({ __typename: "User", id: order.userId }),
  },
  OrderLine: {
    variant: (line) => variantRef(line.variantId),
    unitPrice: (line, _, ctx) => orderMoney(ctx, line, line.unitPrice),
    lineTotal: (line, _, ctx) => orderMoney(ctx, line, lineTotal(line)),
  },
} satisfies Resolvers;

/** Lines carry no currency of their own: it is the order's (already loaded for the parent). */
async function orderMoney(ctx: OrdersContext, line: OrderLineRow, amount: number) {
  const order = await ctx.loaders.orderById.load(line.orderId);
  return money(amount, order!.currency);
}
