/* eslint-disable */
// Generated from subgraphs/cart/test/operations/cart/ and the cart subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type CartErrorCode =
  /** The cart already has the most distinct lines it may hold (100). */
  | "CART_FULL"
  /** The variant is priced in another currency than the items already in the cart. */
  | "CURRENCY_MISMATCH"
  /** Fewer units are on hand than the line would hold; `available` says how many. */
  | "INSUFFICIENT_STOCK"
  /** A line holds at most 99 units; `available` is that limit. */
  | "LINE_LIMIT_EXCEEDED"
  /** The cart has no line for this variant (or there is no cart yet). */
  | "LINE_NOT_FOUND"
  /** The variant or its product is no longer on sale. */
  | "UNAVAILABLE"
  /** No variant with this id exists in the catalogue. */
  | "VARIANT_NOT_FOUND";

export type CartLineIssueCode =
  /** Fewer units are on hand than the line holds; `available` says how many. */
  | "INSUFFICIENT_STOCK"
  /** The variant has no stock on hand. */
  | "OUT_OF_STOCK"
  /** The variant or its product was taken off sale, or no longer exists. */
  | "UNAVAILABLE";

export type CartByTokenQueryVariables = Exact<{
  cartToken?: string | null | undefined;
}>;

export type CartByTokenQuery = { cart: { id: string } | null };

export type AddToCartByTokenMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
  cartToken?: string | null | undefined;
}>;

export type AddToCartByTokenMutation = {
  addToCart: {
    cartToken: string | null;
    cart: {
      id: string;
      itemCount: number;
      readyForCheckout: boolean;
      updatedAt: string;
      subtotal: { amount: number; currency: string } | null;
      lines: Array<{
        id: string;
        quantity: number;
        variant: { id: string };
        unitPrice: { amount: number; currency: string } | null;
        lineTotal: { amount: number; currency: string } | null;
        issue: { code: CartLineIssueCode; message: string; available: number } | null;
      }>;
    } | null;
  };
};

export type CartFieldsFragment = {
  id: string;
  itemCount: number;
  readyForCheckout: boolean;
  updatedAt: string;
  subtotal: { amount: number; currency: string } | null;
  lines: Array<{
    id: string;
    quantity: number;
    variant: { id: string };
    unitPrice: { amount: number; currency: string } | null;
    lineTotal: { amount: number; currency: string } | null;
    issue: { code: CartLineIssueCode; message: string; available: number } | null;
  }>;
};

export type CartPayloadFieldsFragment = {
  cartToken: string | null;
  cart: {
    id: string;
    itemCount: number;
    readyForCheckout: boolean;
    updatedAt: string;
    subtotal: { amount: number; currency: string } | null;
    lines: Array<{
      id: string;
      quantity: number;
      variant: { id: string };
      unitPrice: { amount: number; currency: string } | null;
      lineTotal: { amount: number; currency: string } | null;
      issue: { code: CartLineIssueCode; message: string; available: number } | null;
    }>;
  } | null;
  error: { code: CartErrorCode; message: string; available: number | null } | null;
};

export type CartQueryVariables = Exact<{ [key: string]: never }>;

export type CartQuery = {
  cart: {
    id: string;
    itemCount: number;
    readyForCheckout: boolean;
    updatedAt: string;
    subtotal: { amount: number; currency: string } | null;
    lines: Array<{
      id: string;
      quantity: number;
      variant: { id: string };
      unitPrice: { amount: number; currency: string } | null;
      lineTotal: { amount: number; currency: string } | null;
      issue: { code: CartLineIssueCode; message: string; available: number } | null;
    }>;
  } | null;
};

export type AddToCartMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
}>;

export type AddToCartMutation = {
  addToCart: {
    cartToken: string | null;
    cart: {
      id: string;
      itemCount: number;
      readyForCheckout: boolean;
      updatedAt: string;
      subtotal: { amount: number; currency: string } | null;
      lines: Array<{
        id: string;
        quantity: number;
        variant: { id: string };
        unitPrice: { amount: number; currency: string } | null;
        lineTotal: { amount: number; currency: string } | null;
        issue: { code: CartLineIssueCode; message: string; available: number } | null;
      }>;
    } | null;
    error: { code: CartErrorCode; message: string; available: number | null } | null;
  };
};

export type SetCartLineQuantityMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
}>;

