import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@storefront/testkit";
import { eq } from "drizzle-orm";
import { schema } from "../src/db";
import { CancelOrderDocument } from "./generated/orders";
import { CARDS, startStack, type Stack } from "./stack";

let s: Stack;
beforeAll(async () => {
  s = await startStack();
  // The recovery sweep would settle waiting orders itself; these tests settle them by hand.
  await s.restartOrders({ recoveryIntervalMs: 3_600_000 });
}, 120_000);
afterAll(async () => {
  await s?.stop();
});

const orderRow = async (id: string) =>
  (await s.orders.database.db.select().from(schema.orders).where(eq(schema.orders.id, id)))[0]!;

describe("cancelling an order", () => {
  it("an order left waiting on payment is cancelled once payments says nothing was charged; its stock is back", async () => {
    const variant = await s.variantWithStock(4);
    const customer = await s.customer();
    await s.addToCart(variant, 2, { token: customer.token });

    // Payments goes away mid-checkout: the charge's outcome is unknown, the order waits.
    s.paymentsLink.cut();
    const pending = (await s.checkout(customer.token)).data!.checkout;
    expect(pending).toMatchObject({ __typename: "CheckoutError", code: "PAYMENT_ERROR" });
    expect(pending.order?.status).toBe("PAYMENT_PENDING");
    expect(await s.stockOf(variant)).toEqual({ onHand: 2, ledger: 2 });

    // Right after checkout the payment may still be on its way: not cancellable yet.
    const tooSoon = await s.as(customer).execute(CancelOrderDocument, { id: pending.order!.id });
    expect(tooSoon.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    expect(tooSoon.errors?.[0]?.message).toMatch(/still being taken/);

    // Once the checkout has gone quiet, but while payments cannot say, the order is still not
    // cancelled (it might have been charged), and is left as it was for another try.
    await s.orders.database.db
      .update(schema.orders)
      .set({ updatedAt: new Date(Date.now() - 120_000) })
      .where(eq(schema.orders.id, pending.order!.id));
    const unsure = await s.as(customer).execute(CancelOrderDocument, { id: pending.order!.id });
    expect(unsure.errors?.[0]?.extensions?.code).toBe("UNAVAILABLE");
    expect(await s.stockOf(variant)).toEqual({ onHand: 2, ledger: 2 });

    s.paymentsLink.restore();
    const cancelled = await s.as(customer).executeOk(CancelOrderDocument, { id: pending.order!.id });
    expect(cancelled.cancelOrder.status).toBe("CANCELLED");
    expect(cancelled.cancelOrder.statusHistory.map((h) => h.status)).toEqual([
      "PENDING",
      "PAYMENT_PENDING",
      "CANCELLED",
    ]);
    expect(await s.stockOf(variant)).toEqual({ onHand: 4, ledger: 4 });

    // Cancelling again changes nothing.
    const again = await s.as(customer).executeOk(CancelOrderDocument, { id: pending.order!.id });
    expect(again.cancelOrder.status).toBe("CANCELLED");
    expect(await s.stockOf(variant)).toEqual({ onHand: 4, ledger: 4 });
  });

  it("a paid order cannot be cancelled, and nobody else's order can be", async () => {
    const variant = await s.variantWithStock(2);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const paid = (await s.checkout(customer.token)).data!.checkout;
    expect(paid.status).toBe("PAID");

    const refused = await s.as(customer).execute(CancelOrderDocument, { id: paid.id! });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const stranger = await s.customer();
    const hidden = await s.as(stranger).execute(CancelOrderDocument, { id: paid.id! });
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const signedOut = await s.execute(CancelOrderDocument, { id: paid.id! });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await s.stockOf(variant)).toEqual({ onHand: 1, ledger: 1 });
  });

  it("a declined order is final: there is nothing to cancel", async () => {
    const variant = await s.variantWithStock(2);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const declined = (await s.checkout(customer.token, { card: CARDS.declined })).data!.checkout;
    expect(declined.order?.status).toBe("PAYMENT_FAILED");
    const refused = await s.as(customer).execute(CancelOrderDocument, { id: declined.order!.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it("a cancellation that wins while the checkout reserves stock: no charge, the hold given back", async () => {
    const variant = await s.variantWithStock(3);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    // The fault: the link between orders and the catalogue holds the checkout's ReserveStock on
    // its way, so the order waits in PENDING while its reservation is held, with nothing touched
    // in the catalogue's database. Only that operation is held: the cancellation's own release of
    // the stock (ReleaseReservation) goes through, finding no hold yet, and once let go the
    // reservation reaches the catalogue after the cancellation has won, so the hold it makes is
    // one only the checkout can give back.
    s.catalogueLink.hold("ReserveStock");
    const checkingOut = s.checkout(customer.token);
    await waitFor(
      () => s.catalogueLink.held(),
      (held) => held > 0,
      10_000,
    );
    const [pending] = await waitFor(
      () => s.orders.database.db.select().from(schema.orders).where(eq(schema.orders.userId, customer.id)),
      (rows) => rows.length > 0,
      10_000,
    );
    expect(pending!.status).toBe("PENDING");
    const cancelled = await s.as(customer).executeOk(CancelOrderDocument, { id: pending!.id });
    expect(cancelled.cancelOrder.status).toBe("CANCELLED");

    s.catalogueLink.release();
    // The checkout reserves, finds the order cancelled, gives the hold back and charges nothing.
    const outcome = await checkingOut;
    expect(outcome.errors ?? []).toEqual([]);
    expect(outcome.data!.checkout).toMatchObject({
      __typename: "CheckoutError",
      order: { status: "CANCELLED" },
    });
    expect((await orderRow(pending!.id)).status).toBe("CANCELLED");
    const payments = await s.paymentsFor(pending!.id);
    expect(payments).toHaveLength(0);
    expect(await s.stockOf(variant)).toEqual({ onHand: 3, ledger: 3 });
  });
});
