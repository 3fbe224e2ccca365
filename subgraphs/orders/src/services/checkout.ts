import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { postalAddress } from "@storefront/platform/address";
import { requireViewer } from "@storefront/platform/auth";
import { badUserInput, ErrorCode } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { createMessage } from "@storefront/platform/messages";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import { failure, typed, type Failure, type Typed } from "@storefront/platform/result";
import { passThroughClientError } from "@storefront/platform/service-client";
import { validateInput } from "@storefront/platform/validation";
import { CheckoutCartDocument, CompleteCheckoutDocument } from "@storefront/contracts/cart";
import {
  ChargePaymentDocument,
  RefundPaymentDocument,
  type ChargePaymentMutation,
} from "@storefront/contracts/payments";
import { ShippingQuoteDocument } from "@storefront/contracts/shipping";
import { CheckoutAddressBookDocument } from "@storefront/contracts/users";
import type { OrdersContext } from "../context";
import { orderLines, orderStatusHistory, orders, type OrderRow } from "../db/schema";
import { isCheckoutInProgress } from "../domain/order-status";
import { orderTotals } from "../domain/pricing";
import type { CheckoutInput } from "../generated/resolvers";
import { timeStage, type CheckoutOutcome } from "./checkout-metrics";
import { releaseStock, reserveStock, sellStock, type SagaContext } from "./stock";
import { statusChangedMessage, transition } from "./transitions";
import { validateCard } from "@storefront/payments/cards";
import type { ShippingAddress } from "@storefront/contracts/events";

export type CheckoutErrorCode =
  | "EMPTY_CART"
  | "CART_HAS_ISSUES"
  | "OUT_OF_STOCK"
  | "PAYMENT_DECLINED"
  | "INSUFFICIENT_FUNDS"
  | "PAYMENT_ERROR";

export type Shortage = { variantId: string; requested: number; available: number };

export type CheckoutError = Failure<
  "CheckoutError",
  CheckoutErrorCode,
  { order: OrderRow | null; shortages: Shortage[] }
>;

const checkoutError = (
  code: CheckoutErrorCode,
  message: string,
  order: OrderRow | null,
  shortages: Shortage[] = [],
): CheckoutError => failure("CheckoutError", code, message, { order, shortages });

/** Where a step of the checkout leaves it: the order as it stands, or why it did not go through. */
export type CheckoutStep = OrderRow | CheckoutError;

/** What `checkout` answers: the order tagged as such, or the refusal. */
export type CheckoutResult = Typed<"Order", OrderRow> | CheckoutError;

const checkoutInput = z
  .object({
    idempotencyKey: z.string().trim().min(8, "must be at least 8 characters").max(100),
    shippingAddressId: z.string().nullish(),
    shippingAddress: postalAddress.nullish(),
    shippingOptionId: z.string().trim().min(1, "must not be empty").max(64),
    card: z.object({
      number: z.string().max(30),
      expMonth: z.number().int(),
      expYear: z.number().int(),
      cvc: z.string().max(4),
    }),
  })
  .refine((i) => (i.shippingAddressId == null) !== (i.shippingAddress == null), {
    message: "give exactly one of shippingAddressId and shippingAddress",
    path: ["shippingAddressId"],
  });

const PAYMENT_MESSAGES: Record<string, [CheckoutErrorCode, string]> = {
  DECLINED: ["PAYMENT_DECLINED", "Your card was declined. Please use another card."],
  INSUFFICIENT_FUNDS: ["INSUFFICIENT_FUNDS", "Your card has insufficient funds. Please use another card."],
  PROCESSING_ERROR: ["PAYMENT_ERROR", "The payment could not be processed. Please try again."],
};

async function shippingAddressFor(
  ctx: OrdersContext,
  input: z.infer<typeof checkoutInput>,
): Promise<ShippingAddress> {
  if (input.shippingAddress) return input.shippingAddress;
  const id = input.shippingAddressId!;
  // Read on the customer's behalf: the users subgraph only shows a user their own addresses.
  const data = await ctx.deps
    .users(
      CheckoutAddressBookDocument,
      { r: [{ __typename: "User", id: ctx.viewer!.userId }] },
      { requestId: ctx.requestId, ...(ctx.authorization ? { authorization: ctx.authorization } : {}) },
    )
    .catch(passThroughClientError);
  const found = data._entities[0]?.addresses.find((address) => address.id === id);
  if (!found) throw badUserInput("No such address in your address book.", "shippingAddressId");
  const { id: _id, ...address } = found;
  return address;
}

