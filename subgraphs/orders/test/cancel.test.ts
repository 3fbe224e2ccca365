import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, executeOk } from "@storefront/testkit";
import { startCheckoutStack, type CheckoutStack } from "./harness";

let s: CheckoutStack;
beforeAll(async () => {
  s = await startCheckoutStack();
}, 120_000);
afterAll(async () => {
  await s?.stop();
});

const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { id status failureReason statusHistory { status note } } }`;

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

    // While payments cannot say, the order is not cancelled (it might have been charged).
    const unsure = await execute(s.orders.url, CANCEL, {
      variables: { id: pending.order!.id },
      token: customer.token,
    });
    expect(unsure.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");

    s.paymentsLink.restore();
    const cancelled = await executeOk<{
      cancelOrder: { status: string; statusHistory: { status: string }[] };
    }>(s.orders.url, CANCEL, { variables: { id: pending.order!.id }, token: customer.token });
    expect(cancelled.cancelOrder.status).toBe("CANCELLED");
    expect(cancelled.cancelOrder.statusHistory.map((h) => h.status)).toEqual([
      "PENDING",
      "PAYMENT_PENDING",
      "CANCELLED",
    ]);
    expect(await s.stockOf(variant)).toEqual({ onHand: 4, ledger: 4 });

    // Cancelling again changes nothing.
    const again = await executeOk<{ cancelOrder: { status: string } }>(s.orders.url, CANCEL, {
      variables: { id: pending.order!.id },
      token: customer.token,
    });
    expect(again.cancelOrder.status).toBe("CANCELLED");
    expect(await s.stockOf(variant)).toEqual({ onHand: 4, ledger: 4 });
  });

  it("a paid order cannot be cancelled, and nobody else's order can be", async () => {
    const variant = await s.variantWithStock(2);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const paid = (await s.checkout(customer.token)).data!.checkout;
    expect(paid.status).toBe("PAID");

    const refused = await execute(s.orders.url, CANCEL, {
      variables: { id: paid.id },
      token: customer.token,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const stranger = await s.customer();
    const hidden = await execute(s.orders.url, CANCEL, { variables: { id: paid.id }, token: stranger.token });
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const signedOut = await execute(s.orders.url, CANCEL, { variables: { id: paid.id } });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await s.stockOf(variant)).toEqual({ onHand: 1, ledger: 1 });
  });
});
