/* eslint-disable */
// Generated from subgraphs/orders/test/operations/cart/ and the cart subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type AddToCartMutationVariables = Exact<{
  v: string | number;
  q: number;
  t?: string | null | undefined;
}>;

export type AddToCartMutation = {
  addToCart: { cartToken: string | null; cart: { itemCount: number } | null };
};

export type MergeGuestCartMutationVariables = Exact<{
  t: string;
}>;

export type MergeGuestCartMutation = { mergeGuestCart: { itemCount: number } };

export type CartItemCountQueryVariables = Exact<{ [key: string]: never }>;

export type CartItemCountQuery = { cart: { itemCount: number } | null };

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

export const AddToCartDocument = new TypedDocumentString(`
    mutation AddToCart($v: ID!, $q: Int!, $t: String) {
  addToCart(variantId: $v, quantity: $q, cartToken: $t) {
    cartToken
    cart {
      itemCount
    }
  }
}
    `) as unknown as TypedDocumentString<AddToCartMutation, AddToCartMutationVariables>;
export const MergeGuestCartDocument = new TypedDocumentString(`
    mutation MergeGuestCart($t: String!) {
  mergeGuestCart(cartToken: $t) {
    itemCount
  }
}
    `) as unknown as TypedDocumentString<MergeGuestCartMutation, MergeGuestCartMutationVariables>;
export const CartItemCountDocument = new TypedDocumentString(`
    query CartItemCount {
  cart {
    itemCount
  }
}
    `) as unknown as TypedDocumentString<CartItemCountQuery, CartItemCountQueryVariables>;
