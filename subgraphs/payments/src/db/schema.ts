import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { utcTimestamp } from "@storefront/platform/columns";
import { paymentFailureCodes, paymentStatuses, refundErrorCodes } from "@storefront/contracts/enums";

const at = utcTimestamp;

export const paymentStatus = pgEnum("payment_status", paymentStatuses);
export const paymentFailureCode = pgEnum("payment_failure_code", paymentFailureCodes);
export const refundErrorCode = pgEnum("refund_error_code", refundErrorCodes);
export const idempotentOperation = pgEnum("idempotent_operation", ["CHARGE", "REFUND"]);
export const idempotencyKeyStatus = pgEnum("idempotency_key_status", ["IN_PROGRESS", "COMPLETED"]);

/**
 * One charge attempt for an order. Only the card's brand and last four digits are kept: the
 * number and security code go to the provider and nowhere else.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** An `Order` of the orders subgraph. Not unique: a failed attempt may be followed by another. */
    orderId: uuid("order_id").notNull(),
    /** The customer who pays; the only customer allowed to see the payment. */
    userId: uuid("user_id").notNull(),
    /** Minor units of `currency`. */
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** Kept in the same transaction as every refund; its CHECKs make over-refunding impossible. */
    refundedAmount: integer("refunded_amount").notNull().default(0),
    status: paymentStatus("status").notNull(),
    cardBrand: text("card_brand").notNull(),
    cardLast4: text("card_last4").notNull(),
    failureCode: paymentFailureCode("failure_code"),
    failureMessage: text("failure_message"),
    /**
     * The provider's id for the charge, derived from the idempotency key: unique, so one key can
     * never be recorded as two payments even if two processes both reach the provider.
     */
    providerReference: text("provider_reference").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_provider_reference_key").on(t.providerReference),
    index("payments_order_idx").on(t.orderId, t.createdAt),
    check("payments_amount_positive", sql`${t.amount} > 0`),
    check("payments_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("payments_card_last4_digits", sql`${t.cardLast4} ~ '^[0-9]{4}$'`),
    check("payments_refunded_within_amount", sql`${t.refundedAmount} between 0 and ${t.amount}`),
    // The status always agrees with the money: no FAILED payment with refunds, no REFUNDED one
    // with money left, no failure code on a payment that went through.
    check(
      "payments_status_consistent",
      sql`case ${t.status}
        when 'FAILED' then ${t.failureCode} is not null and ${t.refundedAmount} = 0
        when 'SUCCEEDED' then ${t.failureCode} is null and ${t.refundedAmount} = 0
        when 'PARTIALLY_REFUNDED' then ${t.failureCode} is null and ${t.refundedAmount} > 0 and ${t.refundedAmount} < ${t.amount}
        when 'REFUNDED' then ${t.failureCode} is null and ${t.refundedAmount} = ${t.amount}
      end`,
    ),
  ],
);

/** Money given back on a payment; the payment's `refunded_amount` is their sum. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    amount: integer("amount").notNull(),
    /** The payment's currency, copied so a refund is readable on its own. */
    currency: text("currency").notNull(),
    reason: text("reason"),
    /** The administrator (a `User`) who asked for it; null when the platform did (see refunds.ts). */
    requestedBy: uuid("requested_by"),
    /** The provider's id for the refund, derived from the idempotency key (see payments). */
    providerReference: text("provider_reference").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("refunds_provider_reference_key").on(t.providerReference),
    index("refunds_payment_idx").on(t.paymentId, t.createdAt),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
    check("refunds_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * Idempotency keys, as well-known payment APIs keep them: the first request with a key claims
 * it (IN_PROGRESS) under the unique (scope, key) constraint before anything is charged, and
 * stores its outcome (COMPLETED) in the same transaction that records the payment or refund.
 * The same key again with the same fingerprint gets that outcome; with another fingerprint it is
 * refused. Rows live at least the configured TTL and are swept after it.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Whose key it is: `service` for internal callers, `admin:<user id>` for an administrator. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    operation: idempotentOperation("operation").notNull(),
    /** SHA-256 over the request's meaningful fields; never the card number or CVC in clear. */
    fingerprint: text("fingerprint").notNull(),
    status: idempotencyKeyStatus("status").notNull().default("IN_PROGRESS"),
    /** Whoever holds an IN_PROGRESS key; a takeover replaces it so the old holder cannot complete. */
    lockToken: uuid("lock_token"),
    /** When the current holder claimed the key; a claim older than the takeover timeout is presumed dead. */
    lockedAt: at("locked_at").notNull().defaultNow(),
    /** The order a charge is for, so `paymentForOrder` can tell "in flight" from "never charged". */
    orderId: uuid("order_id"),
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "restrict" }),
    refundId: uuid("refund_id").references(() => refunds.id, { onDelete: "restrict" }),
    /** A refund that ended in a typed error stores that error, and replays return it. */
    errorCode: refundErrorCode("error_code"),
    errorMessage: text("error_message"),
    createdAt: at("created_at").notNull().defaultNow(),
    completedAt: at("completed_at"),
  },
  (t) => [
    uniqueIndex("idempotency_keys_scope_key").on(t.scope, t.key),
    index("idempotency_keys_created_idx").on(t.createdAt),
    index("idempotency_keys_in_flight_order_idx")
      .on(t.orderId)
      .where(sql`${t.status} = 'IN_PROGRESS'`),
    check("idempotency_keys_key_length", sql`char_length(${t.key}) between 1 and 255`),
    check(
      "idempotency_keys_outcome",
      sql`case ${t.status}
        when 'IN_PROGRESS' then ${t.lockToken} is not null and ${t.paymentId} is null and ${t.refundId} is null and ${t.errorCode} is null
        when 'COMPLETED' then ${t.completedAt} is not null and case ${t.operation}
          when 'CHARGE' then ${t.paymentId} is not null and ${t.refundId} is null and ${t.errorCode} is null
          when 'REFUND' then (${t.refundId} is not null) <> (${t.errorCode} is not null)
        end
      end`,
    ),
  ],
);

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
export type PaymentFailureCode = (typeof paymentFailureCode.enumValues)[number];
export type RefundErrorCode = (typeof refundErrorCode.enumValues)[number];
export type IdempotentOperation = (typeof idempotentOperation.enumValues)[number];
