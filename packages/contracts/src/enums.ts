/**
 * The enumerations that cross a boundary, declared once: an SDL enum of the same name, the owning
 * subgraph's pgEnum (its PostgreSQL type is the name in snake_case) and, where an event carries
 * one, its zod schema all take their values from here. `test/enums.test.ts` checks every SDL enum
 * of these names (the subgraphs' and the supergraph's) and the migrations' PostgreSQL types.
 *
 * The order is the PostgreSQL type's (and so its sort order): a new value goes last, with a
 * migration that adds it. Pure data: browsers' and services' code may import it.
 */

/** An order's life (orders). */
export const orderStatuses = [
  "PENDING",
  "PAYMENT_PENDING",
  "PAID",
  "PAYMENT_FAILED",
  "CANCELLED",
  "SHIPPED",
  "DELIVERED",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** A shipment's progress (shipping). */
export const shipmentStatuses = [
  "LABEL_CREATED",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "EXCEPTION",
] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** A charge attempt's outcome and what was refunded of it (payments). */
export const paymentStatuses = ["SUCCEEDED", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** Why a charge failed (payments). */
export const paymentFailureCodes = ["DECLINED", "INSUFFICIENT_FUNDS", "PROCESSING_ERROR"] as const;
export type PaymentFailureCode = (typeof paymentFailureCodes)[number];

/** Why a refund was refused (payments). */
export const refundErrorCodes = [
  "PAYMENT_NOT_REFUNDABLE",
  "AMOUNT_EXCEEDS_REFUNDABLE",
  "PAYMENT_NOT_FOUND",
] as const;
export type RefundErrorCode = (typeof refundErrorCodes)[number];

/** A user's role (users). */
export const roles = ["CUSTOMER", "ADMIN"] as const;
export type Role = (typeof roles)[number];

/** What an account's audit log records (users). */
export const auditEventTypes = [
  "REGISTERED",
  "LOGIN_SUCCEEDED",
  "LOGIN_FAILED",
  "LOGIN_THROTTLED",
  "LOGGED_OUT",
  "PASSWORD_CHANGED",
  "ROLE_CHANGED",
  "REFRESH_TOKEN_REUSED",
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];

/** Whether a product is for sale (catalogue). */
export const productStatuses = ["ACTIVE", "ARCHIVED"] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** What moved stock in the stock ledger (catalogue). */
export const stockMovementKinds = ["RECEIPT", "RESERVATION", "RELEASE", "SALE", "ADJUSTMENT"] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

/** A stock reservation's state (catalogue; checkout holds stock through it). */
export const reservationStatuses = ["HELD", "RELEASED", "COMMITTED"] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

/** Every shared enumeration by its SDL name. */
export const sharedEnums = {
  OrderStatus: orderStatuses,
  ShipmentStatus: shipmentStatuses,
  PaymentStatus: paymentStatuses,
  PaymentFailureCode: paymentFailureCodes,
  RefundErrorCode: refundErrorCodes,
  Role: roles,
  AuditEventType: auditEventTypes,
  ProductStatus: productStatuses,
  StockMovementKind: stockMovementKinds,
  ReservationStatus: reservationStatuses,
} as const satisfies Record<string, readonly [string, ...string[]]>;
