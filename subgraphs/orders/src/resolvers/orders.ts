import type { OrdersContext } from "../context";
import type { OrderLineRow, OrderRow, OrderStatusRow } from "../db/schema";
import { checkout, type CheckoutResult } from "../services/checkout";
import type { OrderStatusEvent } from "../services/live";
import { cancelOrder, followMyOrders, followOrder, ordersOf, visibleOrder } from "../services/orders";

type PageArgs = { first?: number | null; after?: string | null };
const money = (amount: number, currency: string) => ({ amount, currency });
const variantRef = (variantId: string) => ({ __typename: "ProductVariant", id: variantId });

export const orderResolvers = {
  Query: {
    myOrders: (_: unknown, args: PageArgs, ctx: OrdersContext) =>
      ordersOf(ctx, ctx.viewer?.userId ?? "", args),
    order: (_: unknown, args: { id: string }, ctx: OrdersContext) => visibleOrder(ctx, args.id),
  },
  Mutation: {
    checkout: (_: unknown, args: { input: unknown }, ctx: OrdersContext) => checkout(ctx, args.input),
    cancelOrder: (_: unknown, args: { id: string }, ctx: OrdersContext) => cancelOrder(ctx, args.id),
  },
  Subscription: {
    orderStatusChanged: {
      subscribe: (_: unknown, args: { orderId: string; afterSequence?: number | null }, ctx: OrdersContext) =>
        followOrder(ctx, args.orderId, args.afterSequence),
      resolve: (event: OrderStatusEvent) => event,
    },
    myOrderUpdates: {
      subscribe: (_: unknown, __: unknown, ctx: OrdersContext) => followMyOrders(ctx),
      resolve: (event: OrderStatusEvent) => event,
    },
  },
  OrderStatusEvent: {
    order: (event: OrderStatusEvent, _: unknown, ctx: OrdersContext) => visibleOrder(ctx, event.orderId),
  },
  CheckoutResult: {
    __resolveType: (result: CheckoutResult) => ("code" in result ? "CheckoutError" : "Order"),
  },
  StockShortage: {
    variant: (shortage: { variantId: string }) => variantRef(shortage.variantId),
  },
  User: {
    orders: (user: { id: string }, args: PageArgs, ctx: OrdersContext) => ordersOf(ctx, user.id, args),
  },
  Order: {
    __resolveReference: (ref: { id: string }, ctx: OrdersContext) => visibleOrder(ctx, ref.id),
    lines: (order: OrderRow, _: unknown, ctx: OrdersContext) => {
      // The lines' money fields read the currency from their order: let them find it loaded.
      ctx.loaders.orderById.prime(order.id, order);
      return ctx.loaders.linesByOrderId.load(order.id);
    },
    subtotal: (order: OrderRow) => money(order.subtotal, order.currency),
    shippingTotal: (order: OrderRow) => money(order.shippingTotal, order.currency),
    total: (order: OrderRow) => money(order.total, order.currency),
    statusHistory: async (order: OrderRow, _: unknown, ctx: OrdersContext) =>
      (await ctx.loaders.historyByOrderId.load(order.id)).map((row: OrderStatusRow) => ({
        status: row.status,
        note: row.note,
        at: row.createdAt,
      })),
    failureReason: (order: OrderRow) => order.failureMessage,
    customer: (order: OrderRow) => ({ __typename: "User", id: order.userId }),
  },
  OrderLine: {
    variant: (line: OrderLineRow) => variantRef(line.variantId),
    unitPrice: (line: OrderLineRow, _: unknown, ctx: OrdersContext) => orderMoney(ctx, line, line.unitPrice),
    lineTotal: (line: OrderLineRow, _: unknown, ctx: OrdersContext) =>
      orderMoney(ctx, line, line.unitPrice * line.quantity),
  },
};

/** Lines carry no currency of their own: it is the order's (already loaded for the parent). */
async function orderMoney(ctx: OrdersContext, line: OrderLineRow, amount: number) {
  const order = await ctx.loaders.orderById.load(line.orderId);
  return money(amount, order!.currency);
}
