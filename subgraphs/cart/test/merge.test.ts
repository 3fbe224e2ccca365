import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import { hashCartToken } from "../src/services/carts";
import { MergeGuestCartDocument, MergeGuestCartIdDocument, type CartFieldsFragment } from "./generated/cart";
import { startStack } from "./stack";

const s = useStack(() => startStack());

const quantities = (cart: CartFieldsFragment) =>
  Object.fromEntries(cart.lines.map((l) => [l.variant.id, l.quantity]));

async function guestCartRow(token: string) {
  const [row] = await s.cart.database.db
    .select()
    .from(schema.carts)
    .where(eq(schema.carts.tokenHash, hashCartToken(token)));
  return row;
}

describe("mergeGuestCart", () => {
  it("adds the guest's quantities to the customer's, capped by stock, and kills the guest token", async () => {
    const ann = await s.customer();
    const both = await s.variant({ stock: 10 });
    const capped = await s.variant({ stock: 4 });
    const guestOnly = await s.variant({ stock: 10 });
    const soldOut = await s.variant({ stock: 3 });

    await s.add(both.id, 2, { token: ann.token });
    await s.add(capped.id, 3, { token: ann.token });
    const guest = await s.add(both.id, 3);
    const cartToken = guest.cartToken!;
    await s.add(capped.id, 3, { cartToken });
    await s.add(guestOnly.id, 1, { cartToken });
    await s.add(soldOut.id, 2, { cartToken });
    await s.setStock(soldOut.id, 0);

    const merged = await s.merge(cartToken, ann.token);
    expect(quantities(merged)).toEqual({ [both.id]: 5, [capped.id]: 4, [guestOnly.id]: 1, [soldOut.id]: 2 });
    // The sold-out line came across and is flagged, not dropped.
    expect(merged.lines.find((l) => l.variant.id === soldOut.id)!.issue).toMatchObject({
      code: "OUT_OF_STOCK",
    });
    expect(merged.lines.find((l) => l.variant.id === capped.id)!.issue).toBeNull();
    expect((await s.readCart({ token: ann.token }))!.id).toBe(merged.id);

    // The guest token no longer works, and its cart is MERGED with no lines left.
    expect(await s.readCart({ cartToken })).toBeNull();
    const row = await guestCartRow(cartToken);
    expect(row).toMatchObject({ status: "MERGED" });
    expect(
      await s.cart.database.db.select().from(schema.cartLines).where(eq(schema.cartLines.cartId, row!.id)),
    ).toEqual([]);
    // A guest still sending the dead token starts a new cart.
    const after = await s.add(guestOnly.id, 1, { cartToken });
    expect(after.cartToken).toBeTruthy();
    expect(after.cart!.id).not.toBe(row!.id);
  });

  it("is idempotent: merging the same token again, or an unknown one, changes nothing", async () => {
    const bob = await s.customer();
    const variant = await s.variant({ stock: 10 });
    const guest = await s.add(variant.id, 2);
    const first = await s.merge(guest.cartToken!, bob.token);
    const second = await s.merge(guest.cartToken!, bob.token);
    expect(second).toEqual(first);
    expect(quantities(second)).toEqual({ [variant.id]: 2 });
    const unknown = await s.merge("x".repeat(43), bob.token);
    expect(quantities(unknown)).toEqual({ [variant.id]: 2 });
  });

  it("gives a customer without a cart the guest's lines", async () => {
    const carl = await s.customer();
    const variant = await s.variant({ stock: 10, price: 700 });
    const guest = await s.add(variant.id, 3);
    const merged = await s.merge(guest.cartToken!, carl.token);
    expect(merged).toMatchObject({ itemCount: 3, subtotal: { amount: 2100, currency: "USD" } });
  });

  it("leaves a guest cart in another currency where it is", async () => {
    const dee = await s.customer();
    await s.add((await s.variant()).id, 1, { token: dee.token });
    const euro = await s.variant({ currency: "EUR" });
    const guest = await s.add(euro.id, 1);
    const merged = await s.merge(guest.cartToken!, dee.token);
    expect(merged.lines).toHaveLength(1);
    expect((await s.readCart({ cartToken: guest.cartToken! }))!.itemCount).toBe(1);
  });

  it("leaves a guest cart where it is when together the carts would hold more than 100 items", async () => {
    const eve = await s.customer();
    const [mine, theirs] = [[], []] as { id: string }[][];
    for (let i = 0; i < 60; i++) mine!.push(await s.variant());
    for (let i = 0; i < 41; i++) theirs!.push(await s.variant());
    for (const variant of mine!) await s.add(variant.id, 1, { token: eve.token });
    const first = await s.add(theirs![0]!.id, 1);
    for (const variant of theirs!.slice(1)) await s.add(variant.id, 1, { cartToken: first.cartToken! });
    const merged = await s.merge(first.cartToken!, eve.token);
    expect(merged.lines).toHaveLength(60);
    expect((await guestCartRow(first.cartToken!))!.status).toBe("ACTIVE");
    expect((await s.readCart({ cartToken: first.cartToken! }))!.lines).toHaveLength(41);
  }, 120_000);

  it("is for signed-in customers, with a well-formed token", async () => {
    const guest = await s.add((await s.variant()).id, 1);
    const anonymous = await s.execute(MergeGuestCartIdDocument, { cartToken: guest.cartToken! });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const eve = await s.customer();
    const malformed = await s.execute(
      MergeGuestCartIdDocument,
      { cartToken: "no good" },
      { token: eve.token },
    );
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cartToken" });
    expect((await s.readCart({ cartToken: guest.cartToken! }))!.itemCount).toBe(1);
  });

  it("moves each line exactly once when two customers race for the same guest cart", async () => {
    const [fay, gus] = await Promise.all([s.customer(), s.customer()]);
    const variant = await s.variant({ stock: 10 });
    const guest = await s.add(variant.id, 2);
    const results = await Promise.all([
      s.executeOk(MergeGuestCartDocument, { cartToken: guest.cartToken! }, { token: fay.token }),
      s.executeOk(MergeGuestCartDocument, { cartToken: guest.cartToken! }, { token: gus.token }),
    ]);
    expect(results.map((r) => r.mergeGuestCart.itemCount).sort()).toEqual([0, 2]);
  });
});
