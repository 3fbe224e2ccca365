import { randomUUID } from "node:crypto";
import { count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeInternal, executeOk, testEnv, useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import { CartItemCountDocument, MergeGuestCartDocument } from "./generated/cart";
import { ReleaseReservationDocument } from "./generated/catalogue";
import { CheckoutDocument } from "./generated/orders";
import { ChargePaymentDocument, RefundPaymentDocument } from "./generated/payments";
import { ADDRESS, CARDS, SHIPPING_PRICE, startStack, waitFor } from "./stack";

const s = useStack(() => startStack());

const shipmentsFor = (orderId: string) =>
  s.shipmentRequests.filter((m) => (m.payload as { orderId: string }).orderId === orderId);

/** The order's payments, through the payments API and what its charges were answered (see the stack). */
const paymentsFor = (orderId: string) => s.paymentsFor(orderId);

/** The customer's payments, the same way. */
const paymentsOf = (userId: string) => s.paymentsOf(userId);

async function orderRow(id: string) {
  const [row] = await s.orders.database.db.select().from(schema.orders).where(eq(schema.orders.id, id));
  return row!;
}

describe("checkout", () => {
  it("guest cart → register → merged cart → pay with 4242 → PAID, stock taken, shipment requested once", async () => {
    const variant = await s.variantWithStock(5, 1999);
    const guest = await s.addToCart(variant, 2, {});
    const cartToken = guest.addToCart.cartToken!;
    expect(cartToken).toBeTruthy();
    const customer = await s.customer();
    await executeOk(s.cart.url, MergeGuestCartDocument, {
      variables: { t: cartToken },
      token: customer.token,
    });

    const result = await s.checkout(customer.token);
    const order = result.data!.checkout;
    expect(order).toMatchObject({
      __typename: "Order",
      status: "PAID",
      total: { amount: 3998 + SHIPPING_PRICE },
    });
    expect((await paymentsFor(order.id!)).map((p) => p.status)).toEqual(["SUCCEEDED"]);
    expect(await s.stockOf(variant)).toEqual({ onHand: 3, ledger: 3 });
    const shipped = await waitFor(
      () => shipmentsFor(order.id!),
      (list) => list.length > 0,
    );
    expect(shipped).toHaveLength(1);
    expect(shipped[0]!.payload).toMatchObject({
      orderId: order.id,
      lines: [{ variantId: variant, quantity: 2 }],
      address: { country: "GB" },
    });
    // The cart was emptied by the checkout.
    const cart = await executeOk(s.cart.url, CartItemCountDocument, { token: customer.token });
    expect(cart.cart!.itemCount).toBe(0);
    // Every status change was published, in order.
    const statuses = await waitFor(
      () =>
        s.statusEvents
          .filter((m) => (m.payload as { orderId: string }).orderId === order.id)
          .map((m) => (m.payload as { status: string }).status),
      (list) => list.length >= 3,
    );
    expect(statuses).toEqual(["PENDING", "PAYMENT_PENDING", "PAID"]);
  });

  it("a declined card fails the order, releases the stock, keeps the cart, and a retry with another card pays", async () => {
    const variant = await s.variantWithStock(4);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });

    const declined = (await s.checkout(customer.token, { card: CARDS.declined })).data!.checkout;
    expect(declined).toMatchObject({
      __typename: "CheckoutError",
      code: "PAYMENT_DECLINED",
      order: { status: "PAYMENT_FAILED" },
    });
    expect(declined.message).toMatch(/declined/);
    expect(await s.stockOf(variant)).toEqual({ onHand: 4, ledger: 4 });

    const retry = (await s.checkout(customer.token, { card: CARDS.ok })).data!.checkout;
    expect(retry).toMatchObject({ __typename: "Order", status: "PAID" });
    expect(await s.stockOf(variant)).toEqual({ onHand: 3, ledger: 3 });
  });

  it("insufficient funds and processing errors are typed results too", async () => {
    for (const [card, code] of [
      [CARDS.insufficientFunds, "INSUFFICIENT_FUNDS"],
      [CARDS.processingError, "PAYMENT_ERROR"],
    ] as const) {
      const variant = await s.variantWithStock(2);
      const customer = await s.customer();
      await s.addToCart(variant, 1, { token: customer.token });
      const result = (await s.checkout(customer.token, { card })).data!.checkout;
      expect(result).toMatchObject({ __typename: "CheckoutError", code });
      expect(await s.stockOf(variant)).toEqual({ onHand: 2, ledger: 2 });
    }
  });

  it("100 concurrent checkouts for stock 10: at most 10 paid, never negative, the rest OUT_OF_STOCK", async () => {
    const variant = await s.variantWithStock(10);
    const customers = [];
    for (let i = 0; i < 100; i++) {
      const customer = await s.customer();
      await s.addToCart(variant, 1, { token: customer.token });
      customers.push(customer);
    }
    const results = await Promise.all(customers.map((c) => s.checkout(c.token)));
    const outcomes = results.map((r) => r.data?.checkout);
    const paid = outcomes.filter((o) => o?.__typename === "Order" && o.status === "PAID");
    const outOfStock = outcomes.filter((o) => o?.__typename === "CheckoutError" && o.code === "OUT_OF_STOCK");
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(paid.length).toBe(10);
    expect(outOfStock.length).toBe(90);
    expect(await s.stockOf(variant)).toEqual({ onHand: 0, ledger: 0 });
    // Sold out before the order was created (the cart saw it), or while reserving (cancelled).
    for (const failed of outOfStock) expect([undefined, null, "CANCELLED"]).toContain(failed!.order?.status);
    for (const failed of outOfStock)
      expect(failed!.shortages?.[0]).toMatchObject({ requested: 1, available: 0 });
  }, 180_000);

  it("the same idempotency key, sequentially and concurrently, gives one order and one charge", async () => {
    const variant = await s.variantWithStock(10);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const key = randomUUID();
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => s.checkout(customer.token, { key })),
    );
    const again = await s.checkout(customer.token, { key });
    const ids = new Set([...concurrent, again].map((r) => r.data!.checkout.id));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    expect(await paymentsFor(orderId!)).toHaveLength(1);
    const [orders] = await s.orders.database.db
      .select({ n: count() })
      .from(schema.orders)
      .where(eq(schema.orders.userId, customer.id));
    expect(orders?.n).toBe(1);
    expect(await s.stockOf(variant)).toEqual({ onHand: 9, ledger: 9 });
  });

  it("a retry while the first request still waits on payments answers at once with the order in progress", async () => {
    const variant = await s.variantWithStock(5);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const key = randomUUID();
    // Payments hangs: the first request sits in PAYMENT_PENDING until its call's deadline.
    s.paymentsLink.stall();
    let firstSettled = false;
    const first = s.checkout(customer.token, { key }).finally(() => (firstSettled = true));
    try {
      await waitFor(
        async () =>
          (
            await s.orders.database.db
              .select({ status: schema.orders.status })
              .from(schema.orders)
              .where(eq(schema.orders.idempotencyKey, key))
          )[0]?.status,
        (status) => status === "PAYMENT_PENDING",
      );
      const retry = await s.checkout(customer.token, { key });
      // The retry did not wait for the first request's outcome (which a router would have cut
      // off at its own deadline): it shows the order as it stands, for the client to follow.
      expect(firstSettled).toBe(false);
      expect(retry.data?.checkout).toMatchObject({ __typename: "Order", status: "PAYMENT_PENDING" });
    } finally {
      s.paymentsLink.restore();
    }
    const outcome = await first;
    expect(outcome.data?.checkout).toBeTruthy();
    const [orders] = await s.orders.database.db
      .select({ n: count() })
      .from(schema.orders)
      .where(eq(schema.orders.idempotencyKey, key));
    expect(orders?.n).toBe(1);
  });

  it("bad input is refused before anything is written or charged", async () => {
    const variant = await s.variantWithStock(3);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const badCard = await s.checkout(customer.token, { card: "4242424242424241" });
    expect(badCard.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "card.number" });
    const badAddress = await s.checkout(customer.token, { address: { ...ADDRESS, country: "Britain" } });
    expect(badAddress.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "shippingAddress.country",
    });
    // Refused by the services checkout asks (shipping's address rules, its option list, the
    // customer's address book): the same clear error, named in the checkout's own terms.
    const badPostcode = await s.checkout(customer.token, {
      address: { ...ADDRESS, postalCode: "NOT A CODE!" },
    });
    expect(badPostcode.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "shippingAddress.postalCode",
    });
    const unknownOption = await s.checkout(customer.token, { shippingOptionId: "pigeon-post" });
    expect(unknownOption.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "shippingOptionId",
    });
    const notTheirs = await s.as(customer).execute(CheckoutDocument, {
      input: {
        idempotencyKey: randomUUID(),
        shippingAddressId: randomUUID(),
        shippingOptionId: "ups-ground",
        card: { number: CARDS.ok, expMonth: 12, expYear: 2030, cvc: "123" },
      },
    });
    expect(notTheirs.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "shippingAddressId",
    });
    const [orders] = await s.orders.database.db
      .select({ n: count() })
      .from(schema.orders)
      .where(eq(schema.orders.userId, customer.id));
    expect(orders?.n).toBe(0);
    expect(await s.stockOf(variant)).toEqual({ onHand: 3, ledger: 3 });
  });
});

