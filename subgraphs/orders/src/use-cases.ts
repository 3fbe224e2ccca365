import type { OrdersDependencies } from "./dependencies";
import type { CheckoutInput } from "./generated/resolvers";
import type { OrdersRequest } from "./request";
import { cancelOrder } from "./services/cancel";
import { checkout } from "./services/checkout";
import { followMyOrders, followOrder, ordersOf } from "./services/queries";

/**
 * The orders use cases, bound once at start-up to the dependencies built there. Resolvers reach
 * them through the context and hand over only the request.
 */
export function bindUseCases(deps: OrdersDependencies) {
  return {
    checkout: (request: OrdersRequest, input: CheckoutInput) => checkout(deps, request, input),
    cancelOrder: (request: OrdersRequest, id: string) => cancelOrder(deps, request, id),
    ordersOf: (request: OrdersRequest, userId: string, args: Parameters<typeof ordersOf>[3]) =>
      ordersOf(deps, request, userId, args),
    followOrder: (request: OrdersRequest, orderId: string, afterSequence: number | null | undefined) =>
      followOrder(deps, request, orderId, afterSequence),
    followMyOrders: (request: OrdersRequest) => followMyOrders(deps, request),
  };
}

export type OrdersUseCases = ReturnType<typeof bindUseCases>;
