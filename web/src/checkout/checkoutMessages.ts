import type { CheckoutMutation } from "../graphql/generated/graphql";

export type CheckoutFailure = Extract<CheckoutMutation["checkout"], { __typename: "CheckoutError" }>;

/** What the customer should know and do after a refused checkout. Nothing was charged in any case. */
export function checkoutFailureMessage(failure: CheckoutFailure): { title: string; advice: string } {
  switch (failure.code) {
    case "PAYMENT_DECLINED":
      return {
        title: "Your card was declined.",
        advice: "Nothing was charged. Please use another card or contact your card issuer.",
      };
    case "INSUFFICIENT_FUNDS":
      return {
        title: "Your card has insufficient funds.",
        advice: "Nothing was charged. Please use another card.",
      };
    case "PAYMENT_ERROR":
      return {
        title: "The payment could not be processed.",
        advice: "Nothing was charged. Please try again in a moment.",
      };
    case "OUT_OF_STOCK":
      return {
        title: "Some items sold out while you were checking out.",
        advice: "Nothing was charged. Adjust the quantities in your cart and try again.",
      };
    case "CART_HAS_ISSUES":
      return {
        title: "Some items in your cart need your attention.",
        advice: "Nothing was charged. Review your cart, then check out again.",
      };
    case "EMPTY_CART":
      return { title: "Your cart is empty.", advice: "Add something to your cart before checking out." };
  }
}