describe("the inline shipping address", () => {
  it("is held to the address book's rules, refused before anything is written or charged", async () => {
    const variant = await s.variantWithStock(2);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ADDRESS, country: "XX" }, "shippingAddress.country"],
      [{ ...ADDRESS, country: "US", postalCode: "ABCDE" }, "shippingAddress.postalCode"],
      [{ ...ADDRESS, phone: "call me maybe" }, "shippingAddress.phone"],
      [{ ...ADDRESS, fullName: "Ada\u0000Lovelace" }, "shippingAddress.fullName"],
      [{ ...ADDRESS, city: "\ud800London" }, "shippingAddress.city"],
    ];
    for (const [address, field] of cases) {
      const refused = await s.checkout(customer.token, { address });
      expect(refused.errors?.[0]?.extensions, field).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const [orders] = await s.orders.database.db
      .select({ n: count() })
      .from(schema.orders)
      .where(eq(schema.orders.userId, customer.id));
    expect(orders?.n).toBe(0);
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    expect(await s.stockOf(variant)).toEqual({ onHand: 2, ledger: 2 });
  });

  it("needs the fields a label needs, which ShippingAddressInput leaves optional for quoting", async () => {
    const variant = await s.variantWithStock(2);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    for (const field of ["fullName", "line1", "city", "postalCode"]) {
      for (const address of [
        { ...ADDRESS, [field]: null },
        { ...ADDRESS, [field]: undefined },
      ]) {
        const refused = await s.checkout(customer.token, { address });
        expect(refused.errors?.[0], field).toMatchObject({
          message: `shippingAddress.${field}: is required`,
          extensions: { code: "BAD_USER_INPUT", field: `shippingAddress.${field}` },
        });
      }
    }
    const [orders] = await s.orders.database.db
      .select({ n: count() })
      .from(schema.orders)
      .where(eq(schema.orders.userId, customer.id));
    expect(orders?.n).toBe(0);
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    expect(await s.stockOf(variant)).toEqual({ onHand: 2, ledger: 2 });
  });

  it("keeps the phone number as E.164 in the order's address", async () => {
    const variant = await s.variantWithStock(2);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const paid = (await s.checkout(customer.token, { address: { ...ADDRESS, phone: "020 7946 0958" } })).data!
      .checkout;
    expect(paid.status).toBe("PAID");
    expect((await orderRow(paid.id!)).shippingAddress.phone).toBe("+442079460958");
  });
});

