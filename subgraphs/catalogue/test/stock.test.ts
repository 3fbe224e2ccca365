import { and, count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useStack, type StackClient } from "@storefront/testkit";
import { schema } from "../src/db";
import { recordMovement } from "../src/services/stock";
import {
  AdjustStockDocument,
  ReceiveStockDocument,
  StockMovementsDocument,
  type StockMovementsQuery,
} from "./generated/catalogue";
import { insertProduct, startStack } from "./stack";

const h = useStack(() => startStack());
let adminToken: string;
let customerToken: string;
beforeAll(async () => {
  adminToken = (await h.admin()).token;
  customerToken = (await h.customer()).token;
});

const db = () => h.catalogue.database.db;

type MovementNode = StockMovementsQuery["stockMovements"]["edges"][number]["node"];

async function newVariant(stock: number) {
  const { variants } = await insertProduct(h.catalogue, { variants: [{ stock }] });
  return variants[0]!.id;
}

/** On hand as stored, the ledger's sum and its rows, to check they always agree. */
async function stockOf(variantId: string) {
  const [level] = await db()
    .select({ onHand: schema.stockLevels.onHand })
    .from(schema.stockLevels)
    .where(eq(schema.stockLevels.variantId, variantId));
  const movements = await db()
    .select()
    .from(schema.stockMovements)
    .where(eq(schema.stockMovements.variantId, variantId))
    .orderBy(desc(schema.stockMovements.createdAt), desc(schema.stockMovements.id));
  const ledger = movements.reduce((sum, m) => sum + m.quantity, 0);
  return { onHand: level?.onHand ?? 0, hasLevel: level !== undefined, ledger, movements };
}

describe("receiveStock", () => {
  it("adds to on hand and records a RECEIPT with the note", async () => {
    const variantId = await newVariant(3);
    const { receiveStock } = await h.executeOk(
      ReceiveStockDocument,
      { variantId, quantity: 7, note: "  delivery 42  " },
      { token: adminToken },
    );
    expect(receiveStock).toEqual({ id: variantId, stockOnHand: 10, inStock: true });
    const after = await stockOf(variantId);
    expect(after.onHand).toBe(10);
    expect(after.ledger).toBe(10);
    expect(after.movements[0]).toMatchObject({ kind: "RECEIPT", quantity: 7, note: "delivery 42" });
  });

  it("refuses quantities that are not a positive whole number up to 1,000,000, writing nothing", async () => {
    const variantId = await newVariant(3);
    for (const q of [0, -5, 1_000_001]) {
      const result = await h.execute(ReceiveStockDocument, { variantId, quantity: q }, { token: adminToken });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "quantity" });
    }
    const tooLongNote = await h.execute(
      ReceiveStockDocument,
      { variantId, quantity: 1, note: "x".repeat(501) },
      { token: adminToken },
    );
    expect(tooLongNote.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "note" });
    const after = await stockOf(variantId);
    expect(after.onHand).toBe(3);
    expect(after.movements).toHaveLength(1);
  });
});

describe("adjustStock", () => {
  it("applies a correction either way with its reason as the ledger note", async () => {
    const variantId = await newVariant(10);
    const down = await h.executeOk(
      AdjustStockDocument,
      { variantId, delta: -4, reason: "damaged in the warehouse" },
      { token: adminToken },
    );
    expect(down.adjustStock.stockOnHand).toBe(6);
    const up = await h.executeOk(
      AdjustStockDocument,
      { variantId, delta: 2, reason: "found during stocktake" },
      { token: adminToken },
    );
    expect(up.adjustStock.stockOnHand).toBe(8);
    const after = await stockOf(variantId);
    expect(after.onHand).toBe(8);
    expect(after.ledger).toBe(8);
    expect(after.movements.filter((m) => m.kind === "ADJUSTMENT").map((m) => [m.quantity, m.note])).toEqual(
      expect.arrayContaining([
        [-4, "damaged in the warehouse"],
        [2, "found during stocktake"],
      ]),
    );
    expect(after.movements).toHaveLength(3);
  });

  it("refuses an adjustment that would take stock below zero and writes nothing", async () => {
    const variantId = await newVariant(5);
    const result = await h.execute(
      AdjustStockDocument,
      { variantId, delta: -6, reason: "lost" },
      { token: adminToken },
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "delta" });
    expect(result.errors?.[0]?.message).toMatch(/only 5 on hand.*below zero/i);
    const after = await stockOf(variantId);
    expect(after.onHand).toBe(5);
    expect(after.movements).toHaveLength(1);
  });

  it("refuses a zero delta and a missing or over-long reason, writing nothing", async () => {
    const variantId = await newVariant(5);
    const cases = [
      { d: 0, r: "nothing", field: "delta" },
      { d: 1_000_001, r: "too much", field: "delta" },
      { d: 1, r: "   ", field: "reason" },
      { d: 1, r: "x".repeat(501), field: "reason" },
    ];
    for (const { d, r, field } of cases) {
      const result = await h.execute(
        AdjustStockDocument,
        { variantId, delta: d, reason: r },
        { token: adminToken },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const after = await stockOf(variantId);
    expect(after.onHand).toBe(5);
    expect(after.movements).toHaveLength(1);
  });

  it("never takes stock below zero under concurrent decrements", async () => {
    const variantId = await newVariant(10);
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        h.execute(AdjustStockDocument, { variantId, delta: -1, reason: "shrinkage" }, { token: adminToken }),
      ),
    );
    expect(results.filter((r) => r.data?.adjustStock).length).toBe(10);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "BAD_USER_INPUT").length).toBe(20);
    const after = await stockOf(variantId);
    expect(after.onHand).toBe(0);
    expect(after.ledger).toBe(0);
    expect(after.movements).toHaveLength(11);
  });
});

