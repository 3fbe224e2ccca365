import { canSee } from "@storefront/platform/visibility";
import type { PaymentsContext } from "../context";
import type { PaymentRow } from "../db/schema";

/** Who may see a payment: the customer who paid, an administrator, or another platform service. */
export function canSeePayment(ctx: PaymentsContext, payment: PaymentRow): boolean {
  return canSee(ctx, payment.userId);
}

/**
 * `Order.payment`: the order's latest payment attempt. Anyone else gets null rather than an
 * error, so an order query from someone allowed to see the order but not its payment still works.
 * Guests cannot see any payment, so they cost no SQL.
 */
export async function orderPayment(ctx: PaymentsContext, orderId: string): Promise<PaymentRow | null> {
  if (!ctx.internalCaller && !ctx.viewer) return null;
  const payment = await ctx.loaders.latestPaymentByOrderId.load(orderId);
  return payment && canSeePayment(ctx, payment) ? payment : null;
}
