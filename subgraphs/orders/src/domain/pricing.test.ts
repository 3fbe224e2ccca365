import { describe, expect, it } from "vitest";
import { lineTotal, orderTotals } from "./pricing";

describe("lineTotal", () => {
  it("is unit price times quantity, in minor units", () => {
    expect(lineTotal({ unitPrice: 1999, quantity: 3 })).toBe(5997);
    expect(lineTotal({ unitPrice: 0, quantity: 2 })).toBe(0);
  });

  it("refuses amounts that are not whole minor units instead of rounding them", () => {
    expect(() => lineTotal({ unitPrice: 19.99, quantity: 1 })).toThrow(RangeError);
    expect(() => lineTotal({ unitPrice: -1, quantity: 1 })).toThrow(/unit price/);
    expect(() => lineTotal({ unitPrice: 100, quantity: 1.5 })).toThrow(/quantity/);
    expect(() => lineTotal({ unitPrice: 100, quantity: 0 })).toThrow(/quantity/);
  });

  it("refuses a total too large to be exact", () => {
    expect(() => lineTotal({ unitPrice: Number.MAX_SAFE_INTEGER, quantity: 2 })).toThrow(/line total/);
  });
});

describe("orderTotals", () => {
  it("adds the lines into the subtotal and shipping into the total", () => {
    expect(
      orderTotals(
        [
          { unitPrice: 1250, quantity: 2 },
          { unitPrice: 99, quantity: 1 },
        ],
        499,
      ),
    ).toEqual({ subtotal: 2599, shippingTotal: 499, total: 3098 });
  });

  it("keeps cents exact where floating point would not (0.1 + 0.2)", () => {
    const totals = orderTotals(
      [
        { unitPrice: 10, quantity: 1 },
        { unitPrice: 20, quantity: 1 },
      ],
      0,
    );
    expect(totals.total).toBe(30);
  });

  it("has a zero subtotal without lines and free shipping as zero", () => {
    expect(orderTotals([], 0)).toEqual({ subtotal: 0, shippingTotal: 0, total: 0 });
  });

  it("refuses a shipping price that is not whole minor units", () => {
    expect(() => orderTotals([{ unitPrice: 100, quantity: 1 }], 4.5)).toThrow(/shipping total/);
    expect(() => orderTotals([{ unitPrice: 100, quantity: 1 }], -1)).toThrow(/shipping total/);
  });

  it("refuses a total that overflows exact integers", () => {
    expect(() => orderTotals([{ unitPrice: Number.MAX_SAFE_INTEGER, quantity: 1 }], 1)).toThrow(/total/);
  });
});
