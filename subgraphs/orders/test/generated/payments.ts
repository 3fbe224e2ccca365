/* eslint-disable */
// Generated from subgraphs/orders/test/operations/payments/ and the payments subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
/**
 * A card as the customer typed it. Sent to the card processor only; never stored or logged.
 * Public because the orders subgraph's checkout takes the same input type.
 */
export type CardInput = {
  /** The 3 or 4 digit security code. */
  cvc: string;
  /** 1 to 12. */
  expMonth: number;
  /** Four digits (two are read as 20xx). */
  expYear: number;
  /** 12 to 19 digits; spaces and dashes are ignored. */
  number: string;
};

/** A charge for an order, as the checkout asks for it. */
export type ChargePaymentInput = {
  /** Minor units; positive, at most 99999999. */
  amount: number;
  /** The card to charge; validated before anything is written. */
  card: CardInput;
  /** ISO 4217, upper case, e.g. `USD`. */
  currency: string;
  /**
   * Chosen by the caller (1–255 characters), one per charge intended (the checkout uses the order
   * id). The same key with the same request returns the first payment, failed or not, and charges
   * nothing more; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).
   */
  idempotencyKey: string;
  /** The `Order` being paid for. */
  orderId: string | number;
  /** The customer paying; the only customer who will see the payment. */
  userId: string | number;
};

/** Where a payment stands: whether the money was taken, and how much of it went back. */
export type PaymentStatus =
  /** The charge was refused or could not be made; no money was taken. See `failureCode`. */
  | "FAILED"
  /** Part of the amount has been refunded. */
  | "PARTIALLY_REFUNDED"
  /** The whole amount has been refunded. */
  | "REFUNDED"
  /** The charge went through and nothing has been refunded. */
  | "SUCCEEDED";

/** What to refund, and how much. */
export type RefundPaymentInput = {
  /** Minor units; positive. Omitted: everything that can still be refunded. */
  amount?: number | null | undefined;
  /**
   * Chosen by the caller (1–255 characters), one per refund intended. The same key with the same
   * input returns the first outcome and refunds nothing more; the same key with other input is
   * refused with `extensions.reason: IDEMPOTENCY_KEY_REUSED`. Keys are remembered at least 24 hours.
   */
  idempotencyKey: string;
  /** The `Payment` to refund (from `Order.payment`). */
  paymentId: string | number;
  /** Why the money goes back, for the record (at most 500 characters). */
  reason?: string | null | undefined;
};

export type PaymentForOrderQueryVariables = Exact<{
  orderId: string | number;
}>;

export type PaymentForOrderQuery = {
  paymentForOrder: { id: string; status: PaymentStatus; refundedAmount: { amount: number } } | null;
};

export type ChargePaymentMutationVariables = Exact<{
  input: ChargePaymentInput;
}>;

export type ChargePaymentMutation = { chargePayment: { status: PaymentStatus } };

export type RefundPaymentMutationVariables = Exact<{
  input: RefundPaymentInput;
}>;

export type RefundPaymentMutation = {
  refundPayment: { __typename: "RefundError" } | { __typename: "RefundSucceeded" };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>["__apiType"]>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PaymentForOrderDocument = new TypedDocumentString(`
    query PaymentForOrder($orderId: ID!) {
  paymentForOrder(orderId: $orderId) {
    id
    status
    refundedAmount {
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<PaymentForOrderQuery, PaymentForOrderQueryVariables>;
export const ChargePaymentDocument = new TypedDocumentString(`
    mutation ChargePayment($input: ChargePaymentInput!) {
  chargePayment(input: $input) {
    status
  }
}
    `) as unknown as TypedDocumentString<ChargePaymentMutation, ChargePaymentMutationVariables>;
export const RefundPaymentDocument = new TypedDocumentString(`
    mutation RefundPayment($input: RefundPaymentInput!) {
  refundPayment(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<RefundPaymentMutation, RefundPaymentMutationVariables>;