describe("delivery guarantees", () => {
  it("an order paid just before the process died gets its shipment request published exactly once after restart", async () => {
    // This process commits PAID (with the shipment request in the outbox) but never publishes:
    // the state a crash right after the commit leaves behind.
    await s.restartOrders({ relay: false });
    const variant = await s.variantWithStock(3);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const order = (await s.checkout(customer.token)).data!.checkout;
    expect(order.status).toBe("PAID");
    const pending = await s.orders.database.db
      .select()
      .from(schema.outbox)
      .where(isNull(schema.outbox.publishedAt));
    expect(pending.filter((row) => row.type === "orders.shipment-requested.v1")).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shipmentsFor(order.id!)).toHaveLength(0);

    await s.restartOrders({ relay: true });
    await waitFor(
      () => shipmentsFor(order.id!),
      (list) => list.length > 0,
    );
    // Give a duplicate every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(shipmentsFor(order.id!)).toHaveLength(1);
    const left = await waitFor(
      () => s.orders.database.db.select().from(schema.outbox).where(isNull(schema.outbox.publishedAt)),
      (rows) => rows.length === 0,
    );
    expect(left).toHaveLength(0);
  });

  /**
   * The state a crash between the charge and its commit leaves: payments is unreachable when the
   * checkout charges (the order waits in PAYMENT_PENDING with its stock held), then the charge
   * goes through with the order's own idempotency key, as the lost call would have. Finally the
   * order is made to look old enough for the recovery sweep.
   */
  async function interruptedAfterCharge(stock: number) {
    const variant = await s.variantWithStock(stock);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    s.paymentsLink.cut();
    const waiting = (await s.checkout(customer.token)).data!.checkout;
    s.paymentsLink.restore();
    expect(waiting.order?.status).toBe("PAYMENT_PENDING");
    const order = await orderRow(waiting.order!.id);
    const charged = await executeInternal(s.payments.url, ChargePaymentDocument, {
      serviceToken: testEnv.serviceToken,
      variables: {
        input: {
          orderId: order.id,
          userId: order.userId,
          amount: order.total,
          currency: order.currency,
          idempotencyKey: order.id,
          card: { number: CARDS.ok, expMonth: 12, expYear: 2030, cvc: "123" },
        },
      },
    });
    expect(charged.data?.chargePayment.status).toBe("SUCCEEDED");
    return { variant, order };
  }
  const makeStale = (orderId: string) =>
    s.orders.database.db
      .update(schema.orders)
      .set({ updatedAt: new Date(Date.now() - 120_000) })
      .where(eq(schema.orders.id, orderId));
  const releaseHold = (reservationId: string) =>
    executeInternal(s.catalogue.url, ReleaseReservationDocument, {
      serviceToken: testEnv.serviceToken,
      variables: { id: reservationId },
    });

  it("a checkout interrupted after the charge is finished by the recovery sweep", async () => {
    const { variant, order } = await interruptedAfterCharge(3);
    await makeStale(order.id);
    const recovered = await waitFor(
      () => orderRow(order.id),
      (row) => row.status === "PAID",
      20_000,
    );
    expect(recovered.status).toBe("PAID");
    expect(await s.stockOf(variant)).toEqual({ onHand: 2, ledger: 2 });
    await waitFor(
      () => shipmentsFor(order.id),
      (list) => list.length > 0,
    );
  });

  it("when the stock hold expired before the sale, the stock is reserved again and the order completes", async () => {
    const { variant, order } = await interruptedAfterCharge(3);
    // The catalogue's sweeper gives expired holds back; this does what it would.
    await releaseHold(order.id);
    expect(await s.stockOf(variant)).toEqual({ onHand: 3, ledger: 3 });
    await makeStale(order.id);
    const recovered = await waitFor(
      () => orderRow(order.id),
      (row) => row.status === "PAID",
      20_000,
    );
    expect(recovered.status).toBe("PAID");
    expect(await s.stockOf(variant)).toEqual({ onHand: 2, ledger: 2 });
    await waitFor(
      () => shipmentsFor(order.id),
      (list) => list.length > 0,
    );
  });

  it("when the stock is gone by then, the charge is refunded and the order cancelled", async () => {
    const { variant, order } = await interruptedAfterCharge(1);
    await releaseHold(order.id);
    // Someone else buys the last one meanwhile.
    const other = await s.customer();
    await s.addToCart(variant, 1, { token: other.token });
    expect((await s.checkout(other.token)).data!.checkout.status).toBe("PAID");
    await makeStale(order.id);
    const settled = await waitFor(
      () => orderRow(order.id),
      (row) => row.status === "CANCELLED",
      20_000,
    );
    expect(settled).toMatchObject({ status: "CANCELLED", failureCode: "OUT_OF_STOCK" });
    expect(settled.failureMessage).toMatch(/refunded/);
    expect((await paymentsFor(order.id)).map((p) => [p.status, p.refundedAmount])).toEqual([
      ["REFUNDED", order.total],
    ]);
    expect(await s.stockOf(variant)).toEqual({ onHand: 0, ledger: 0 });
    expect(shipmentsFor(order.id)).toHaveLength(0);
  });

  it("a charge refunded in full before the order settled is never shipped: the order is cancelled", async () => {
    const { variant, order } = await interruptedAfterCharge(3);
    const [payment] = await paymentsFor(order.id);
    const refunded = await executeInternal(s.payments.url, RefundPaymentDocument, {
      serviceToken: testEnv.serviceToken,
      variables: { input: { paymentId: payment!.id, idempotencyKey: randomUUID() } },
    });
    expect(refunded.data?.refundPayment.__typename).toBe("RefundSucceeded");
    await makeStale(order.id);
    const settled = await waitFor(
      () => orderRow(order.id),
      (row) => row.status === "CANCELLED",
      20_000,
    );
    expect(settled.status).toBe("CANCELLED");
    // Its stock hold was given back, and no shipment was asked for.
    expect(await s.stockOf(variant)).toEqual({ onHand: 3, ledger: 3 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shipmentsFor(order.id)).toHaveLength(0);
  });

  it("every order this run created is in a state the test can name", async () => {
    const rows = await s.orders.database.db.select({ status: schema.orders.status }).from(schema.orders);
    expect(rows.length).toBeGreaterThan(20);
    // Final (failed, cancelled, delivered) or waiting on the carrier (paid, shipped); never mid-checkout.
    for (const row of rows) {
      expect(["PAID", "SHIPPED", "DELIVERED", "PAYMENT_FAILED", "CANCELLED"]).toContain(row.status);
    }
  });
});
