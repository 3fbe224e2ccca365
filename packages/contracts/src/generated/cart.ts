/* eslint-disable */
// Generated from operations/cart/ and the cart subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type CartLineIssueCode =
  /** Fewer units are on hand than the line holds; `available` says how many. */
  | "INSUFFICIENT_STOCK"
  /** The variant has no stock on hand. */
  | "OUT_OF_STOCK"
  /** The variant or its product was taken off sale, or no longer exists. */
  | "UNAVAILABLE";

/** An ordered quantity of one variant, to be taken out of the cart. Internal. */
export type CheckoutLineInput = {
  /** 1 or more. */
  quantity: number;
  variantId: string | number;
};

export type CheckoutCartQueryVariables = Exact<{
  userId: string | number;
}>;

export type CheckoutCartQuery = {
  checkoutCart: {
    cartId: string | null;
    currency: string | null;
    subtotal: number | null;
    lines: Array<{
      variantId: string;
      sku: string;
      productId: string;
      productName: string;
      variantName: string;
      quantity: number;
      unitPrice: number;
    }>;
    issues: Array<{
      variantId: string;
      code: CartLineIssueCode;
      message: string;
      requested: number;
      available: number;
    }>;
  };
};

export type CompleteCheckoutMutationVariables = Exact<{
  cartId: string | number;
  orderId: string | number;
  lines: Array<CheckoutLineInput> | CheckoutLineInput;
}>;

export type CompleteCheckoutMutation = { completeCheckout: boolean };

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

export const CheckoutCartDocument = new TypedDocumentString(`
    query CheckoutCart($userId: ID!) {
  checkoutCart(userId: $userId) {
    cartId
    currency
    subtotal
    lines {
      variantId
      sku
      productId
      productName
      variantName
      quantity
      unitPrice
    }
    issues {
      variantId
      code
      message
      requested
      available
    }
  }
}
    `) as unknown as TypedDocumentString<CheckoutCartQuery, CheckoutCartQueryVariables>;
export const CompleteCheckoutDocument = new TypedDocumentString(`
    mutation CompleteCheckout($cartId: ID!, $orderId: ID!, $lines: [CheckoutLineInput!]!) {
  completeCheckout(cartId: $cartId, orderId: $orderId, lines: $lines)
}
    `) as unknown as TypedDocumentString<CompleteCheckoutMutation, CompleteCheckoutMutationVariables>;
