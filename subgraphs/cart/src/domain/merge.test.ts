import { describe, expect, it } from "vitest";
import type { CatalogueVariant } from "../services/catalogue";
import { mergedQuantity, planGuestMerge, type MergeCart, type MergeLine } from "./merge";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "./rules";

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

const lines = (quantities: Record<string, number>): MergeLine[] =>
  Object.entries(quantities).map(([variantId, quantity]) => ({ variantId, quantity }));
const guestCart = (quantities: Record<string, number>, currency: string | null = "USD"): MergeCart => ({
  status: "ACTIVE",
  currency,
  lines: lines(quantities),
});
const ownCart = (quantities: Record<string, number>, currency: string | null = "USD") => ({
  currency,
  lines: lines(quantities),
});
const catalogue = (entries: Record<string, CatalogueVariant | null>) => new Map(Object.entries(entries));

/** The plan's lines, or a failure naming the plan's kind. */
function mergedLines(plan: ReturnType<typeof planGuestMerge>) {
  if (plan.kind !== "MERGE") throw new Error(`expected a merge, got ${JSON.stringify(plan)}`);
  return plan.lines;
}

/** What the customer's cart holds once a MERGE plan is written (as mergeGuestCart writes it). */
function applyPlan(own: ReturnType<typeof ownCart>, plan: ReturnType<typeof planGuestMerge>) {
  const quantities = new Map(own.lines.map((line) => [line.variantId, line.quantity]));
  for (const line of mergedLines(plan)) quantities.set(line.variantId, line.quantity);
  return { ...own, lines: [...quantities].map(([variantId, quantity]) => ({ variantId, quantity })) };
}

describe("mergedQuantity", () => {
  it("adds, capped by stock and the line limit, never below what the customer had", () => {
    expect(mergedQuantity(2, 3, variant({ stockOnHand: 10 }))).toBe(5);
    expect(mergedQuantity(2, 3, variant({ stockOnHand: 4 }))).toBe(4);
    expect(mergedQuantity(6, 3, variant({ stockOnHand: 4 }))).toBe(6);
    expect(mergedQuantity(90, 20, variant({ stockOnHand: 500 }))).toBe(99);
  });

  it("moves an unbuyable line with its quantity, to be flagged", () => {
    expect(mergedQuantity(0, 3, variant({ stockOnHand: 0 }))).toBe(3);
    expect(mergedQuantity(2, 3, variant({ status: "ARCHIVED" }))).toBe(2);
    expect(mergedQuantity(0, 2, null)).toBe(2);
    expect(mergedQuantity(1, 2, undefined)).toBe(3);
  });
});