export type SetCartLineQuantityMutation = {
  setCartLineQuantity: {
    cartToken: string | null;
    cart: {
      id: string;
      itemCount: number;
      readyForCheckout: boolean;
      updatedAt: string;
      subtotal: { amount: number; currency: string } | null;
      lines: Array<{
        id: string;
        quantity: number;
        variant: { id: string };
        unitPrice: { amount: number; currency: string } | null;
        lineTotal: { amount: number; currency: string } | null;
        issue: { code: CartLineIssueCode; message: string; available: number } | null;
      }>;
    } | null;
    error: { code: CartErrorCode; message: string; available: number | null } | null;
  };
};

export type RemoveFromCartMutationVariables = Exact<{
  variantId: string | number;
}>;

export type RemoveFromCartMutation = {
  removeFromCart: {
    cartToken: string | null;
    cart: {
      id: string;
      itemCount: number;
      readyForCheckout: boolean;
      updatedAt: string;
      subtotal: { amount: number; currency: string } | null;
      lines: Array<{
        id: string;
        quantity: number;
        variant: { id: string };
        unitPrice: { amount: number; currency: string } | null;
        lineTotal: { amount: number; currency: string } | null;
        issue: { code: CartLineIssueCode; message: string; available: number } | null;
      }>;
    } | null;
    error: { code: CartErrorCode; message: string; available: number | null } | null;
  };
};

export type ClearCartMutationVariables = Exact<{ [key: string]: never }>;

export type ClearCartMutation = {
  clearCart: {
    id: string;
    itemCount: number;
    readyForCheckout: boolean;
    updatedAt: string;
    subtotal: { amount: number; currency: string } | null;
    lines: Array<{
      id: string;
      quantity: number;
      variant: { id: string };
      unitPrice: { amount: number; currency: string } | null;
      lineTotal: { amount: number; currency: string } | null;
      issue: { code: CartLineIssueCode; message: string; available: number } | null;
    }>;
  };
};

export type MergeGuestCartMutationVariables = Exact<{
  cartToken: string;
}>;

export type MergeGuestCartMutation = {
  mergeGuestCart: {
    id: string;
    itemCount: number;
    readyForCheckout: boolean;
    updatedAt: string;
    subtotal: { amount: number; currency: string } | null;
    lines: Array<{
      id: string;
      quantity: number;
      variant: { id: string };
      unitPrice: { amount: number; currency: string } | null;
      lineTotal: { amount: number; currency: string } | null;
      issue: { code: CartLineIssueCode; message: string; available: number } | null;
    }>;
  };
};

export type AddToCartOutcomeMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
  cartToken?: string | null | undefined;
}>;

export type AddToCartOutcomeMutation = {
  addToCart: { cartToken: string | null; error: { code: CartErrorCode } | null };
};

export type SetCartLineQuantityOutcomeMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
}>;

export type SetCartLineQuantityOutcomeMutation = { setCartLineQuantity: { cartToken: string | null } };

export type RemoveFromCartOutcomeMutationVariables = Exact<{
  variantId: string | number;
}>;

export type RemoveFromCartOutcomeMutation = { removeFromCart: { cartToken: string | null } };

export type ClearCartIdMutationVariables = Exact<{ [key: string]: never }>;

export type ClearCartIdMutation = { clearCart: { id: string } };

export type MergeGuestCartIdMutationVariables = Exact<{
  cartToken: string;
}>;

export type MergeGuestCartIdMutation = { mergeGuestCart: { id: string } };

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
export const CartFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}
    `,
  { fragmentName: "CartFields" },
) as unknown as TypedDocumentString<CartFieldsFragment, unknown>;
export const CartPayloadFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment CartPayloadFields on CartPayload {
  cart {
    ...CartFields
  }
  cartToken
  error {
    code
    message
    available
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}`,
  { fragmentName: "CartPayloadFields" },
) as unknown as TypedDocumentString<CartPayloadFieldsFragment, unknown>;
export const CartByTokenDocument = new TypedDocumentString(`
    query CartByToken($cartToken: String) {
  cart(cartToken: $cartToken) {
    id
  }
}
    `) as unknown as TypedDocumentString<CartByTokenQuery, CartByTokenQueryVariables>;
