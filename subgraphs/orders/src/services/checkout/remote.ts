import { badUserInput } from "@storefront/platform/errors";
import { passThroughClientError } from "@storefront/platform/service-client";
import { CheckoutCartDocument, type CheckoutCartQuery } from "@storefront/contracts/cart";
import type { ShippingAddress } from "@storefront/contracts/events";
import { ShippingQuoteDocument } from "@storefront/contracts/shipping";
import { CheckoutAddressBookDocument } from "@storefront/contracts/users";
import type { OrdersDependencies } from "../../dependencies";
import type { OrdersRequest } from "../../request";
import type { CheckoutCommand } from "./input";

/**
 * What the checkout asks other services before an order exists: the cart, the address book and
 * the shipping quote, each through its typed contract client.
 */

export type CheckoutCart = CheckoutCartQuery["checkoutCart"];

/** The customer's cart as the cart service prices it for checkout, with anything wrong with it. */
export async function loadCart(
  deps: Pick<OrdersDependencies, "cart">,
  request: OrdersRequest,
  userId: string,
): Promise<CheckoutCart> {
  const { checkoutCart } = await deps.cart(
    CheckoutCartDocument,
    { userId },
    { requestId: request.requestId },
  );
  return checkoutCart;
}

/** Where the order goes: the address given, or the one picked from the customer's address book. */
export async function shippingAddressFor(
  deps: Pick<OrdersDependencies, "users">,
  request: OrdersRequest,
  command: CheckoutCommand,
): Promise<ShippingAddress> {
  if (command.shippingAddress) return command.shippingAddress;
  const id = command.shippingAddressId!;
  // Read on the customer's behalf: the users subgraph only shows a user their own addresses.
  const data = await deps
    .users(
      CheckoutAddressBookDocument,
      { r: [{ __typename: "User", id: request.viewer!.userId }] },
      {
        requestId: request.requestId,
        ...(request.authorization ? { authorization: request.authorization } : {}),
      },
    )
    .catch(passThroughClientError);
  const found = data._entities[0]?.addresses.find((address) => address.id === id);
  if (!found) throw badUserInput("No such address in your address book.", "shippingAddressId");
  const { id: _id, ...address } = found;
  return address;
}

/** The price of the chosen shipping option to this address, as the shipping subgraph quotes it now. */
export async function shippingPrice(
  deps: Pick<OrdersDependencies, "shipping">,
  request: OrdersRequest,
  optionId: string,
  address: ShippingAddress,
  currency: string,
  /** Where the address came from in the checkout input, for naming a field shipping refuses. */
  addressField: (part: string) => string,
): Promise<number> {
  const { shippingQuote } = await deps
    .shipping(ShippingQuoteDocument, { id: optionId, address }, { requestId: request.requestId })
    .catch((error: unknown) =>
      passThroughClientError(error, (field) =>
        field === "optionId"
          ? "shippingOptionId"
          : field.startsWith("address.")
            ? addressField(field.slice("address.".length))
            : undefined,
      ),
    );
  if (!shippingQuote) {
    throw badUserInput("This shipping option is not available for this address.", "shippingOptionId");
  }
  if (shippingQuote.price.currency !== currency) {
    throw badUserInput(`Shipping is not offered in ${currency}.`, "shippingOptionId");
  }
  return shippingQuote.price.amount;
}
