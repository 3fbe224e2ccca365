import type { PaymentsContext } from "../context";
import type { PaymentRow, RefundRow } from "../db/schema";
import { chargePayment, paymentForOrder } from "../services/charges";
import { orderPayment } from "../services/visibility";

const money = (amount: number, currency: string) => ({ amount, currency });

export const paymentResolvers = {
  Query: {
    paymentForOrder: (_: unknown, args: { orderId: string }, ctx: PaymentsContext) =>
      paymentForOrder(ctx, args.orderId),
  },
  Mutation: {
    chargePayment: (_: unknown, args: { input: unknown }, ctx: PaymentsContext) =>
      chargePayment(ctx, args.input),
  },
  Order: {
    // The orders subgraph owns Order; here it is only an id to hang the payment on.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    payment: (order: { id: string }, _: unknown, ctx: PaymentsContext) => orderPayment(ctx, order.id),
  },
  Payment: {
    amount: (payment: PaymentRow) => money(payment.amount, payment.currency),
    refundedAmount: (payment: PaymentRow) => money(payment.refundedAmount, payment.currency),
    refunds: (payment: PaymentRow, _: unknown, ctx: PaymentsContext) =>
      ctx.loaders.refundsByPaymentId.load(payment.id),
  },
  Refund: {
    amount: (refund: RefundRow) => money(refund.amount, refund.currency),
  },
};
