/* eslint-disable */
// Generated from subgraphs/orders/test/operations/orders/ and the orders subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type CardInput = {
  cvc: string;
  expMonth: number;
  /** Four digits, e.g. 2030. */
  expYear: number;
  /** Digits; spaces and dashes are ignored. Never stored. */
  number: string;
};

/** Machine-readable reasons a checkout did not produce a paid order. */
export type CheckoutErrorCode =
  /** Some cart lines are out of stock or unavailable; see the cart's line issues. */
  | "CART_HAS_ISSUES"
  /** The cart has no lines. */
  | "EMPTY_CART"
  /** The card has insufficient funds. */
  | "INSUFFICIENT_FUNDS"
  /** Stock ran out while checking out; see `shortages`. */
  | "OUT_OF_STOCK"
  /** The card was declined. */
  | "PAYMENT_DECLINED"
  /** The payment could not be processed; trying again may work. */
  | "PAYMENT_ERROR";

export type CheckoutInput = {
  card: CardInput;
  /** Chosen by the client per checkout attempt (e.g. a UUID); sending it again returns the same order. */
  idempotencyKey: string;
  /** …or an address given here (exactly one of the two). */
  shippingAddress?: ShippingAddressInput | null | undefined;
  /** One of the signed-in user's saved addresses… */
  shippingAddressId?: string | number | null | undefined;
  /** One of `shippingOptions(address)`; its rate for the address becomes the order's shipping total. */
  shippingOptionId: string | number;
};

/** Where an order is in its life. */
export type OrderStatus =
  /** Cancelled before payment; stock was released. Final. */
  | "CANCELLED"
  /** Delivered to the customer. Final. */
  | "DELIVERED"
  /** Paid; waiting to be shipped. */
  | "PAID"
  /** The payment was refused; stock was released. Final. */
  | "PAYMENT_FAILED"
  /** Stock reserved; the payment is being taken. */
  | "PAYMENT_PENDING"
  /** Created; stock is being reserved. */
  | "PENDING"
  /** Handed to the carrier. */
  | "SHIPPED";

/**
 * A postal address to ship to. Shipping options are priced by the country alone, so only `country`
 * is required here; checkout also requires `fullName`, `line1`, `city` and `postalCode` and refuses
 * an address without them (BAD_USER_INPUT naming the field).
 */
export type ShippingAddressInput = {
  /** Town or city. */
  city?: string | null | undefined;
  /** ISO 3166-1 alpha-2 code, e.g. `US`. */
  country: string;
  /** The recipient's name. */
  fullName?: string | null | undefined;
  /** Street address. */
  line1?: string | null | undefined;
  /** Flat, suite, building … */
  line2?: string | null | undefined;
  /** A phone number for the carrier. */
  phone?: string | null | undefined;
  /** Postal or ZIP code; checked against the country's format where it is known. */
  postalCode?: string | null | undefined;
  /** State, province or county. */
  region?: string | null | undefined;
};

export type CheckoutMutationVariables = Exact<{
  input: CheckoutInput;
}>;

export type CheckoutMutation = {
  checkout:
    | {
        __typename: "CheckoutError";
        code: CheckoutErrorCode;
        message: string;
        order: { id: string; status: OrderStatus } | null;
        shortages: Array<{ requested: number; available: number }>;
      }
    | {
        __typename: "Order";
        id: string;
        status: OrderStatus;
        total: { amount: number; currency: string };
        lines: Array<{ sku: string; quantity: number; unitPrice: { amount: number } }>;
        statusHistory: Array<{ status: OrderStatus }>;
      };
};

export type CancelOrderMutationVariables = Exact<{
  id: string | number;
}>;

export type CancelOrderMutation = {
  cancelOrder: {
    id: string;
    status: OrderStatus;
    failureReason: string | null;
    statusHistory: Array<{ status: OrderStatus; note: string | null }>;
  };
};

export type MyOrdersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type MyOrdersQuery = {
  myOrders: {
    nodes: Array<{
      id: string;
      status: OrderStatus;
      total: { amount: number };
      lines: Array<{
        sku: string;
        quantity: number;
        unitPrice: { amount: number; currency: string };
        lineTotal: { amount: number };
      }>;
      statusHistory: Array<{ status: OrderStatus; at: string }>;
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type OrderEntitiesQueryVariables = Exact<{
  r:
    | Array<{ __typename: string; [field: string]: unknown }>
    | { __typename: string; [field: string]: unknown };
}>;

export type OrderEntitiesQuery = {
  _entities: Array<
    { id: string; status: OrderStatus; lines: Array<{ sku: string }> } | Record<PropertyKey, never> | null
  >;
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

export const CheckoutDocument = new TypedDocumentString(`
    mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    __typename
    ... on Order {
      id
      status
      total {
        amount
        currency
      }
      lines {
        sku
        quantity
        unitPrice {
          amount
        }
      }
      statusHistory {
        status
      }
    }
    ... on CheckoutError {
      code
      message
      order {
        id
        status
      }
      shortages {
        requested
        available
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CheckoutMutation, CheckoutMutationVariables>;
export const CancelOrderDocument = new TypedDocumentString(`
    mutation CancelOrder($id: ID!) {
  cancelOrder(id: $id) {
    id
    status
    failureReason
    statusHistory {
      status
      note
    }
  }
}
    `) as unknown as TypedDocumentString<CancelOrderMutation, CancelOrderMutationVariables>;
export const MyOrdersDocument = new TypedDocumentString(`
    query MyOrders($first: Int) {
  myOrders(first: $first) {
    nodes {
      id
      status
      total {
        amount
      }
      lines {
        sku
        quantity
        unitPrice {
          amount
          currency
        }
        lineTotal {
          amount
        }
      }
      statusHistory {
        status
        at
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyOrdersQuery, MyOrdersQueryVariables>;
export const OrderEntitiesDocument = new TypedDocumentString(`
    query OrderEntities($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Order {
      id
      status
      lines {
        sku
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrderEntitiesQuery, OrderEntitiesQueryVariables>;
