import { eq } from "drizzle-orm";
import { z } from "zod";
import { isCurrencyCode } from "@storefront/contracts/address";
import { requireInternalCaller } from "@storefront/platform/auth";
import { isUuid } from "@storefront/platform/ids";
import { validateInput } from "@storefront/platform/validation";
import type { PaymentsContext } from "../context";
import { payments, type PaymentFailureCode, type PaymentRow } from "../db/schema";
import type { ChargePaymentInput } from "../generated/resolvers";
import {
  chargeInFlight,
  completeClaim,
  idempotencyKeyInUse,
  idempotently,
  providerKey,
  requestFingerprint,
  type IdempotentRequest,
} from "./idempotency";
import { validateCard } from "../cards";

/**
 * Charges for orders, called by the orders subgraph's checkout saga with the service credential.
 * The card goes to the provider and nowhere else: rows, fingerprints and logs only ever see its
 * brand and last four digits.
 */

/** What the customer is told, whatever the processor's own wording. */
export const FAILURE_MESSAGES: Record<PaymentFailureCode, string> = {
  DECLINED: "Your card was declined. Please use another card.",
  INSUFFICIENT_FUNDS: "Your card has insufficient funds. Please use another card.",
  PROCESSING_ERROR: "The payment could not be processed. Please try again.",
};

/** Internal callers share one scope: the orders saga is one caller, whichever replica calls. */
export const SERVICE_SCOPE = "service";

const uuid = z.string().refine(isUuid, "must be a UUID");
export const idempotencyKeyField = z
  .string()
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters");

const chargeInput = z.object({
  orderId: uuid,
  userId: uuid,
  amount: z
    .number()
    .int("must be a whole number of minor units")
    .positive("must be positive")
    .max(99_999_999, "must be at most 99999999"),
  // Orders sends the cart's currency as the catalogue stored it: upper case, never normalised here.
  currency: z.string().refine(isCurrencyCode, "must be an upper-case ISO 4217 code, e.g. USD"),
  idempotencyKey: idempotencyKeyField,
  // Shape only; validateCard checks the number, expiry and CVC and names the field at fault.
  card: z.object({
    number: z.string().max(30, "is not a card number"),
    expMonth: z.number().int(),
    expYear: z.number().int(),
    cvc: z.string().max(4, "must be 3 or 4 digits"),
  }),
});
type ChargeInput = z.infer<typeof chargeInput>;

/**
 * What makes two charges "the same request". Card brand, last four and expiry stand in for the
 * card: enough to tell one card from another in practice, without the number in clear.
 */
export function chargeFingerprint(
  input: Omit<ChargeInput, "idempotencyKey" | "card">,
  card: { brand: string; last4: string; expMonth: number; expYear: number },
): string {
  return requestFingerprint([
    "CHARGE",
    input.orderId.toLowerCase(),
    input.userId.toLowerCase(),
    input.amount,
    input.currency,
    card.brand,
    card.last4,
    card.expMonth,
    card.expYear,
  ]);
}

async function paymentById(ctx: PaymentsContext, id: string): Promise<PaymentRow> {
  const [row] = await ctx.db.select().from(payments).where(eq(payments.id, id));
  if (!row) throw new Error(`payment ${id} is named by an idempotency key but does not exist`);
  return row;
}

/**
 * Charges the card for an order, once per idempotency key. A refusal is not an error: it is a
 * FAILED payment (stored, and returned again for the same key), for the saga to act on.
 */
export async function chargePayment(ctx: PaymentsContext, rawInput: ChargePaymentInput): Promise<PaymentRow> {
  requireInternalCaller(ctx);
  const input = validateInput(chargeInput, rawInput);
  const card = validateCard(input.card);
  const expYear = input.card.expYear < 100 ? 2000 + input.card.expYear : input.card.expYear;
  const request: IdempotentRequest = {
    scope: SERVICE_SCOPE,
    key: input.idempotencyKey,
    operation: "CHARGE",
    fingerprint: chargeFingerprint(input, { ...card, expMonth: input.card.expMonth, expYear }),
    orderId: input.orderId,
  };
  return idempotently(ctx.db, ctx.log, request, {
    replay: (row) => paymentById(ctx, row.paymentId!),
    perform: async (claim) => {
      // Outside any transaction: no database lock is held while the processor works. The claim
      // already keeps concurrent duplicates out.
      const charged = await ctx.provider.charge({
        amount: input.amount,
        currency: input.currency,
        card: { number: card.digits, expMonth: input.card.expMonth, expYear, cvc: input.card.cvc },
        idempotencyKey: providerKey(claim),
      });
      const failureCode = charged.outcome === "SUCCEEDED" ? null : charged.outcome;
      const payment = await completeClaim(ctx.db, claim, async (tx) => {
        const [row] = await tx
          .insert(payments)
          .values({
            orderId: input.orderId,
            userId: input.userId,
            amount: input.amount,
            currency: input.currency,
            status: failureCode ? "FAILED" : "SUCCEEDED",
            cardBrand: card.brand,
            cardLast4: card.last4,
            failureCode,
            failureMessage: failureCode ? FAILURE_MESSAGES[failureCode] : null,
            providerReference: charged.providerReference,
          })
          .returning();
        return { result: row!, outcome: { paymentId: row!.id } };
      });
      ctx.log.info(
        {
          paymentId: payment.id,
          orderId: payment.orderId,
          status: payment.status,
          declineCode: charged.declineCode,
          cardBrand: payment.cardBrand,
          cardLast4: payment.cardLast4,
          provider: ctx.provider.name,
        },
        "card charged",
      );
      return payment;
    },
  });
}

/**
 * The order's latest payment attempt, or null when it was never charged. A charge that is still
 * in flight is neither: answering null would tell the saga "nothing was charged" and let it
 * cancel an order that may be paid a moment later, so the caller is asked to come back.
 */
export async function paymentForOrder(ctx: PaymentsContext, orderId: string): Promise<PaymentRow | null> {
  requireInternalCaller(ctx);
  if (!isUuid(orderId)) return null;
  const [payment, inFlight] = await Promise.all([
    ctx.loaders.latestPaymentByOrderId.load(orderId),
    chargeInFlight(ctx.db, orderId.toLowerCase()),
  ]);
  if (inFlight && (!payment || payment.createdAt < inFlight.since)) {
    throw idempotencyKeyInUse("A charge for this order is still being processed. Ask again in a moment.");
  }
  return payment;
}
