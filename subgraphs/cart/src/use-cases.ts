import type { CartDependencies } from "./dependencies";
import type {
  MutationAddToCartArgs,
  MutationClearCartArgs,
  MutationCompleteCheckoutArgs,
  MutationRemoveFromCartArgs,
  MutationSetCartLineQuantityArgs,
} from "./generated/resolvers";
import type { CartRequest } from "./request";
import { callerCart } from "./services/carts";
import { checkoutCart, completeCheckout } from "./services/checkout";
import { addToCart, clearCart, removeFromCart, setCartLineQuantity } from "./services/editing";
import { mergeGuestCart } from "./services/merge";

/**
 * The cart use cases, bound once at start-up to the dependencies built there. Resolvers reach
 * them through the context and hand over only the request.
 */
export function bindUseCases(deps: CartDependencies) {
  return {
    callerCart: (request: CartRequest, cartToken: string | null | undefined) =>
      callerCart(deps, request, cartToken),
    addToCart: (request: CartRequest, args: MutationAddToCartArgs) => addToCart(deps, request, args),
    setCartLineQuantity: (request: CartRequest, args: MutationSetCartLineQuantityArgs) =>
      setCartLineQuantity(deps, request, args),
    removeFromCart: (request: CartRequest, args: MutationRemoveFromCartArgs) =>
      removeFromCart(deps, request, args),
    clearCart: (request: CartRequest, args: MutationClearCartArgs) => clearCart(deps, request, args),
    mergeGuestCart: (request: CartRequest, cartToken: string) => mergeGuestCart(deps, request, cartToken),
    checkoutCart: (request: CartRequest, userId: string) => checkoutCart(deps, request, userId),
    completeCheckout: (request: CartRequest, args: MutationCompleteCheckoutArgs) =>
      completeCheckout(deps, request, args),
  };
}

export type CartUseCases = ReturnType<typeof bindUseCases>;
