import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireAdmin } from "@storefront/platform/auth";
import { isUuid } from "@storefront/platform/ids";
import { failure, typed, type Failure, type Typed } from "@storefront/platform/result";
import { validateInput } from "@storefront/platform/validation";
import type { PaymentsContext } from "../context";
import type { PaymentsDatabase } from "../db";
import {
  payments,
  refunds,
  type IdempotencyKeyRow,
  type PaymentRow,
  type RefundErrorCode,
  type RefundRow,
} from "../db/schema";
import type { RefundPaymentInput } from "../generated/resolvers";
import { idempotencyKeyField, SERVICE_SCOPE } from "./charges";
import {
  completeClaim,
  idempotently,
  providerKey,
  requestFingerprint,
  type Claim,
  type IdempotentRequest,
  type StoredOutcome,
} from "./idempotency";

/** Refunds, by administrators. Expected refusals are typed results, stored like successes. */

export type RefundSucceeded = Typed<"RefundSucceeded", { payment: PaymentRow; refund: RefundRow }>;

export type RefundError = Failure<"RefundError", RefundErrorCode>;

export type RefundResult = RefundSucceeded | RefundError;

const refundInput = z.object({
  paymentId: z
    .string()
    .refine(isUuid, "must be a payment id")
    .transform((id) => id.toLowerCase()),
  amount: z
    .number()
    .int("must be a whole number of minor units")
    .positive("must be positive")
    .nullish()
    .transform((v) => v ?? null),
  reason: z
    .string()
    .trim()
    .max(500, "must be at most 500 characters")
    .nullish()
    .transform((v) => v || null),
  idempotencyKey: idempotencyKeyField,
});
type RefundInput = z.infer<typeof refundInput>;

const refusal = (code: RefundErrorCode, message: string): RefundError =>
  failure("RefundError", code, message);

/**
 * Decides the refund against the payment row, locked until the transaction ends: concurrent
 * refunds of one payment take turns here, so each sees what the previous ones left. The CHECK on
 * `refunded_amount` would stop an over-refund even if this logic were wrong.
 */
async function refundLocked(
  tx: PaymentsDatabase,
  ctx: PaymentsContext,
  input: RefundInput,
  claim: Claim,
  adminId: string | null,
): Promise<RefundResult> {
  const [payment] = isUuid(input.paymentId)
    ? await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for("update")
    : [];
  if (!payment) return refusal("PAYMENT_NOT_FOUND", "No payment with this id.");
  if (payment.status === "FAILED") {
    return refusal(
      "PAYMENT_NOT_REFUNDABLE",
      "This payment failed; no money was taken, so none can be refunded.",
    );
  }
  const refundable = payment.amount - payment.refundedAmount;
  if (refundable === 0) {
    return refusal("PAYMENT_NOT_REFUNDABLE", "This payment has already been refunded in full.");
  }
  const amount = input.amount ?? refundable;
  if (amount > refundable) {
    return refusal(
      "AMOUNT_EXCEEDS_REFUNDABLE",
      `At most ${refundable} (minor units of ${payment.currency}) can still be refunded on this payment.`,
    );
  }
  // Inside the lock so a second refund cannot pass the checks above meanwhile. The provider is
  // idempotent on the key, so if this transaction rolls back, a retry with the key refunds once.
  const refunded = await ctx.provider.refund({
    providerReference: payment.providerReference,
    amount,
    idempotencyKey: providerKey(claim),
  });
  const [refund] = await tx
    .insert(refunds)
    .values({
      paymentId: payment.id,
      amount,
      currency: payment.currency,
      reason: input.reason,
      requestedBy: adminId,
      providerReference: refunded.providerReference,
    })
    .returning();
  const refundedAmount = payment.refundedAmount + amount;
  const [updated] = await tx
    .update(payments)
    .set({
      refundedAmount,
      status: refundedAmount === payment.amount ? "REFUNDED" : "PARTIALLY_REFUNDED",
      updatedAt: sql`now()`,
    })
    .where(eq(payments.id, payment.id))
    .returning();
  return typed("RefundSucceeded", { payment: updated!, refund: refund! });
}

const outcomeOf = (result: RefundResult): StoredOutcome =>
  result.__typename === "RefundError"
    ? { errorCode: result.code, errorMessage: result.message }
    : { refundId: result.refund.id };

/** The stored outcome again: the refund as made, and its payment as it is now. */
async function replayRefund(ctx: PaymentsContext, row: IdempotencyKeyRow): Promise<RefundResult> {
  if (row.errorCode) return refusal(row.errorCode, row.errorMessage ?? "The refund was refused.");
  const [found] = await ctx.db
    .select({ refund: refunds, payment: payments })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, row.refundId!));
  if (!found) throw new Error(`refund ${row.refundId} is named by an idempotency key but does not exist`);
  return typed("RefundSucceeded", found);
}

/**
 * Refunds all or part of a payment, once per idempotency key and requester. Administrators refund
 * by hand; the platform itself (the orders saga, with the service credential) refunds a charge
 * for an order that turned out impossible to fulfil.
 */
export async function refundPayment(
  ctx: PaymentsContext,
  rawInput: RefundPaymentInput,
): Promise<RefundResult> {
  const adminId = ctx.internalCaller ? null : requireAdmin(ctx.viewer).userId;
  const input = validateInput(refundInput, rawInput);
  const request: IdempotentRequest = {
    scope: adminId ? `admin:${adminId}` : SERVICE_SCOPE,
    key: input.idempotencyKey,
    operation: "REFUND",
    // The amount as asked (null = "whatever is left"), not as resolved: a replay of "refund the
    // rest" is the same request even after the rest changed.
    fingerprint: requestFingerprint(["REFUND", input.paymentId.toLowerCase(), input.amount, input.reason]),
  };
  return idempotently(ctx.db, ctx.log, request, {
    replay: (row) => replayRefund(ctx, row),
    perform: async (claim) => {
      const result = await completeClaim(ctx.db, claim, async (tx) => {
        const decided = await refundLocked(tx, ctx, input, claim, adminId);
        return { result: decided, outcome: outcomeOf(decided) };
      });
      if (result.__typename === "RefundError") {
        ctx.log.info({ paymentId: input.paymentId, code: result.code }, "refund refused");
      } else {
        ctx.log.info(
          {
            paymentId: result.payment.id,
            refundId: result.refund.id,
            amount: result.refund.amount,
            by: adminId ?? "platform",
          },
          "payment refunded",
        );
      }
      return result;
    },
  });
}
