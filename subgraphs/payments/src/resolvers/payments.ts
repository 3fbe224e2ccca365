import type { Resolvers } from "../generated/resolvers";
import { chargePayment, paymentForOrder } from "../services/charges";
import { orderPayment } from "../services/visibility";

const money = (amount: number, currency: string) => ({ amount, currency });

export const paymentResolvers = {
  Query: {
    paymentForOrder: (_, args, ctx) => paymentForOrder(ctx, args.orderId),
  },
  Mutation: {
    chargePayment: (_, args, ctx) => chargePayment(ctx, args.input),
  },
  Order: {
    // The orders subgraph owns Order; here it is only an id to hang the payment on.
    __resolveReference: (ref) => ({ id: ref.id }),
    payment: (order, _, ctx) => orderPayment(ctx, order.id),
  },
  Payment: {
    amount: (payment) => money(payment.amount, payment.currency),
    refundedAmount: (payment) => money(payment.refundedAmount, payment.currency),
    refunds: (payment, _, ctx) => ctx.loaders.refundsByPaymentId.load(payment.id),
  },
  Refund: {
    amount: (refund) => money(refund.amount, refund.currency),
  },
} satisfies Resolvers;
