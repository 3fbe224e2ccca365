import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestAccount, useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import { ClearCartDocument } from "./generated/cart";
import { startStack } from "./stack";

const s = useStack(() => startStack());

const linesOf = async (cartId: string) =>
  s.cart.database.db.select().from(schema.cartLines).where(eq(schema.cartLines.cartId, cartId));

describe("a signed-in customer's cart", () => {
  let ann: TestAccount;
  beforeAll(async () => {
    ann = await s.customer();
  });

  it("has no cart until the first write, then adds, updates, removes and clears", async () => {
    const caller = { token: ann.token };
    expect(await s.readCart(caller)).toBeNull();
    const mug = await s.variant({ stock: 10, price: 1200 });
    const tea = await s.variant({ stock: 10, price: 450 });

    const added = await s.add(mug.id, 2, caller);
    expect(added).toMatchObject({ cartToken: null, error: null });
    await s.add(tea.id, 1, caller);
    const again = await s.add(mug.id, 3, caller);
    expect(again.cart!.id).toBe(added.cart!.id);
    expect(again.cart).toMatchObject({ itemCount: 6, subtotal: { amount: 5 * 1200 + 450, currency: "USD" } });
    expect(again.cart!.lines.map((l) => [l.variant.id, l.quantity])).toEqual([
      [mug.id, 5],
      [tea.id, 1],
    ]);

    const set = await s.setQuantity(mug.id, 1, caller);
    expect(set.cart).toMatchObject({ itemCount: 2, subtotal: { amount: 1650 } });
    const zero = await s.setQuantity(tea.id, 0, caller);
    expect(zero.cart!.lines.map((l) => l.variant.id)).toEqual([mug.id]);
    const removed = await s.remove(mug.id, caller);
    expect(removed.cart).toMatchObject({ itemCount: 0, lines: [], subtotal: null, readyForCheckout: false });

    await s.add(tea.id, 4, caller);
    const cleared = await s.as(caller).executeOk(ClearCartDocument);
    expect(cleared.clearCart).toMatchObject({ id: added.cart!.id, itemCount: 0, lines: [] });
    expect(await linesOf(added.cart!.id)).toEqual([]);
    // The cart stays (empty) and is the same one next time.
    expect((await s.readCart(caller))!.id).toBe(added.cart!.id);
  });

  it("ignores a guest token sent by a signed-in customer", async () => {
    const variant = await s.variant();
    const guest = await s.add(variant.id, 1);
    const bob = await s.customer();
    const added = await s.add(variant.id, 2, { token: bob.token, cartToken: guest.cartToken! });
    expect(added.cart!.id).not.toBe(guest.cart!.id);
    expect(added.cart!.itemCount).toBe(2);
    expect((await s.readCart({ cartToken: guest.cartToken! }))!.itemCount).toBe(1);
  });

  it("refuses with typed errors and leaves the cart unchanged", async () => {
    const carl = await s.customer();
    const caller = { token: carl.token };
    const few = await s.variant({ stock: 3 });
    const many = await s.variant({ stock: 500 });
    const inEuro = await s.variant({ currency: "EUR" });
    const elsewhere = await s.variant();
    await s.add(few.id, 2, caller);

    const beyondStock = await s.add(few.id, 2, caller);
    expect(beyondStock.error).toMatchObject({ code: "INSUFFICIENT_STOCK", available: 3 });
    expect(beyondStock.cart!.itemCount).toBe(2);

    await s.add(many.id, 90, caller);
    const beyondLimit = await s.add(many.id, 10, caller);
    expect(beyondLimit.error).toMatchObject({ code: "LINE_LIMIT_EXCEEDED", available: 99 });
    const raise = await s.setQuantity(few.id, 4, caller);
    expect(raise.error).toMatchObject({ code: "INSUFFICIENT_STOCK", available: 3 });

    const euro = await s.add(inEuro.id, 1, caller);
    expect(euro.error).toMatchObject({ code: "CURRENCY_MISMATCH" });
    expect(euro.error!.message).toContain("EUR");

    expect((await s.setQuantity(elsewhere.id, 1, caller)).error).toMatchObject({ code: "LINE_NOT_FOUND" });
    expect((await s.remove(elsewhere.id, caller)).error).toMatchObject({ code: "LINE_NOT_FOUND" });
    const read = await s.readCart(caller);
    expect(read!.lines.map((l) => [l.variant.id, l.quantity])).toEqual([
      [few.id, 2],
      [many.id, 90],
    ]);
  });

  it("takes another currency once the cart is empty again", async () => {
    const dee = await s.customer();
    const caller = { token: dee.token };
    const dollars = await s.variant();
    const euros = await s.variant({ currency: "EUR", price: 900 });
    await s.add(dollars.id, 1, caller);
    await s.remove(dollars.id, caller);
    const added = await s.add(euros.id, 1, caller);
    expect(added.error).toBeNull();
    expect(added.cart!.subtotal).toEqual({ amount: 900, currency: "EUR" });
  });

  it("loses no increment under concurrency: 20 parallel adds of 1 make 20", async () => {
    const eve = await s.customer();
    const variant = await s.variant({ stock: 50 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => s.add(variant.id, 1, { token: eve.token })),
    );
    expect(results.every((r) => r.error === null)).toBe(true);
    expect(new Set(results.map((r) => r.cart!.id)).size).toBe(1);
    const cart = await s.readCart({ token: eve.token });
    expect(cart!.lines).toHaveLength(1);
    expect(cart!.lines[0]!.quantity).toBe(20);
  });

  it("never oversteps stock under concurrency", async () => {
    const fay = await s.customer();
    const variant = await s.variant({ stock: 5 });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => s.add(variant.id, 1, { token: fay.token })),
    );
    expect(results.filter((r) => r.error === null)).toHaveLength(5);
    expect(results.filter((r) => r.error?.code === "INSUFFICIENT_STOCK")).toHaveLength(7);
    expect((await s.readCart({ token: fay.token }))!.lines[0]!.quantity).toBe(5);
  });

  it("refuses a new line once the cart holds 100 different items", async () => {
    const gus = await s.customer();
    const [cart] = await s.cart.database.db
      .insert(schema.carts)
      .values({ userId: gus.id, currency: "USD" })
      .returning();
    await s.cart.database.db.insert(schema.cartLines).values(
      Array.from({ length: 100 }, (_, i) => ({
        cartId: cart!.id,
        variantId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        quantity: 1,
      })),
    );
    const variant = await s.variant();
    expect((await s.add(variant.id, 1, { token: gus.token })).error).toMatchObject({ code: "CART_FULL" });
  });
});