/** The price of the chosen shipping option to this address, as the shipping subgraph quotes it now. */
async function shippingPrice(
  ctx: OrdersContext,
  optionId: string,
  address: ShippingAddress,
  currency: string,
  /** Where the address came from in the checkout input, for naming a field shipping refuses. */
  addressField: (part: string) => string,
): Promise<number> {
  const { shippingQuote } = await ctx.deps
    .shipping(ShippingQuoteDocument, { id: optionId, address }, { requestId: ctx.requestId })
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

/** What a stored order means to a client asking again with the same key. */
function outcomeOf(order: OrderRow): CheckoutStep {
  if (order.status === "PAYMENT_FAILED" || order.status === "CANCELLED") {
    const [code, message] = PAYMENT_MESSAGES[order.failureCode ?? ""] ?? [
      order.failureCode === "OUT_OF_STOCK" ? "OUT_OF_STOCK" : "PAYMENT_ERROR",
      order.failureMessage ?? "The order did not go through.",
    ];
    return checkoutError(code, order.failureMessage ?? message, order);
  }
  return order;
}

/**
 * A request with the same key is still working on the order (or was, before a crash): wait a
 * little for its outcome, then answer with the order as it stands.
 */
async function settled(ctx: OrdersContext, orderId: string): Promise<OrderRow> {
  const deadline = Date.now() + ctx.deps.config.checkoutReplayWaitSeconds * 1000;
  for (;;) {
    const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
    if (!order) throw new Error(`order ${orderId} vanished`);
    if (!isCheckoutInProgress(order.status) || Date.now() > deadline) return order;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function existingOrder(ctx: OrdersContext, userId: string, key: string): Promise<OrderRow | undefined> {
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.idempotencyKey, key)));
  return order;
}

/**
 * The checkout saga, orchestrated here: order created (PENDING) → stock reserved in the
 * catalogue (reservation id = order id) → PAYMENT_PENDING → payment taken (idempotency key =
 * order id) → reservation committed → PAID, with the shipment request in the outbox of the same
 * transaction → cart emptied. A refused payment releases the stock (PAYMENT_FAILED); missing
 * stock cancels the order (OUT_OF_STOCK); a charge whose stock hold expired meanwhile is sold
 * from a renewed hold, or refunded (see sellStock). Every step is idempotent on the order id, so
 * the recovery sweep can finish a checkout this process did not.
 */
