import type { CartLineRow, CartRow } from "../db/schema";
import type { CatalogueVariant } from "../services/catalogue";
import { onSale } from "./rules";

export interface Money {
  amount: number;
  currency: string;
}

export type LineIssueCode = "OUT_OF_STOCK" | "INSUFFICIENT_STOCK" | "UNAVAILABLE";

export interface LineIssue {
  code: LineIssueCode;
  message: string;
  available: number;
}

/** A cart line with what the catalogue says about it now. */
export interface PricedLine {
  id: string;
  variantId: string;
  quantity: number;
  variant: CatalogueVariant | null;
  unitPrice: Money | null;
  lineTotal: Money | null;
  issue: LineIssue | null;
}

export interface CartView {
  lines: PricedLine[];
  itemCount: number;
  /** Lines without an issue only; null when there is none. */
  subtotal: Money | null;
  readyForCheckout: boolean;
}

/**
 * Why a line cannot be bought as it is, or null. Checked from the worst problem down, so a gone
 * or archived variant is UNAVAILABLE whatever its stock says.
 */
export function lineIssue(
  quantity: number,
  variant: CatalogueVariant | null,
  cartCurrency: string | null,
): LineIssue | null {
  if (!variant) return { code: "UNAVAILABLE", message: "This item is no longer available.", available: 0 };
  if (!onSale(variant)) return { code: "UNAVAILABLE", message: "This item is no longer sold.", available: 0 };
  // Cannot happen through the cart's own checks; guards against a catalogue price moving currency.
  if (cartCurrency && variant.price.currency !== cartCurrency) {
    return {
      code: "UNAVAILABLE",
      message: "This item is now sold in another currency than the rest of your cart.",
      available: 0,
    };
  }
  const onHand = Math.max(variant.stockOnHand, 0);
  if (onHand === 0) return { code: "OUT_OF_STOCK", message: "This item is out of stock.", available: 0 };
  if (onHand < quantity) {
    return {
      code: "INSUFFICIENT_STOCK",
      message: `Only ${onHand} of this item ${onHand === 1 ? "is" : "are"} left in stock.`,
      available: onHand,
    };
  }
  return null;
}

/** The cart as the customer sees it: every line kept, problems flagged, totals at current prices. */
export function priceCart(
  cart: Pick<CartRow, "currency">,
  lines: CartLineRow[],
  variants: ReadonlyMap<string, CatalogueVariant | null>,
): CartView {
  const priced = lines.map((line): PricedLine => {
    const variant = variants.get(line.variantId) ?? null;
    const unitPrice = variant ? { amount: variant.price.amount, currency: variant.price.currency } : null;
    return {
      id: line.id,
      variantId: line.variantId,
      quantity: line.quantity,
      variant,
      unitPrice,
      lineTotal: unitPrice
        ? { amount: unitPrice.amount * line.quantity, currency: unitPrice.currency }
        : null,
      issue: lineIssue(line.quantity, variant, cart.currency),
    };
  });
  const buyable = priced.filter((line) => !line.issue && line.lineTotal);
  const subtotal = buyable.length
    ? {
        amount: buyable.reduce((sum, line) => sum + line.lineTotal!.amount, 0),
        currency: buyable[0]!.lineTotal!.currency,
      }
    : null;
  return {
    lines: priced,
    itemCount: priced.reduce((sum, line) => sum + line.quantity, 0),
    subtotal,
    readyForCheckout: priced.length > 0 && priced.every((line) => !line.issue),
  };
}
