import { Money } from "../components/Money";
import type { OrderDetailsFragment } from "../graphql/generated/graphql";

const PAYMENT_LABELS = {
  SUCCEEDED: "Paid",
  FAILED: "Failed",
  PARTIALLY_REFUNDED: "Partly refunded",
  REFUNDED: "Refunded",
} as const;

export function PaymentSummary({ payment }: { payment: OrderDetailsFragment["payment"] }) {
  return (
    <section aria-labelledby="payment-title" className="payment-summary">
      <h2 id="payment-title">Payment</h2>
      {payment ? (
        <dl>
          <div>
            <dt>Status</dt>
            <dd data-payment-status={payment.status}>{PAYMENT_LABELS[payment.status]}</dd>
          </div>
          <div>
            <dt>Card</dt>
            <dd>
              {payment.cardBrand} ending {payment.cardLast4}
            </dd>
          </div>
          <div>
            <dt>Amount</dt>
            <dd>
              <Money value={payment.amount} />
            </dd>
          </div>
          {payment.failureMessage && (
            <div>
              <dt>Reason</dt>
              <dd>{payment.failureMessage}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p>No payment has been taken.</p>
      )}
    </section>
  );
}
