/**
 * Order pricing. Money is integer minor units plus an ISO currency code, never floats: every
 * amount here is checked to be a safe, non-negative integer, so a price that is not (a float
 * from a bad upstream, an overflow) fails loudly instead of being rounded into an order.
 */

export interface PricedLine {
  /** Price of one unit, in the order's currency's minor units. */
  unitPrice: number;
  quantity: number;
}

export interface OrderTotals {
  subtotal: number;
  shippingTotal: number;
  total: number;
}

function minorUnits(amount: number, what: string): number {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`${what} must be a whole, non-negative number of minor units, got ${amount}`);
  }
  return amount;
}

/** What a line costs: unit price times quantity, exact in minor units. */
export function lineTotal(line: PricedLine): number {
  minorUnits(line.unitPrice, "unit price");
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new RangeError(`quantity must be a whole number, 1 or more, got ${line.quantity}`);
  }
  return minorUnits(line.unitPrice * line.quantity, "line total");
}

/** An order's totals from its lines (price snapshot) and the quoted shipping price. */
export function orderTotals(lines: readonly PricedLine[], shippingTotal: number): OrderTotals {
  const subtotal = minorUnits(
    lines.reduce((sum, line) => sum + lineTotal(line), 0),
    "subtotal",
  );
  minorUnits(shippingTotal, "shipping total");
  return { subtotal, shippingTotal, total: minorUnits(subtotal + shippingTotal, "total") };
}
