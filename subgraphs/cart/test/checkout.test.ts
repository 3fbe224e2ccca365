import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
// Exactly what the orders subgraph sends: its own typed documents (packages/contracts/operations/cart).
import { CheckoutCartDocument, CompleteCheckoutDocument } from "@storefront/contracts/cart";
import { executeInternal, testEnv, type Operation, useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import { startStack } from "./stack";

const s = useStack(() => startStack());

const internal = <TData, TVariables>(operation: Operation<TData, TVariables>, variables: TVariables) =>
  executeInternal(s.cart.url, operation, { variables, serviceToken: testEnv.serviceToken });

async function checkoutCart(userId: string) {
  const result = await internal(CheckoutCartDocument, { userId });
  expect(result.errors).toBeUndefined();
  return result.data!.checkoutCart;
}

const quantitiesIn = async (cartId: string) =>
  Object.fromEntries(
    (await s.cart.database.db.select().from(schema.cartLines).where(eq(schema.cartLines.cartId, cartId))).map(
      (l) => [l.variantId, l.quantity],
    ),
  );

describe("internal operations for the checkout", () => {
  it("are refused without the service credential", async () => {
    const customer = await s.customer();
    const asCustomer = await s.execute(
      CheckoutCartDocument,
      { userId: customer.id },
      { token: customer.token },
    );
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const wrongToken = await executeInternal(s.cart.url, CompleteCheckoutDocument, {
      variables: { cartId: randomUUID(), orderId: randomUUID(), lines: [] },
      serviceToken: "not-the-service-token-at-all-0000",
    });
    expect(wrongToken.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await s.cart.database.db.select().from(schema.completedCheckouts)).toEqual([]);
  });

  it("checkoutCart: an empty answer for a customer without a cart", async () => {
    expect(await checkoutCart(randomUUID())).toEqual({
      cartId: null,
      currency: null,
      subtotal: null,
      lines: [],
      issues: [],
    });
    const bad = await internal(CheckoutCartDocument, { userId: "nope" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "userId" });
  });

  it("checkoutCart: lines priced from the catalogue, flagged ones listed as issues only", async () => {
    const customer = await s.customer();
    const good = await s.variant({ stock: 5, price: 1999 });
    const gone = await s.variant({ stock: 5, price: 500 });
    const added = await s.add(good.id, 2, { token: customer.token });
    await s.add(gone.id, 1, { token: customer.token });

    const ready = await checkoutCart(customer.id);
    expect(ready).toMatchObject({
      cartId: added.cart!.id,
      currency: "USD",
      subtotal: 2 * 1999 + 500,
      issues: [],
    });
    expect(ready.lines[0]).toEqual({
      variantId: good.id,
      sku: good.sku,
      productId: good.productId,
      productName: good.productName,
      variantName: "Variant 0",
      quantity: 2,
      unitPrice: 1999,
    });

    await s.archiveVariant(gone.id);
    const flagged = await checkoutCart(customer.id);
    expect(flagged.lines.map((l) => l.variantId)).toEqual([good.id]);
    expect(flagged.subtotal).toBe(3998);
    expect(flagged.issues).toHaveLength(1);
    expect(flagged.issues[0]).toMatchObject({ variantId: gone.id, code: "UNAVAILABLE" });
    expect(flagged.issues[0]!.message).toBeTruthy();
  });

  it("completeCheckout takes out only the ordered quantities, once per order", async () => {
    const customer = await s.customer();
    const a = await s.variant({ stock: 20 });
    const b = await s.variant({ stock: 20 });
    const c = await s.variant({ stock: 20 });
    const { cart } = await s.add(a.id, 3, { token: customer.token });
    await s.add(b.id, 1, { token: customer.token });
    const orderId = randomUUID();
    const ordered = [
      { variantId: a.id, quantity: 3 },
      { variantId: b.id, quantity: 1 },
    ];
    // Meanwhile the customer adds more of a and a new c: those stay.
    await s.add(a.id, 2, { token: customer.token });
    await s.add(c.id, 1, { token: customer.token });

    const done = await internal(CompleteCheckoutDocument, {
      cartId: cart!.id,
      orderId,
      lines: ordered,
    });
    expect(done.data?.completeCheckout).toBe(true);
    expect(await quantitiesIn(cart!.id)).toEqual({ [a.id]: 2, [c.id]: 1 });

    // A repeat of the same order is a no-op that still answers true.
    const again = await internal(CompleteCheckoutDocument, {
      cartId: cart!.id,
      orderId,
      lines: ordered,
    });
    expect(again.data?.completeCheckout).toBe(true);
    expect(await quantitiesIn(cart!.id)).toEqual({ [a.id]: 2, [c.id]: 1 });
    const records = await s.cart.database.db
      .select()
      .from(schema.completedCheckouts)
      .where(eq(schema.completedCheckouts.orderId, orderId));
    expect(records).toHaveLength(1);
  });

  it("completeCheckout of a whole cart leaves it empty, and the empty cart takes any currency", async () => {
    const customer = await s.customer();
    const variant = await s.variant();
    const { cart } = await s.add(variant.id, 2, { token: customer.token });
    const done = await internal(CompleteCheckoutDocument, {
      cartId: cart!.id,
      orderId: randomUUID(),
      lines: [{ variantId: variant.id, quantity: 2 }],
    });
    expect(done.data?.completeCheckout).toBe(true);
    expect(await s.readCart({ token: customer.token })).toMatchObject({ id: cart!.id, itemCount: 0 });
    const euro = await s.add((await s.variant({ currency: "EUR" })).id, 1, { token: customer.token });
    expect(euro.error).toBeNull();
  });

  it("completeCheckout refuses malformed ids and writes nothing", async () => {
    const before = await s.cart.database.db.select().from(schema.completedCheckouts);
    const bad = await internal(CompleteCheckoutDocument, {
      cartId: randomUUID(),
      orderId: "order-1",
      lines: [{ variantId: randomUUID(), quantity: 1 }],
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orderId" });
    const zero = await internal(CompleteCheckoutDocument, {
      cartId: randomUUID(),
      orderId: randomUUID(),
      lines: [{ variantId: randomUUID(), quantity: 0 }],
    });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "lines.0.quantity" });
    expect(await s.cart.database.db.select().from(schema.completedCheckouts)).toEqual(before);
  });
});
