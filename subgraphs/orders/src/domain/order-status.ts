import type { OrderStatus } from "@storefront/contracts/enums";

/**
 * The order state machine: the moves an order may make. Anything else is a bug or a lost race,
 * and is refused. Pure data, so the rules can be read (and tested) without a database.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ["PAYMENT_PENDING", "CANCELLED"],
  PAYMENT_PENDING: ["PAID", "PAYMENT_FAILED", "CANCELLED"],
  PAID: ["SHIPPED"],
  PAYMENT_FAILED: [],
  CANCELLED: [],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
};

/** Statuses an order never leaves. */
export const FINAL_STATUSES: readonly OrderStatus[] = ["PAYMENT_FAILED", "CANCELLED", "DELIVERED"];

/** Statuses of an order whose checkout has not finished yet (a replay waits on them, the recovery sweep finishes them). */
export const CHECKOUT_IN_PROGRESS: readonly OrderStatus[] = ["PENDING", "PAYMENT_PENDING"];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws when the move is not one the state machine allows. */
export function assertTransition(orderId: string, from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new Error(`order ${orderId} cannot go from ${from} to ${to}`);
}

export function isCheckoutInProgress(status: OrderStatus): boolean {
  return CHECKOUT_IN_PROGRESS.includes(status);
}

/** How far along its delivery a paid order is; orders never move backwards. */
const DELIVERY_PROGRESS: Partial<Record<OrderStatus, number>> = { PAID: 0, SHIPPED: 1, DELIVERED: 2 };

/** Whether an order is paid and on its way (or there): the only orders shipment events may move. */
export function isInDelivery(status: OrderStatus): boolean {
  return status in DELIVERY_PROGRESS;
}

/**
 * The statuses a shipment event still has to take an order through, in order: of the wanted
 * `path` (from PAID), those beyond where the order already is. Events may arrive late, twice or
 * out of order; an order only moves forward, one status at a time.
 */
export function deliveryStepsFrom(current: OrderStatus, path: readonly OrderStatus[]): OrderStatus[] {
  const at = DELIVERY_PROGRESS[current];
  if (at === undefined) return [];
  return path.filter((status) => (DELIVERY_PROGRESS[status] ?? -1) > at);
}

/**
 * Why a customer may not cancel an order in this status, or null when they may ask (an order
 * waiting on its payment still needs the payment checked first).
 */
export type CancelRefusal = "ALREADY_CANCELLED" | "DID_NOT_GO_THROUGH" | "ALREADY_PAID";

export function cancelRefusal(status: OrderStatus): CancelRefusal | null {
  if (status === "CANCELLED") return "ALREADY_CANCELLED";
  if (status === "PAYMENT_FAILED") return "DID_NOT_GO_THROUGH";
  return isCheckoutInProgress(status) ? null : "ALREADY_PAID";
}
