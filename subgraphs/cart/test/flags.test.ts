import { beforeAll, describe, expect, it } from "vitest";
import { countSql, testEnv, type TestAccount, useStack } from "@storefront/testkit";
import { CartDocument, ClearCartDocument, type CartFieldsFragment } from "./generated/cart";
import { startStack } from "./stack";

const s = useStack(() => startStack());

const lineFor = (cart: CartFieldsFragment, variantId: string) =>
  cart.lines.find((l) => l.variant.id === variantId)!;

describe("lines whose variant changed in the catalogue", () => {
  let ann: TestAccount;
  beforeAll(async () => {
    ann = await s.customer();
  });

  it("are flagged, never dropped, and left out of the subtotal", async () => {
    const caller = { token: ann.token };
    const fine = await s.variant({ stock: 10, price: 100 });
    const soldOut = await s.variant({ stock: 5, price: 200 });
    const short = await s.variant({ stock: 5, price: 300 });
    const archivedVariant = await s.variant({ stock: 5, price: 400 });
    const archivedProduct = await s.variant({ stock: 5, price: 500 });
    const deleted = await s.variant({ stock: 5, price: 600 });
    for (const v of [fine, soldOut, short, archivedVariant, archivedProduct, deleted])
      await s.add(v.id, 3, caller);
    expect((await s.readCart(caller))!.readyForCheckout).toBe(true);

    await s.setStock(soldOut.id, 0);
    await s.setStock(short.id, 2);
    await s.archiveVariant(archivedVariant.id);
    await s.archiveProduct(archivedProduct.productId);
    await s.deleteVariant(deleted.id);

    const cart = (await s.readCart(caller))!;
    expect(cart.lines).toHaveLength(6);
    expect(cart.itemCount).toBe(18);
    expect(lineFor(cart, fine.id).issue).toBeNull();
    expect(lineFor(cart, soldOut.id).issue).toMatchObject({ code: "OUT_OF_STOCK", available: 0 });
    expect(lineFor(cart, short.id).issue).toMatchObject({ code: "INSUFFICIENT_STOCK", available: 2 });
    expect(lineFor(cart, archivedVariant.id).issue).toMatchObject({ code: "UNAVAILABLE", available: 0 });
    expect(lineFor(cart, archivedProduct.id).issue).toMatchObject({ code: "UNAVAILABLE", available: 0 });
    expect(lineFor(cart, deleted.id)).toMatchObject({
      quantity: 3,
      unitPrice: null,
      lineTotal: null,
      issue: { code: "UNAVAILABLE" },
    });
    // Flagged lines still show their price; only the deleted one cannot.
    expect(lineFor(cart, short.id).lineTotal).toEqual({ amount: 900, currency: "USD" });
    expect(cart.subtotal).toEqual({ amount: 300, currency: "USD" });
    expect(cart.readyForCheckout).toBe(false);

    // Adding an archived variant is refused; lowering a flagged line is how it gets fixed.
    expect((await s.add(archivedVariant.id, 1, caller)).error).toMatchObject({ code: "UNAVAILABLE" });
    const lowered = await s.setQuantity(short.id, 2, caller);
    expect(lowered.error).toBeNull();
    expect(lineFor(lowered.cart!, short.id).issue).toBeNull();
    for (const v of [soldOut, archivedVariant, archivedProduct, deleted]) await s.remove(v.id, caller);
    const fixed = (await s.readCart(caller))!;
    expect(fixed).toMatchObject({ readyForCheckout: true, subtotal: { amount: 300 + 600 } });
  });

  it("are priced at the catalogue's current price", async () => {
    const bob = await s.customer();
    const variant = await s.variant({ price: 1000 });
    await s.add(variant.id, 2, { token: bob.token });
    await s.setPrice(variant.id, 1500);
    const cart = (await s.readCart({ token: bob.token }))!;
    expect(cart.lines[0]).toMatchObject({ unitPrice: { amount: 1500 }, lineTotal: { amount: 3000 } });
    expect(cart.subtotal).toEqual({ amount: 3000, currency: "USD" });
  });
});

describe("cost of reading a cart", () => {
  async function cartWith(lines: number) {
    const customer = await s.customer();
    for (let i = 0; i < lines; i++) await s.add((await s.variant()).id, 1, { token: customer.token });
    return customer;
  }

  async function measure(token: string) {
    const catalogueBefore = s.catalogueRequests();
    const { result, statements } = await countSql({ cart: s.cart.database }, () =>
      s.as({ token }).executeOk(CartDocument),
    );
    return {
      cart: result.cart!,
      sql: statements.cart,
      catalogueCalls: s.catalogueRequests() - catalogueBefore,
    };
  }

  it("is a constant number of SQL statements and one catalogue call, for 1 line or 10", async () => {
    const one = await cartWith(1);
    const ten = await cartWith(10);
    const small = await measure(one.token);
    const large = await measure(ten.token);
    expect(small.cart.lines).toHaveLength(1);
    expect(large.cart.lines).toHaveLength(10);
    // The cart row, then its lines.
    expect(small.sql).toBe(2);
    expect(large.sql).toBe(small.sql);
    expect(small.catalogueCalls).toBe(1);
    expect(large.catalogueCalls).toBe(1);
    // Sent as the platform, with the caller's request id.
    expect(s.lastCatalogueHeaders()).toMatchObject({ "x-service-token": testEnv.serviceToken });
    expect(s.lastCatalogueHeaders()["x-request-id"]).toBeTruthy();
  });

  it("asks the catalogue once to merge a guest cart and return the merged cart", async () => {
    const customer = await cartWith(3);
    const guest = await s.add((await s.variant()).id, 1);
    await s.add((await s.variant()).id, 1, { cartToken: guest.cartToken! });
    const before = s.catalogueRequests();
    const merged = await s.merge(guest.cartToken!, customer.token);
    expect(merged.lines).toHaveLength(5);
    expect(s.catalogueRequests() - before).toBe(1);
  });

  it("asks the catalogue once for a mutation that also returns the priced cart", async () => {
    const customer = await cartWith(5);
    const variant = await s.variant();
    const before = s.catalogueRequests();
    const added = await s.add(variant.id, 1, { token: customer.token });
    expect(added.cart!.lines).toHaveLength(6);
    expect(s.catalogueRequests() - before).toBe(1);
  });

  it("never asks the catalogue for a cart with no lines", async () => {
    const customer = await s.customer();
    const before = s.catalogueRequests();
    await s.as({ token: customer.token }).executeOk(ClearCartDocument);
    expect(s.catalogueRequests() - before).toBe(0);
  });
});