describe("stock administration access", () => {
  it("is refused to customers and guests, and nothing is written", async () => {
    const variantId = await newVariant(5);
    const calls = [
      (client: StackClient) => client.execute(ReceiveStockDocument, { variantId, quantity: 5 }),
      (client: StackClient) => client.execute(AdjustStockDocument, { variantId, delta: -1, reason: "theft" }),
      (client: StackClient) => client.execute(StockMovementsDocument, { variantId }),
    ];
    for (const call of calls) {
      const asCustomer = await call(h.as({ token: customerToken }));
      expect(asCustomer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const asGuest = await call(h.as({}));
      expect(asGuest.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const after = await stockOf(variantId);
    expect(after.onHand).toBe(5);
    expect(after.movements).toHaveLength(1);
  });

  it("answers NOT_FOUND for unknown and malformed variant ids", async () => {
    for (const variantId of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const admin = h.as({ token: adminToken });
      for (const call of [
        () => admin.execute(ReceiveStockDocument, { variantId, quantity: 1 }),
        () => admin.execute(AdjustStockDocument, { variantId, delta: 1, reason: "x" }),
        () => admin.execute(StockMovementsDocument, { variantId }),
      ]) {
        const result = await call();
        expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      }
    }
  });
});

describe("stockMovements", () => {
  it("pages through the ledger newest first without gaps or repeats", async () => {
    const variantId = await newVariant(1);
    for (const q of [2, 3, 4]) {
      await h.executeOk(ReceiveStockDocument, { variantId, quantity: q }, { token: adminToken });
    }
    await h.executeOk(AdjustStockDocument, { variantId, delta: -5, reason: "audit" }, { token: adminToken });

    const seen: MovementNode[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: StockMovementsQuery = await h.executeOk(
        StockMovementsDocument,
        { variantId, first: 2, after },
        { token: adminToken },
      );
      const { edges, nodes, pageInfo } = page.stockMovements;
      pages++;
      expect(edges.length).toBeLessThanOrEqual(2);
      expect(nodes.map((n) => n.id)).toEqual(edges.map((e) => e.node.id));
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      seen.push(...edges.map((e) => e.node));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);

    const stored = (await stockOf(variantId)).movements;
    expect(seen.map((m) => m.id)).toEqual(stored.map((m) => m.id));
    const times = seen.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[0]).toBeGreaterThan(times.at(-1)!);
    expect(seen.map((m) => [m.kind, m.quantity]).sort()).toEqual(
      [
        ["ADJUSTMENT", -5],
        ["RECEIPT", 1],
        ["RECEIPT", 2],
        ["RECEIPT", 3],
        ["RECEIPT", 4],
      ].sort(),
    );
  });

  it("refuses a malformed cursor and an out-of-range page size", async () => {
    const variantId = await newVariant(1);
    const badCursor = await h.execute(
      StockMovementsDocument,
      { variantId, after: "garbage" },
      { token: adminToken },
    );
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const badSize = await h.execute(StockMovementsDocument, { variantId, first: 101 }, { token: adminToken });
    expect(badSize.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("recordMovement", () => {
  it("treats a variant without a stock row as 0 and creates the row on the first receipt", async () => {
    const variantId = await newVariant(0);
    await db().delete(schema.stockLevels).where(eq(schema.stockLevels.variantId, variantId));

    expect(await recordMovement(db(), { variantId, kind: "SALE", quantity: -1 })).toBe(false);
    let after = await stockOf(variantId);
    expect(after).toMatchObject({ onHand: 0, hasLevel: false, movements: [] });

    expect(await recordMovement(db(), { variantId, kind: "RECEIPT", quantity: 4, note: "seed" })).toBe(true);
    after = await stockOf(variantId);
    expect(after).toMatchObject({ onHand: 4, hasLevel: true, ledger: 4 });
    expect(after.movements).toHaveLength(1);
  });

  it("inside a transaction, is undone with it", async () => {
    const variantId = await newVariant(2);
    await expect(
      db().transaction(async (tx) => {
        expect(await recordMovement(tx, { variantId, kind: "ADJUSTMENT", quantity: -2 })).toBe(true);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const [{ n } = { n: -1 }] = await db()
      .select({ n: count() })
      .from(schema.stockMovements)
      .where(
        and(eq(schema.stockMovements.variantId, variantId), eq(schema.stockMovements.kind, "ADJUSTMENT")),
      );
    expect(n).toBe(0);
    expect((await stockOf(variantId)).onHand).toBe(2);
  });
});
