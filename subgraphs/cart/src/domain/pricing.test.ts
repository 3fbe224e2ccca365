import { describe, expect, it } from "vitest";
import type { CartLineRow } from "../db/schema";
import type { CatalogueVariant } from "../services/catalogue";
import { lineIssue, priceCart } from "./pricing";

const variant = (overrides: Partial<CatalogueVariant> = {}): CatalogueVariant => ({
  id: "v1",
  sku: "SKU-1",
  name: "Blue",
  price: { amount: 250, currency: "USD" },
  status: "ACTIVE",
  stockOnHand: 10,
  product: { id: "p1", name: "Mug", status: "ACTIVE" },
  ...overrides,
});

const line = (variantId: string, quantity: number): CartLineRow => ({
  id: `line-${variantId}`,
  cartId: "c1",
  variantId,
  quantity,
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe("lineIssue", () => {
  it("flags the worst problem first", () => {
    expect(lineIssue(1, null, "USD")?.code).toBe("UNAVAILABLE");
    expect(lineIssue(1, variant({ status: "ARCHIVED", stockOnHand: 0 }), "USD")?.code).toBe("UNAVAILABLE");
    expect(lineIssue(1, variant({ product: { id: "p", name: "n", status: "ARCHIVED" } }), "USD")?.code).toBe(
      "UNAVAILABLE",
    );
    expect(lineIssue(1, variant({ price: { amount: 1, currency: "EUR" } }), "USD")?.code).toBe("UNAVAILABLE");
    expect(lineIssue(1, variant({ stockOnHand: 0 }), "USD")).toMatchObject({
      code: "OUT_OF_STOCK",
      available: 0,
    });
    expect(lineIssue(3, variant({ stockOnHand: 2 }), "USD")).toMatchObject({
      code: "INSUFFICIENT_STOCK",
      available: 2,
    });
    expect(lineIssue(2, variant({ stockOnHand: 2 }), "USD")).toBeNull();
  });
});

describe("lineIssue, rule by rule", () => {
  it("tells a variant that is gone from one that is no longer sold", () => {
    expect(lineIssue(1, null, "USD")?.message).toBe("This item is no longer available.");
    expect(lineIssue(1, variant({ status: "ARCHIVED" }), "USD")?.message).toBe(
      "This item is no longer sold.",
    );
  });

  it("checks the currency only once the cart has one", () => {
    expect(lineIssue(1, variant({ price: { amount: 1, currency: "EUR" } }), null)).toBeNull();
  });

  it("treats negative stock as none on hand", () => {
    expect(lineIssue(1, variant({ stockOnHand: -3 }), "USD")).toEqual({
      code: "OUT_OF_STOCK",
      message: "This item is out of stock.",
      available: 0,
    });
  });

  it("says how many are left, in the singular for one", () => {
    expect(lineIssue(2, variant({ stockOnHand: 1 }), "USD")?.message).toBe(
      "Only 1 of this item is left in stock.",
    );
    expect(lineIssue(5, variant({ stockOnHand: 3 }), "USD")?.message).toBe(
      "Only 3 of this item are left in stock.",
    );
  });
});

describe("priceCart", () => {
  it("is ready for checkout when every line can be bought, totalling them all", () => {
    const view = priceCart(
      { currency: "USD" },
      [line("a", 2), line("b", 3)],
      new Map([
        ["a", variant({ id: "a" })],
        ["b", variant({ id: "b", price: { amount: 100, currency: "USD" } })],
      ]),
    );
    expect(view.lines.map((l) => l.lineTotal)).toEqual([
      { amount: 500, currency: "USD" },
      { amount: 300, currency: "USD" },
    ]);
    expect(view).toMatchObject({
      itemCount: 5,
      subtotal: { amount: 800, currency: "USD" },
      readyForCheckout: true,
    });
  });

  it("has no subtotal when no line can be bought, yet keeps and counts every line", () => {
    const view = priceCart(
      { currency: "USD" },
      [line("soldOut", 2), line("gone", 1)],
      new Map([
        ["soldOut", variant({ id: "soldOut", stockOnHand: 0 })],
        ["gone", null],
      ]),
    );
    expect(view).toMatchObject({ itemCount: 3, subtotal: null, readyForCheckout: false });
    expect(view.lines.map((l) => l.issue?.code)).toEqual(["OUT_OF_STOCK", "UNAVAILABLE"]);
  });

  it("treats a variant the lookup did not answer for as gone", () => {
    const view = priceCart({ currency: "USD" }, [line("unasked", 1)], new Map());
    expect(view.lines[0]).toMatchObject({ variant: null, unitPrice: null, issue: { code: "UNAVAILABLE" } });
  });

  it("totals the lines without issues and keeps every line", () => {
    const view = priceCart(
      { currency: "USD" },
      [line("a", 2), line("b", 5), line("gone", 1)],
      new Map([
        ["a", variant({ id: "a" })],
        ["b", variant({ id: "b", stockOnHand: 1, price: { amount: 100, currency: "USD" } })],
        ["gone", null],
      ]),
    );
    expect(view.lines.map((l) => l.issue?.code ?? null)).toEqual([null, "INSUFFICIENT_STOCK", "UNAVAILABLE"]);
    expect(view.lines[1]!.lineTotal).toEqual({ amount: 500, currency: "USD" });
    expect(view.lines[2]).toMatchObject({ unitPrice: null, lineTotal: null });
    expect(view).toMatchObject({
      itemCount: 8,
      subtotal: { amount: 500, currency: "USD" },
      readyForCheckout: false,
    });
  });

  it("has no subtotal and is not ready when empty", () => {
    expect(priceCart({ currency: null }, [], new Map())).toEqual({
      lines: [],
      itemCount: 0,
      subtotal: null,
      readyForCheckout: false,
    });
  });
});
