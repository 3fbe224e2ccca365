import type { CartRow } from "../db/schema";
import type { CatalogueVariant } from "../services/catalogue";
import { MAX_CART_LINES, MAX_LINE_QUANTITY, onSale } from "./rules";

/**
 * The rules of merging a guest cart into the signed-in customer's cart, over plain values: no
 * database, no catalogue call. `mergeGuestCart` reads the carts and variants, asks `planGuestMerge`
 * what to do, and writes the plan.
 */

/** A cart line as the merge sees it: a variant once per cart (the lines' unique key), and how many. */
export interface MergeLine {
  variantId: string;
  quantity: number;
}

/** The part of a cart the merge rules look at. */
export interface MergeCart {
  status: CartRow["status"];
  currency: string | null;
  lines: readonly MergeLine[];
}

/**
 * Why units of a merged line were not all kept:
 * - `LINE_LIMIT`: together they exceed MAX_LINE_QUANTITY;
 * - `STOCK`: together they exceed the stock on hand (the customer keeps at least what they had);
 * - `UNAVAILABLE` / `OUT_OF_STOCK`: the variant cannot be bought now (gone or archived / none on
 *   hand) and the customer already had it, so their quantity stands and the guest's units go.
 */
export type MergeDropReason = "LINE_LIMIT" | "STOCK" | "UNAVAILABLE" | "OUT_OF_STOCK";

/** One guest line as it lands in the customer's cart. */
export interface MergedLine {
  variantId: string;
  /** The customer's quantity before the merge; 0 when they did not have the variant. */
  existing: number;
  /** The guest's quantity. */
  incoming: number;
  /** The customer's quantity after the merge. */
  quantity: number;
  /** Units of `existing + incoming` not kept (0 when all are). */
  dropped: number;
  /** Why units were dropped; null when none were. */
  reason: MergeDropReason | null;
}

export type GuestMergePlan =
  /** No live guest cart (never issued, swept, or already merged): nothing changes, so retrying is safe. */
  | { kind: "NOTHING_TO_MERGE" }
  /**
   * The carts cannot be combined; the guest cart is left as it is, lines and all, rather than
   * some of its lines being lost. `CURRENCY_MISMATCH`: one currency per cart. `TOO_MANY_LINES`:
   * together they would hold more than MAX_CART_LINES different variants (one catalogue lookup
   * must price a cart).
   */
  | { kind: "REFUSED"; reason: "CURRENCY_MISMATCH" }
  | { kind: "REFUSED"; reason: "TOO_MANY_LINES"; lineCount: number }
  /**
   * Write `lines` into the customer's cart (replacing the quantity of a variant they had), empty
   * the guest cart and mark it MERGED. The customer's other lines are untouched.
   */
  | { kind: "MERGE"; lines: MergedLine[] };

/**
 * One guest line merged into the customer's `existing` quantity of its variant: added, but
 * not beyond stock on hand (nor the line limit), and never below what the customer already had.
 * A line that cannot be bought at all is still moved, with its quantity, to be flagged on read:
 * the guest chose it, and dropping it silently would lose that. `undefined` means the variant
 * was not looked up (added to the guest cart during the merge): only the line limit applies,
 * and a read flags it if stock falls short.
 */
export function mergeLine(
  guestLine: MergeLine,
  existing: number,
  variant: CatalogueVariant | null | undefined,
): MergedLine {
  const incoming = guestLine.quantity;
  const total = existing + incoming;
  const sum = Math.min(total, MAX_LINE_QUANTITY);
  const result = (quantity: number, capReason: MergeDropReason): MergedLine => ({
    variantId: guestLine.variantId,
    existing,
    incoming,
    quantity,
    dropped: total - quantity,
    reason: quantity < total ? capReason : null,
  });

  if (variant === undefined) return result(sum, "LINE_LIMIT");
  if (!variant || !onSale(variant)) {
    return existing > 0
      ? result(existing, "UNAVAILABLE")
      : result(Math.min(incoming, MAX_LINE_QUANTITY), "LINE_LIMIT");
  }
  if (variant.stockOnHand <= 0) {
    return existing > 0
      ? result(existing, "OUT_OF_STOCK")
      : result(Math.min(incoming, MAX_LINE_QUANTITY), "LINE_LIMIT");
  }
  // Stock binds when it is below the line limit's sum; the customer never ends with fewer than they had.
  return result(
    Math.max(existing, Math.min(sum, variant.stockOnHand)),
    variant.stockOnHand < sum ? "STOCK" : "LINE_LIMIT",
  );
}

/** The customer's quantity of a variant after the merge (mergeLine's `quantity`). */
export function mergedQuantity(
  existing: number,
  incoming: number,
  variant: CatalogueVariant | null | undefined,
): number {
  return mergeLine({ variantId: "", quantity: incoming }, existing, variant).quantity;
}

/**
 * What merging `guest` into `own` does. `variants` holds what the catalogue said, before the
 * merge, about the variants both carts held then (null: gone); a variant missing from it was
 * added meanwhile and is capped by the line limit only.
 */
export function planGuestMerge(
  guest: MergeCart | undefined,
  own: Pick<MergeCart, "currency" | "lines">,
  variants: ReadonlyMap<string, CatalogueVariant | null>,
): GuestMergePlan {
  if (!guest || guest.status !== "ACTIVE") return { kind: "NOTHING_TO_MERGE" };
  // A cart without lines has no currency, so an empty cart on either side never clashes.
  if (guest.currency && own.currency && guest.currency !== own.currency) {
    return { kind: "REFUSED", reason: "CURRENCY_MISMATCH" };
  }
  const existing = new Map(own.lines.map((line) => [line.variantId, line.quantity]));
  const lineCount = new Set([...existing.keys(), ...guest.lines.map((line) => line.variantId)]).size;
  if (lineCount > MAX_CART_LINES) return { kind: "REFUSED", reason: "TOO_MANY_LINES", lineCount };
  return {
    kind: "MERGE",
    lines: guest.lines.map((line) =>
      mergeLine(line, existing.get(line.variantId) ?? 0, variants.get(line.variantId)),
    ),
  };
}