export const AddToCartByTokenDocument = new TypedDocumentString(`
    mutation AddToCartByToken($variantId: ID!, $quantity: Int!, $cartToken: String) {
  addToCart(variantId: $variantId, quantity: $quantity, cartToken: $cartToken) {
    cartToken
    cart {
      ...CartFields
    }
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}`) as unknown as TypedDocumentString<AddToCartByTokenMutation, AddToCartByTokenMutationVariables>;
export const CartDocument = new TypedDocumentString(`
    query Cart {
  cart {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}`) as unknown as TypedDocumentString<CartQuery, CartQueryVariables>;
export const AddToCartDocument = new TypedDocumentString(`
    mutation AddToCart($variantId: ID!, $quantity: Int!) {
  addToCart(variantId: $variantId, quantity: $quantity) {
    ...CartPayloadFields
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}
fragment CartPayloadFields on CartPayload {
  cart {
    ...CartFields
  }
  cartToken
  error {
    code
    message
    available
  }
}`) as unknown as TypedDocumentString<AddToCartMutation, AddToCartMutationVariables>;
export const SetCartLineQuantityDocument = new TypedDocumentString(`
    mutation SetCartLineQuantity($variantId: ID!, $quantity: Int!) {
  setCartLineQuantity(variantId: $variantId, quantity: $quantity) {
    ...CartPayloadFields
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}
fragment CartPayloadFields on CartPayload {
  cart {
    ...CartFields
  }
  cartToken
  error {
    code
    message
    available
  }
}`) as unknown as TypedDocumentString<SetCartLineQuantityMutation, SetCartLineQuantityMutationVariables>;
export const RemoveFromCartDocument = new TypedDocumentString(`
    mutation RemoveFromCart($variantId: ID!) {
  removeFromCart(variantId: $variantId) {
    ...CartPayloadFields
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}
fragment CartPayloadFields on CartPayload {
  cart {
    ...CartFields
  }
  cartToken
  error {
    code
    message
    available
  }
}`) as unknown as TypedDocumentString<RemoveFromCartMutation, RemoveFromCartMutationVariables>;
export const ClearCartDocument = new TypedDocumentString(`
    mutation ClearCart {
  clearCart {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}`) as unknown as TypedDocumentString<ClearCartMutation, ClearCartMutationVariables>;
export const MergeGuestCartDocument = new TypedDocumentString(`
    mutation MergeGuestCart($cartToken: String!) {
  mergeGuestCart(cartToken: $cartToken) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  itemCount
  readyForCheckout
  updatedAt
  subtotal {
    amount
    currency
  }
  lines {
    id
    quantity
    variant {
      id
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
      currency
    }
    issue {
      code
      message
      available
    }
  }
}`) as unknown as TypedDocumentString<MergeGuestCartMutation, MergeGuestCartMutationVariables>;
export const AddToCartOutcomeDocument = new TypedDocumentString(`
    mutation AddToCartOutcome($variantId: ID!, $quantity: Int!, $cartToken: String) {
  addToCart(variantId: $variantId, quantity: $quantity, cartToken: $cartToken) {
    cartToken
    error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AddToCartOutcomeMutation, AddToCartOutcomeMutationVariables>;
export const SetCartLineQuantityOutcomeDocument = new TypedDocumentString(`
    mutation SetCartLineQuantityOutcome($variantId: ID!, $quantity: Int!) {
  setCartLineQuantity(variantId: $variantId, quantity: $quantity) {
    cartToken
  }
}
    `) as unknown as TypedDocumentString<
  SetCartLineQuantityOutcomeMutation,
  SetCartLineQuantityOutcomeMutationVariables
>;
export const RemoveFromCartOutcomeDocument = new TypedDocumentString(`
    mutation RemoveFromCartOutcome($variantId: ID!) {
  removeFromCart(variantId: $variantId) {
    cartToken
  }
}
    `) as unknown as TypedDocumentString<
  RemoveFromCartOutcomeMutation,
  RemoveFromCartOutcomeMutationVariables
>;
export const ClearCartIdDocument = new TypedDocumentString(`
    mutation ClearCartId {
  clearCart {
    id
  }
}
    `) as unknown as TypedDocumentString<ClearCartIdMutation, ClearCartIdMutationVariables>;
export const MergeGuestCartIdDocument = new TypedDocumentString(`
    mutation MergeGuestCartId($cartToken: String!) {
  mergeGuestCart(cartToken: $cartToken) {
    id
  }
}
    `) as unknown as TypedDocumentString<MergeGuestCartIdMutation, MergeGuestCartIdMutationVariables>;
