import type { PaymentsContext } from "../context";
import { refundPayment, type RefundResult } from "../services/refunds";

export const refundResolvers = {
  Mutation: {
    refundPayment: (_: unknown, args: { input: unknown }, ctx: PaymentsContext) =>
      refundPayment(ctx, args.input),
  },
  RefundResult: {
    __resolveType: (result: RefundResult) => ("code" in result ? "RefundError" : "RefundSucceeded"),
  },
};
