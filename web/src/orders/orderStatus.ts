import type { OrderStatus, ShipmentStatus } from "../graphql/generated/graphql";

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: "Placed",
  PAYMENT_PENDING: "Taking payment",
  PAID: "Paid",
  PAYMENT_FAILED: "Payment failed",
  CANCELLED: "Cancelled",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
};

export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, string> = {
  LABEL_CREATED: "Label created",
  IN_TRANSIT: "In transit",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  EXCEPTION: "Held up",
};

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
