import { describe, expect, it } from "vitest";
import type { CartLineRow } from "../db/schema";
import type { CatalogueVariant } from "./catalogue";
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

describe("priceCart", () => {
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
