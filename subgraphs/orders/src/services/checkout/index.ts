import { GraphQLError } from "graphql";
import { requireViewer } from "@storefront/platform/auth";
import { badUserInput, ErrorCode } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { typed } from "@storefront/platform/result";
import type { OrdersDependencies } from "../../dependencies";
import {
  checkoutError,
  outcomeOf,
  type CheckoutErrorCode,
  type CheckoutResult,
  type CheckoutStep,
} from "../../domain/checkout-result";
import type { CheckoutInput } from "../../generated/resolvers";
import type { OrdersRequest } from "../../request";
import { timeStage, type CheckoutOutcome } from "../checkout-metrics";
import { createOrder } from "./create-order";
import { checkoutCommand } from "./input";
import { loadCart, shippingAddressFor, shippingPrice } from "./remote";
import { existingOrder, settled } from "./replay";
import { runSaga } from "./saga";

export type {
  CheckoutError,
  CheckoutErrorCode,
  CheckoutResult,
  Shortage,
} from "../../domain/checkout-result";

/** What the checkout use case depends on. */
export type CheckoutDeps = Omit<OrdersDependencies, "live">;

/**
 * Checkout turns the customer's cart into an order and runs the saga on it: input → command, a
 * replay of the same idempotency key answered with the first attempt's outcome, the cart and the
 * shipping quote fetched, the order created, then the saga (see runSaga). Every step after
 * creation is idempotent on the order id, so the recovery sweep can finish a checkout this
 * process did not. Each checkout is counted by how it ended.
 */
export async function checkout(
  deps: CheckoutDeps,
  request: OrdersRequest,
  rawInput: CheckoutInput,
): Promise<CheckoutResult> {
  const attempt = { replayed: false };
  try {
    const result = await placeOrder(deps, request, rawInput, attempt);
    deps.metrics.checkouts.inc({ outcome: attempt.replayed ? "replayed" : checkoutOutcome(result) });
    return "__typename" in result ? result : typed("Order", result);
  } catch (error) {
    deps.metrics.checkouts.inc({ outcome: thrownOutcome(error) });
    throw error;
  }
}

const PAYMENT_OUTCOMES: Partial<Record<CheckoutErrorCode, CheckoutOutcome>> = {
  OUT_OF_STOCK: "out_of_stock",
  PAYMENT_DECLINED: "declined",
  INSUFFICIENT_FUNDS: "declined",
  PAYMENT_ERROR: "payment_error",
};

function checkoutOutcome(result: CheckoutStep): CheckoutOutcome {
  if ("__typename" in result) return PAYMENT_OUTCOMES[result.code] ?? "rejected";
  return result.status === "CANCELLED" ? "cancelled" : "paid";
}

/** A client's mistake (input, sign-in) is not a failure of the checkout. */
function thrownOutcome(error: unknown): CheckoutOutcome {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return code === ErrorCode.BAD_USER_INPUT || code === ErrorCode.UNAUTHENTICATED ? "invalid" : "failed";
}

async function placeOrder(
  deps: CheckoutDeps,
  request: OrdersRequest,
  rawInput: CheckoutInput,
  attempt: { replayed: boolean },
): Promise<CheckoutStep> {
  const viewer = requireViewer(request.viewer);
  const command = checkoutCommand(rawInput);
  const replay = await existingOrder(deps, viewer.userId, command.idempotencyKey);
  if (replay) {
    attempt.replayed = true;
    return outcomeOf(await settled(deps, replay.id));
  }
  if (command.shippingAddressId && !isUuid(command.shippingAddressId)) {
    throw badUserInput("No such address in your address book.", "shippingAddressId");
  }

  const { metrics } = deps;
  const cart = await timeStage(metrics, "load_cart", () => loadCart(deps, request, viewer.userId));
  if (cart.issues.length) {
    // Stock that ran out before the order was even created is the same outcome for the customer
    // as stock that runs out while reserving: OUT_OF_STOCK, with what is left.
    const stockOnly = cart.issues.every((i) => i.code === "OUT_OF_STOCK" || i.code === "INSUFFICIENT_STOCK");
    return stockOnly
      ? checkoutError(
          "OUT_OF_STOCK",
          "Some items in your cart are out of stock.",
          null,
          cart.issues.map(({ variantId, requested, available }) => ({ variantId, requested, available })),
        )
      : checkoutError(
          "CART_HAS_ISSUES",
          "Some items in your cart are unavailable. Review your cart and try again.",
          null,
        );
  }
  if (!cart.lines.length || !cart.currency) return checkoutError("EMPTY_CART", "Your cart is empty.", null);
  const currency = cart.currency;
  const { address, shippingTotal } = await timeStage(metrics, "quote_shipping", async () => {
    const address = await shippingAddressFor(deps, request, command);
    const shippingTotal = await shippingPrice(
      deps,
      request,
      command.shippingOptionId,
      address,
      currency,
      (part) => (command.shippingAddress ? `shippingAddress.${part}` : "shippingAddressId"),
    );
    return { address, shippingTotal };
  });

  const created = await timeStage(metrics, "create_order", () =>
    createOrder(deps, {
      userId: viewer.userId,
      command,
      cart: { ...cart, currency },
      address,
      shippingTotal,
    }),
  );
  // Another request with the same key won the insert a moment ago.
  if (!created) {
    attempt.replayed = true;
    return outcomeOf(
      await settled(deps, (await existingOrder(deps, viewer.userId, command.idempotencyKey))!.id),
    );
  }
  return runSaga(deps, request, created, command.card);
}
