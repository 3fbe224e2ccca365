/* eslint-disable */
// Generated from operations/catalogue/ and the catalogue subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type ProductStatus =
  /** On sale and visible in the storefront. */
  | "ACTIVE"
  /** No longer sold; kept for order history. Hidden from browsing and search. */
  | "ARCHIVED";

export type ReservationLineInput = {
  quantity: number;
  variantId: string | number;
};

export type ReserveStockInput = {
  lines: Array<ReservationLineInput>;
  /** Chosen by the caller; the same id again returns the first outcome and reserves nothing more. */
  reservationId: string | number;
  /** How long the hold lasts before it is released automatically. */
  ttlSeconds: number;
};

export type ReserveStockMutationVariables = Exact<{
  input: ReserveStockInput;
}>;

export type ReserveStockMutation = {
  reserveStock:
    | {
        __typename: "InsufficientStock";
        lines: Array<{ variantId: string; requested: number; available: number }>;
      }
    | { __typename: "Reservation" };
};

export type ReleaseReservationMutationVariables = Exact<{
  id: string | number;
}>;

export type ReleaseReservationMutation = { releaseReservation: { id: string } };

export type CommitReservationMutationVariables = Exact<{
  id: string | number;
}>;

export type CommitReservationMutation = { commitReservation: { id: string } };

export type CartVariantsQueryVariables = Exact<{
  representations:
    | Array<{ __typename: string; [field: string]: unknown }>
    | { __typename: string; [field: string]: unknown };
}>;

export type CartVariantsQuery = {
  _entities: Array<
    | {
        id: string;
        sku: string;
        name: string;
        status: ProductStatus;
        stockOnHand: number;
        price: { amount: number; currency: string };
        product: { id: string; name: string; status: ProductStatus };
      }
    | Record<PropertyKey, never>
    | null
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

export const ReserveStockDocument = new TypedDocumentString(`
    mutation ReserveStock($input: ReserveStockInput!) {
  reserveStock(input: $input) {
    __typename
    ... on InsufficientStock {
      lines {
        variantId
        requested
        available
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReserveStockMutation, ReserveStockMutationVariables>;
export const ReleaseReservationDocument = new TypedDocumentString(`
    mutation ReleaseReservation($id: ID!) {
  releaseReservation(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReleaseReservationMutation, ReleaseReservationMutationVariables>;
export const CommitReservationDocument = new TypedDocumentString(`
    mutation CommitReservation($id: ID!) {
  commitReservation(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CommitReservationMutation, CommitReservationMutationVariables>;
export const CartVariantsDocument = new TypedDocumentString(`
    query CartVariants($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ProductVariant {
      id
      sku
      name
      price {
        amount
        currency
      }
      status
      stockOnHand
      product {
        id
        name
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CartVariantsQuery, CartVariantsQueryVariables>;