export async function checkout(ctx: OrdersContext, rawInput: CheckoutInput): Promise<CheckoutResult> {
  const attempt = { replayed: false };
  try {
    const result = await placeOrder(ctx, rawInput, attempt);
    ctx.deps.metrics.checkouts.inc({ outcome: attempt.replayed ? "replayed" : checkoutOutcome(result) });
    return "__typename" in result ? result : typed("Order", result);
  } catch (error) {
    ctx.deps.metrics.checkouts.inc({ outcome: thrownOutcome(error) });
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
  ctx: OrdersContext,
  rawInput: CheckoutInput,
  attempt: { replayed: boolean },
): Promise<CheckoutStep> {
  const viewer = requireViewer(ctx.viewer);
  const input = validateInput(checkoutInput, rawInput);
  validateCard(input.card);
  const replay = await existingOrder(ctx, viewer.userId, input.idempotencyKey);
  if (replay) {
    attempt.replayed = true;
    return outcomeOf(await settled(ctx, replay.id));
  }
  if (input.shippingAddressId && !isUuid(input.shippingAddressId)) {
    throw badUserInput("No such address in your address book.", "shippingAddressId");
  }

  const { metrics } = ctx.deps;
  const { checkoutCart: cart } = await timeStage(metrics, "load_cart", () =>
    ctx.deps.cart(CheckoutCartDocument, { userId: viewer.userId }, { requestId: ctx.requestId }),
  );
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
    const address = await shippingAddressFor(ctx, input);
    const shippingTotal = await shippingPrice(ctx, input.shippingOptionId, address, currency, (part) =>
      input.shippingAddress ? `shippingAddress.${part}` : "shippingAddressId",
    );
    return { address, shippingTotal };
  });

  const totals = orderTotals(cart.lines, shippingTotal);
  const id = randomUUID();
  const created = await timeStage(metrics, "create_order", () =>
    inTransactionWithOutbox(ctx.db, ctx.deps.relay, async (tx, outbox) => {
      const [order] = await tx
        .insert(orders)
        .values({
          id,
          userId: viewer.userId,
          idempotencyKey: input.idempotencyKey,
          currency: cart.currency!,
          ...totals,
          shippingAddress: address,
          shippingOptionId: input.shippingOptionId,
          cartId: cart.cartId,
        })
        .onConflictDoNothing({ target: [orders.userId, orders.idempotencyKey] })
        .returning();
      if (!order) return undefined;
      await tx
        .insert(orderLines)
        .values(cart.lines.map((line, position) => ({ ...line, orderId: id, position })));
      await tx
        .insert(orderStatusHistory)
        .values({ orderId: id, status: "PENDING", sequence: 1, note: "Order placed" });
      await outbox.enqueue(statusChangedMessage(order, null));
      return order;
    }),
  );
  // Another request with the same key won the insert a moment ago.
  if (!created) {
    attempt.replayed = true;
    return outcomeOf(await settled(ctx, (await existingOrder(ctx, viewer.userId, input.idempotencyKey))!.id));
  }
  return runSaga(ctx, created, input.card);
}

async function runSaga(
  ctx: OrdersContext,
  order: OrderRow,
  card: z.infer<typeof checkoutInput>["card"],
): Promise<CheckoutStep> {
  const lines = await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const reserved = await timeStage(
    ctx.deps.metrics,
    "reserve_stock",
    () => reserveStock(ctx, order.id, lines),
    (result) => (result.__typename === "InsufficientStock" ? "refused" : "ok"),
  );
  if (reserved.__typename === "InsufficientStock") {
    const message = "Some items sold out while you were checking out.";
    const cancelled = await inTransactionWithOutbox(ctx.db, ctx.deps.relay, (tx, outbox) =>
      transition(tx, outbox, order, "CANCELLED", {
        note: message,
        failureCode: "OUT_OF_STOCK",
        failureMessage: message,
      }),
    );
    return checkoutError("OUT_OF_STOCK", message, cancelled ?? order, reserved.lines);
  }

  const paying = await inTransactionWithOutbox(ctx.db, ctx.deps.relay, (tx, outbox) =>
    transition(tx, outbox, order, "PAYMENT_PENDING", { note: "Stock reserved" }),
  );
  if (!paying) {
    // The customer cancelled while the stock was being reserved: nothing is charged, and the
    // hold just made goes back.
    await releaseStock(ctx, order.id);
    const [current] = await ctx.db.select().from(orders).where(eq(orders.id, order.id));
    return outcomeOf(current!);
  }
  let payment: ChargePaymentMutation["chargePayment"];
  try {
    ({ chargePayment: payment } = await timeStage(
      ctx.deps.metrics,
      "charge_payment",
      () =>
        ctx.deps.payments(
          ChargePaymentDocument,
          {
            input: {
              orderId: order.id,
              userId: order.userId,
              amount: order.total,
              currency: order.currency,
              idempotencyKey: order.id,
              card,
            },
          },
          { requestId: ctx.requestId },
        ),
      ({ chargePayment }) => (chargePayment.status === "SUCCEEDED" ? "ok" : "refused"),
    ));
  } catch (error) {
    // The charge may or may not have happened: leave the order for the recovery sweep, which
    // asks the payments service what became of it.
    ctx.log.error({ err: error, orderId: order.id }, "payment outcome unknown; left for recovery");
    const [code, message] = PAYMENT_MESSAGES.PROCESSING_ERROR!;
    return checkoutError(code, `${message} Your order is being checked; see your orders shortly.`, paying);
  }
  return payment.status === "SUCCEEDED"
    ? completePaidOrder(ctx, paying, payment.id)
    : failPayment(ctx, paying, payment.failureCode ?? "PROCESSING_ERROR");
}

