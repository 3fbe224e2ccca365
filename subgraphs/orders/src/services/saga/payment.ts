import {
  ChargePaymentDocument,
  PaymentForOrderDocument,
  RefundPaymentDocument,
  type CardInput,
  type ChargePaymentMutation,
} from "@storefront/contracts/payments";
import type { OrderRow } from "../../db/schema";
import type { SagaContext, SagaDeps } from "./context";

export type Charge = ChargePaymentMutation["chargePayment"];

/** Charges the order's total to the card; idempotent on the order id, so a retry never charges twice. */
export async function chargePayment(
  deps: Pick<SagaDeps, "payments">,
  ctx: SagaContext,
  order: OrderRow,
  card: CardInput,
): Promise<Charge> {
  const { chargePayment } = await deps.payments(
    ChargePaymentDocument,
    {
      input: {
        orderId: order.id,
        userId: order.userId,
        amount: order.total,
        currency: order.currency,
        idempotencyKey: order.id,
        card,
      },
    },
    { requestId: ctx.requestId },
  );
  return chargePayment;
}

/**
 * Refunds an order's charge in full because the order cannot be fulfilled, once (the refund's
 * idempotency key is derived from the order's).
 */
export async function refundUnfulfillablePayment(
  deps: Pick<SagaDeps, "payments">,
  ctx: SagaContext,
  orderId: string,
  paymentId: string,
): Promise<void> {
  const { refundPayment } = await deps.payments(
    RefundPaymentDocument,
    {
      input: {
        paymentId,
        reason: "Order could not be fulfilled: out of stock",
        idempotencyKey: `unfulfillable:${orderId}`,
      },
    },
    { requestId: ctx.requestId },
  );
  // Already refunded in full (a retry after the refund went through) is the outcome wanted.
  if (refundPayment.__typename === "RefundError" && refundPayment.code !== "PAYMENT_NOT_REFUNDABLE") {
    throw new Error(`refund of order ${orderId} refused: ${refundPayment.code}`);
  }
}

/** What the payments service knows about an order's charge: the truth after a crash. */
export async function paymentOf(deps: Pick<SagaDeps, "payments">, ctx: SagaContext, orderId: string) {
  const { paymentForOrder } = await deps.payments(
    PaymentForOrderDocument,
    { orderId },
    { requestId: ctx.requestId },
  );
  return paymentForOrder;
}