describe("planGuestMerge", () => {
  it("sums the quantities of a variant both carts hold, and moves guest-only lines as they are", () => {
    const plan = planGuestMerge(
      guestCart({ both: 3, guestOnly: 1 }),
      ownCart({ both: 2, ownOnly: 4 }),
      catalogue({ both: variant(), guestOnly: variant(), ownOnly: variant() }),
    );
    expect(mergedLines(plan)).toEqual([
      { variantId: "both", existing: 2, incoming: 3, quantity: 5, dropped: 0, reason: null },
      { variantId: "guestOnly", existing: 0, incoming: 1, quantity: 1, dropped: 0, reason: null },
    ]);
    // The customer's own lines are not part of the plan: the merge leaves them as they are.
    expect(applyPlan(ownCart({ both: 2, ownOnly: 4 }), plan).lines).toContainEqual({
      variantId: "ownOnly",
      quantity: 4,
    });
  });

  it("caps a summed line at the line limit and says so", () => {
    const [line] = mergedLines(
      planGuestMerge(
        guestCart({ a: 20 }),
        ownCart({ a: 90 }),
        catalogue({ a: variant({ stockOnHand: 500 }) }),
      ),
    );
    expect(line).toMatchObject({
      quantity: MAX_LINE_QUANTITY,
      dropped: 110 - MAX_LINE_QUANTITY,
      reason: "LINE_LIMIT",
    });
  });

  it("caps a summed line at the stock on hand, but never below what the customer already had", () => {
    const [capped, kept] = mergedLines(
      planGuestMerge(
        guestCart({ capped: 3, kept: 3 }),
        ownCart({ capped: 2, kept: 6 }),
        catalogue({ capped: variant({ stockOnHand: 4 }), kept: variant({ stockOnHand: 4 }) }),
      ),
    );
    expect(capped).toMatchObject({ quantity: 4, dropped: 1, reason: "STOCK" });
    // Six already in the customer's cart with four on hand: their six stand, the guest's three go.
    expect(kept).toMatchObject({ quantity: 6, dropped: 3, reason: "STOCK" });
  });

  it("names stock as the cap when stock is below the line limit, whichever the sum exceeds", () => {
    const [line] = mergedLines(
      planGuestMerge(
        guestCart({ a: 20 }),
        ownCart({ a: 90 }),
        catalogue({ a: variant({ stockOnHand: 50 }) }),
      ),
    );
    expect(line).toMatchObject({ quantity: 90, dropped: 20, reason: "STOCK" });
  });

  it("moves a guest line that cannot be bought with its quantity, to be flagged on read", () => {
    const plan = planGuestMerge(
      guestCart({ soldOut: 2, archived: 1, archivedProduct: 1, gone: 3 }),
      ownCart({}),
      catalogue({
        soldOut: variant({ stockOnHand: 0 }),
        archived: variant({ status: "ARCHIVED" }),
        archivedProduct: variant({ product: { id: "p", name: "n", status: "ARCHIVED" } }),
        gone: null,
      }),
    );
    expect(
      mergedLines(plan).map(({ variantId, quantity, reason }) => ({ variantId, quantity, reason })),
    ).toEqual([
      { variantId: "soldOut", quantity: 2, reason: null },
      { variantId: "archived", quantity: 1, reason: null },
      { variantId: "archivedProduct", quantity: 1, reason: null },
      { variantId: "gone", quantity: 3, reason: null },
    ]);
  });

  it("keeps the customer's quantity of a variant that cannot be bought and drops the guest's units", () => {
    const plan = planGuestMerge(
      guestCart({ soldOut: 2, archived: 3, gone: 1 }),
      ownCart({ soldOut: 1, archived: 2, gone: 5 }),
      catalogue({
        soldOut: variant({ stockOnHand: 0 }),
        archived: variant({ status: "ARCHIVED" }),
        gone: null,
      }),
    );
    expect(
      mergedLines(plan).map(({ variantId, quantity, dropped, reason }) => [
        variantId,
        quantity,
        dropped,
        reason,
      ]),
    ).toEqual([
      ["soldOut", 1, 2, "OUT_OF_STOCK"],
      ["archived", 2, 3, "UNAVAILABLE"],
      ["gone", 5, 1, "UNAVAILABLE"],
    ]);
  });

  it("applies only the line limit to a variant not looked up (added to the guest cart during the merge)", () => {
    const [line, capped] = mergedLines(
      planGuestMerge(guestCart({ late: 2, big: 50 }), ownCart({ late: 1, big: 60 }), catalogue({})),
    );
    expect(line).toMatchObject({ quantity: 3, dropped: 0, reason: null });
    expect(capped).toMatchObject({
      quantity: MAX_LINE_QUANTITY,
      dropped: 110 - MAX_LINE_QUANTITY,
      reason: "LINE_LIMIT",
    });
  });

  it("merges an empty guest cart as nothing to move, and gives an empty customer cart the guest's lines", () => {
    expect(planGuestMerge(guestCart({}, null), ownCart({ a: 1 }), catalogue({}))).toEqual({
      kind: "MERGE",
      lines: [],
    });
    const plan = planGuestMerge(guestCart({ a: 3 }), ownCart({}, null), catalogue({ a: variant() }));
    expect(applyPlan(ownCart({}, null), plan).lines).toEqual([{ variantId: "a", quantity: 3 }]);
  });

  it("has nothing to merge without a live guest cart (none, or already merged)", () => {
    expect(planGuestMerge(undefined, ownCart({ a: 1 }), catalogue({}))).toEqual({ kind: "NOTHING_TO_MERGE" });
    expect(planGuestMerge({ ...guestCart({ a: 1 }), status: "MERGED" }, ownCart({}), catalogue({}))).toEqual({
      kind: "NOTHING_TO_MERGE",
    });
  });

  it("is idempotent: once the plan is written and the guest cart MERGED, merging again changes nothing", () => {
    const guest = guestCart({ a: 3, b: 1 });
    const own = ownCart({ a: 2 });
    const variants = catalogue({ a: variant({ stockOnHand: 4 }), b: variant() });
    const first = planGuestMerge(guest, own, variants);
    // Planning is pure: the same inputs give the same plan and are left as they were.
    expect(planGuestMerge(guest, own, variants)).toEqual(first);
    expect(guest).toEqual(guestCart({ a: 3, b: 1 }));
    expect(own).toEqual(ownCart({ a: 2 }));
    const after = applyPlan(own, first);
    expect(planGuestMerge({ ...guest, status: "MERGED" }, after, variants)).toEqual({
      kind: "NOTHING_TO_MERGE",
    });
  });

  it("refuses carts in different currencies, and an empty cart (no currency) never clashes", () => {
    expect(planGuestMerge(guestCart({ a: 1 }, "EUR"), ownCart({ b: 1 }, "USD"), catalogue({}))).toEqual({
      kind: "REFUSED",
      reason: "CURRENCY_MISMATCH",
    });
    expect(planGuestMerge(guestCart({ a: 1 }, "EUR"), ownCart({}, null), catalogue({})).kind).toBe("MERGE");
    expect(planGuestMerge(guestCart({}, null), ownCart({ b: 1 }, "USD"), catalogue({})).kind).toBe("MERGE");
  });

  it("refuses when together the carts would hold more than MAX_CART_LINES different variants", () => {
    const ids = (prefix: string, count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, 1]));
    const own = ownCart(ids("own", 60));
    expect(planGuestMerge(guestCart(ids("guest", MAX_CART_LINES - 60 + 1)), own, catalogue({}))).toEqual({
      kind: "REFUSED",
      reason: "TOO_MANY_LINES",
      lineCount: MAX_CART_LINES + 1,
    });
    // A variant in both carts is one line, so exactly MAX_CART_LINES distinct variants merge.
    const shared = { ...ids("guest", MAX_CART_LINES - 60), own0: 1 };
    expect(planGuestMerge(guestCart(shared), own, catalogue({})).kind).toBe("MERGE");
  });

  it("checks the currency before the line count", () => {
    const many = Object.fromEntries(Array.from({ length: MAX_CART_LINES + 1 }, (_, i) => [`v${i}`, 1]));
    expect(planGuestMerge(guestCart(many, "EUR"), ownCart({ a: 1 }, "USD"), catalogue({}))).toMatchObject({
      reason: "CURRENCY_MISMATCH",
    });
  });
});