/** Stock out of the reservation into a sale, the order PAID and its shipment requested — atomically on our side. */
export async function completePaidOrder(
  ctx: SagaContext,
  order: OrderRow,
  paymentId: string,
): Promise<CheckoutStep> {
  const { metrics } = ctx.deps;
  const lines = await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const sold = await timeStage(
    metrics,
    "sell_stock",
    () => sellStock(ctx, order, lines),
    (done) => (done ? "ok" : "refused"),
  );
  if (!sold) return refundUnfulfillable(ctx, order, paymentId);
  const shipment = createMessage("orders.shipment-requested.v1", {
    orderId: order.id,
    userId: order.userId,
    address: order.shippingAddress,
    shippingOptionId: order.shippingOptionId,
    lines: lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity })),
    total: { amount: order.total, currency: order.currency },
  });
  const paid = await timeStage(metrics, "request_shipment", () =>
    inTransactionWithOutbox(ctx.db, ctx.deps.relay, (tx, outbox) =>
      transition(tx, outbox, order, "PAID", { note: "Payment received", paymentId, messages: [shipment] }),
    ),
  );
  if (order.cartId) {
    const cartId = order.cartId;
    await timeStage(metrics, "empty_cart", () =>
      ctx.deps.cart(
        CompleteCheckoutDocument,
        {
          cartId,
          orderId: order.id,
          lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
        },
        { requestId: ctx.requestId },
      ),
    ).catch((error: unknown) =>
      ctx.log.warn({ err: error, orderId: order.id }, "cart not emptied after checkout"),
    );
  }
  return paid ?? (await ctx.db.select().from(orders).where(eq(orders.id, order.id)))[0]!;
}

/**
 * The compensation for a charge that cannot be honoured: the stock the order was paying for is
 * gone (its hold expired and others bought it meanwhile). The charge is refunded in full, once
 * (the refund's idempotency key is the order's), and the order is cancelled.
 */
export async function refundUnfulfillable(
  ctx: SagaContext,
  order: OrderRow,
  paymentId: string,
): Promise<CheckoutError> {
  const message =
    "Some items sold out while your payment was being confirmed; your payment was refunded in full.";
  await timeStage(ctx.deps.metrics, "refund_payment", async () => {
    const { refundPayment } = await ctx.deps.payments(
      RefundPaymentDocument,
      {
        input: {
          paymentId,
          reason: "Order could not be fulfilled: out of stock",
          idempotencyKey: `unfulfillable:${order.id}`,
        },
      },
      { requestId: ctx.requestId },
    );
    // Already refunded in full (a retry after the refund went through) is the outcome wanted.
    if (refundPayment.__typename === "RefundError" && refundPayment.code !== "PAYMENT_NOT_REFUNDABLE") {
      throw new Error(`refund of order ${order.id} refused: ${refundPayment.code}`);
    }
  });
  // Whatever the order still holds goes back (released already when the hold had expired).
  await timeStage(ctx.deps.metrics, "release_stock", () => releaseStock(ctx, order.id));
  const cancelled = await inTransactionWithOutbox(ctx.db, ctx.deps.relay, (tx, outbox) =>
    transition(tx, outbox, order, "CANCELLED", {
      note: message,
      failureCode: "OUT_OF_STOCK",
      failureMessage: message,
      paymentId,
    }),
  );
  ctx.log.warn({ orderId: order.id, paymentId }, "paid order could not be fulfilled; refunded and cancelled");
  return checkoutError("OUT_OF_STOCK", message, cancelled ?? order);
}

export async function failPayment(
  ctx: SagaContext,
  order: OrderRow,
  failureCode: string,
): Promise<CheckoutError> {
  await timeStage(ctx.deps.metrics, "release_stock", () => releaseStock(ctx, order.id));
  const [code, message] = PAYMENT_MESSAGES[failureCode] ?? PAYMENT_MESSAGES.PROCESSING_ERROR!;
  const failed = await inTransactionWithOutbox(ctx.db, ctx.deps.relay, (tx, outbox) =>
    transition(tx, outbox, order, "PAYMENT_FAILED", { note: message, failureCode, failureMessage: message }),
  );
  return checkoutError(code, message, failed ?? order);
}
