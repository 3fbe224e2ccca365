import type { ApolloCache } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { useCallback, useMemo } from "react";
import {
  AddToCartDocument,
  CartDocument,
  ClearCartDocument,
  RemoveFromCartDocument,
  SetCartLineQuantityDocument,
  type CartErrorFieldsFragment,
  type CartFieldsFragment,
} from "../graphql/generated/graphql";
import { cartTokenStorage } from "../session/storage";

interface CartPayload {
  cart: CartFieldsFragment | null;
  cartToken: string | null;
  error: CartErrorFieldsFragment | null;
}

/** The cart query answers from here, so the header count and the cart page follow every change. */
function writeCart(cache: ApolloCache, cart: CartFieldsFragment | null) {
  cache.writeQuery({ query: CartDocument, data: { __typename: "Query", cart } });
}

/**
 * Cart changes. Expected refusals come back as a typed `CartError` (returned, for the caller to
 * show); anything unexpected throws.
 */
export function useCartActions() {
  const client = useApolloClient();

  const settle = useCallback(
    (payload: CartPayload | undefined): CartErrorFieldsFragment | null => {
      if (!payload) return null;
      // A guest's first add creates the cart: its token is shown only this once.
      if (payload.cartToken) cartTokenStorage.set(payload.cartToken);
      if (!payload.error) writeCart(client.cache, payload.cart);
      return payload.error;
    },
    [client],
  );

  return useMemo(
    () => ({
      async add(variantId: string, quantity: number) {
        const { data } = await client.mutate({
          mutation: AddToCartDocument,
          variables: { variantId, quantity },
        });
        return settle(data?.addToCart);
      },
      async setQuantity(variantId: string, quantity: number) {
        const { data } = await client.mutate({
          mutation: SetCartLineQuantityDocument,
          variables: { variantId, quantity },
        });
        return settle(data?.setCartLineQuantity);
      },
      async remove(variantId: string) {
        const { data } = await client.mutate({ mutation: RemoveFromCartDocument, variables: { variantId } });
        return settle(data?.removeFromCart);
      },
      async clear() {
        const { data } = await client.mutate({ mutation: ClearCartDocument });
        if (data) writeCart(client.cache, data.clearCart);
        return null;
      },
    }),
    [client, settle],
  );
}

/** What to tell the customer about a refused cart change. */
export function cartErrorMessage(error: CartErrorFieldsFragment): string {
  switch (error.code) {
    case "INSUFFICIENT_STOCK":
      return error.available ? `Only ${error.available} left in stock.` : "This item is out of stock.";
    case "LINE_LIMIT_EXCEEDED":
      return `You can buy at most ${error.available ?? 99} of one item.`;
    case "CART_FULL":
      return "Your cart is full. Remove something before adding more.";
    case "CURRENCY_MISMATCH":
      return "This item is priced in another currency than your cart. Check out or clear your cart first.";
    case "UNAVAILABLE":
      return "This item is no longer on sale.";
    case "VARIANT_NOT_FOUND":
      return "This item no longer exists.";
    case "LINE_NOT_FOUND":
      return "This item is not in your cart any more.";
    default:
      return error.message;
  }
}
