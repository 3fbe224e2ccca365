import { createHash } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import {
  AddToCartByTokenDocument,
  AddToCartOutcomeDocument,
  CartByTokenDocument,
  ClearCartIdDocument,
  RemoveFromCartOutcomeDocument,
  SetCartLineQuantityOutcomeDocument,
  type TypedDocumentString,
} from "./generated/cart";
import { startStack } from "./stack";

const s = useStack(() => startStack());

const rowCounts = async () => {
  const db = s.cart.database.db;
  const [carts] = await db.select({ n: count() }).from(schema.carts);
  const [lines] = await db.select({ n: count() }).from(schema.cartLines);
  return { carts: carts!.n, lines: lines!.n };
};

describe("guest carts", () => {
  it("a first add creates a guest cart and returns its token; the token then finds the cart", async () => {
    const variant = await s.variant({ stock: 5, price: 1250 });
    const first = await s.add(variant.id, 2);
    expect(first.error).toBeNull();
    expect(first.cartToken).toMatch(/^[\w-]{43}$/);
    expect(first.cart).toMatchObject({ itemCount: 2, subtotal: { amount: 2500, currency: "USD" } });

    const cartToken = first.cartToken!;
    const again = await s.add(variant.id, 1, { cartToken });
    expect(again.cartToken).toBeNull();
    expect(again.cart!.id).toBe(first.cart!.id);
    expect(again.cart!.lines).toHaveLength(1);
    expect(again.cart!.lines[0]).toMatchObject({ quantity: 3, lineTotal: { amount: 3750 } });

    const read = await s.readCart({ cartToken });
    expect(read).toMatchObject({ id: first.cart!.id, itemCount: 3, readyForCheckout: true });
    // Without the header there is no cart.
    expect(await s.readCart({})).toBeNull();
  });

  it("stores only the SHA-256 of the token", async () => {
    const variant = await s.variant();
    const { cartToken, cart } = await s.add(variant.id, 1);
    const [row] = await s.cart.database.db.select().from(schema.carts).where(eq(schema.carts.id, cart!.id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(cartToken!).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(cartToken);
  });

  it("accepts the token as the cartToken argument, for clients that cannot set headers", async () => {
    const variant = await s.variant();
    const { cartToken, cart } = await s.add(variant.id, 1);
    const data = await s.executeOk(CartByTokenDocument, { cartToken });
    expect(data.cart!.id).toBe(cart!.id);
    const added = await s.executeOk(AddToCartByTokenDocument, {
      variantId: variant.id,
      quantity: 1,
      cartToken,
    });
    expect(added.addToCart).toMatchObject({ cartToken: null, cart: { id: cart!.id, itemCount: 2 } });
  });

  it("takes a null cartToken argument as no argument (the orders test harness sends one)", async () => {
    const variant = await s.variant();
    const guest = await s.executeOk(AddToCartByTokenDocument, {
      variantId: variant.id,
      quantity: 2,
      cartToken: null,
    });
    expect(guest.addToCart.cartToken).toBeTruthy();
    expect(guest.addToCart.cart!.itemCount).toBe(2);
    const customer = await s.customer();
    const signedIn = await s.executeOk(
      AddToCartByTokenDocument,
      { variantId: variant.id, quantity: 1, cartToken: null },
      { token: customer.token },
    );
    expect(signedIn.addToCart.cartToken).toBeNull();
  });

  it("a token of no live cart gets a new cart and token; a malformed header is ignored", async () => {
    const variant = await s.variant();
    const unknown = "u".repeat(43);
    const fresh = await s.add(variant.id, 1, { cartToken: unknown });
    expect(fresh.cartToken).toBeTruthy();
    expect(fresh.cartToken).not.toBe(unknown);
    expect(await s.readCart({ cartToken: unknown })).toBeNull();
    expect(await s.readCart({ cartToken: "bad token!" })).toBeNull();
  });

  it("refuses bad input with BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const variant = await s.variant();
    const before = await rowCounts();
    // Each case: the operation's text (to name a failing case), how to send it, the field refused.
    const refused = <TData, TVariables>(
      operation: TypedDocumentString<TData, TVariables>,
      variables: NoInfer<TVariables>,
      field: string,
    ) =>
      [
        `${operation.toString()} ${JSON.stringify(variables)}`,
        () => s.execute(operation, variables),
        field,
      ] as const;
    const cases = [
      refused(AddToCartOutcomeDocument, { variantId: variant.id, quantity: 0 }, "quantity"),
      refused(AddToCartOutcomeDocument, { variantId: variant.id, quantity: 100 }, "quantity"),
      refused(AddToCartOutcomeDocument, { variantId: "not-a-uuid", quantity: 1 }, "variantId"),
      refused(
        AddToCartOutcomeDocument,
        { variantId: variant.id, quantity: 1, cartToken: "short" },
        "cartToken",
      ),
      refused(SetCartLineQuantityOutcomeDocument, { variantId: variant.id, quantity: -1 }, "quantity"),
      refused(RemoveFromCartOutcomeDocument, { variantId: "nope" }, "variantId"),
      refused(CartByTokenDocument, { cartToken: "has spaces in it, so no" }, "cartToken"),
      refused(CartByTokenDocument, { cartToken: `${"a".repeat(40)}\u0000` }, "cartToken"),
    ];
    for (const [query, send, field] of cases) {
      const result = await send();
      expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("a refused first add (unknown variant, no stock) creates no cart", async () => {
    const before = await rowCounts();
    const unknown = await s.add("00000000-0000-4000-8000-000000000000", 1);
    expect(unknown).toMatchObject({ cart: null, cartToken: null, error: { code: "VARIANT_NOT_FOUND" } });
    const empty = await s.variant({ stock: 0 });
    const none = await s.add(empty.id, 1);
    expect(none).toMatchObject({ cart: null, error: { code: "INSUFFICIENT_STOCK", available: 0 } });
    expect(await rowCounts()).toEqual(before);
  });

  it("clearCart without a guest cart is NOT_FOUND", async () => {
    const result = await s.execute(ClearCartIdDocument);
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
