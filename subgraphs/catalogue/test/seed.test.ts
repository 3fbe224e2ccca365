import { asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useStack } from "@storefront/testkit";
import { schema, type CatalogueDatabase } from "../src/db";
import { seedCatalogue, type SeedSummary } from "../src/seed";
import { startStack } from "./stack";

const { categories, products, variants, stockLevels, stockMovements, reviews } = schema;

/** Fixed ids, so two runs get the same input and their reviews can be compared too. */
const reviewerIds = Array.from(
  { length: 12 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
);

/** Two catalogues on databases of their own, started side by side, to seed one and compare with the other. */
const stacks = useStack(async () => {
  const [first, second] = await Promise.all([startStack(), startStack()]);
  return {
    first,
    second,
    async stop() {
      await Promise.all([first.stop(), second.stop()]);
    },
  };
});
let summary: SeedSummary | null;
const db = (): CatalogueDatabase => stacks.first.catalogue.database.db;

beforeAll(async () => {
  summary = await seedCatalogue(db(), { reviewerIds });
});

async function tableCounts(database: CatalogueDatabase) {
  const counted = await Promise.all(
    [categories, products, variants, stockLevels, stockMovements, reviews].map(async (table) => {
      const [row] = await database.select({ n: count() }).from(table);
      return row!.n;
    }),
  );
  return counted;
}

/** Everything but generated ids and timestamps, in a stable order. */
async function content(database: CatalogueDatabase) {
  const categoryRows = await database.select().from(categories).orderBy(asc(categories.slug));
  const slugOf = new Map(categoryRows.map((c) => [c.id, c.slug]));
  const productRows = await database.select().from(products).orderBy(asc(products.sku));
  const skuOf = new Map(productRows.map((p) => [p.id, p.sku]));
  const variantRows = await database
    .select({ variant: variants, onHand: stockLevels.onHand })
    .from(variants)
    .leftJoin(stockLevels, eq(stockLevels.variantId, variants.id))
    .orderBy(asc(variants.sku));
  const reviewRows = await database.select().from(reviews);
  return {
    categories: categoryRows.map((c) => [c.slug, c.name, c.parentId && slugOf.get(c.parentId), c.position]),
    products: productRows.map((p) => [
      p.sku,
      p.slug,
      p.name,
      p.description,
      p.priceAmount,
      p.attributes,
      p.images,
      slugOf.get(p.categoryId!),
      p.reviewCount,
      p.ratingTotal,
    ]),
    variants: variantRows.map(({ variant: v, onHand }) => [
      skuOf.get(v.productId),
      v.sku,
      v.name,
      v.priceAmount,
      onHand,
    ]),
    reviews: reviewRows
      .map((r) => [skuOf.get(r.productId), r.authorId, r.rating, r.title, r.body].join("|"))
      .sort(),
  };
}

describe("seedCatalogue", () => {
  it("reports what it inserted", async () => {
    const [categoryCount, productCount, variantCount, , , reviewCount] = await tableCounts(db());
    expect(summary).toEqual({
      categories: categoryCount,
      products: 200,
      variants: variantCount,
      reviews: reviewCount,
    });
    expect(productCount).toBe(200);
  });

  it("builds a category tree of at least 8 categories with consistent paths", async () => {
    const rows = await db().select().from(categories);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const byId = new Map(rows.map((c) => [c.id, c]));
    const roots = rows.filter((c) => c.parentId === null);
    expect(roots.length).toBeGreaterThanOrEqual(2);
    for (const category of rows) {
      const parent = category.parentId ? byId.get(category.parentId) : undefined;
      if (category.parentId) expect(parent, `parent of ${category.slug}`).toBeDefined();
      expect(category.path).toBe(`${parent?.path ?? "/"}${category.id}/`);
    }
    expect(new Set(rows.map((c) => c.slug)).size).toBe(rows.length);

    // Products sit in leaf categories, and every leaf has some.
    const parents = new Set(rows.map((c) => c.parentId));
    const leaves = rows.filter((c) => !parents.has(c.id));
    const productRows = await db().select({ categoryId: products.categoryId }).from(products);
    expect(new Set(productRows.map((p) => p.categoryId))).toEqual(new Set(leaves.map((c) => c.id)));
  });

  it("creates 200 sellable products, each with 1 to 4 variants and placeholder images", async () => {
    const productRows = await db().select().from(products);
    const variantRows = await db().select().from(variants);
    expect(productRows).toHaveLength(200);
    expect(new Set(productRows.map((p) => p.name)).size).toBe(200);
    for (const product of productRows) {
      expect(product).toMatchObject({ status: "ACTIVE", currency: "USD" });
      expect(product.priceAmount).toBeGreaterThan(0);
      expect(product.description.length).toBeGreaterThan(20);
      expect(Object.keys(product.attributes).length).toBeGreaterThan(0);
      expect(product.images.length).toBeGreaterThan(0);
      for (const image of product.images) {
        expect(image.url).toMatch(/^data:image\/svg\+xml;base64,/);
        expect(image.alt).toContain(product.name);
      }
      const own = variantRows.filter((v) => v.productId === product.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(Math.min(...own.map((v) => v.priceAmount))).toBe(product.priceAmount);
    }
    const createdAt = productRows.map((p) => p.createdAt.getTime());
    expect(Math.max(...createdAt) - Math.min(...createdAt)).toBeGreaterThan(7 * 24 * 3_600_000);
  });

  it("records all stock through the ledger, with some variants out of stock", async () => {
    const movements = await db().select().from(stockMovements);
    const levels = await db().select().from(stockLevels);
    const variantRows = await db().select({ id: variants.id }).from(variants);
    const ledger = new Map<string, number>();
    for (const movement of movements) {
      expect(movement).toMatchObject({ kind: "RECEIPT", note: "seed" });
      ledger.set(movement.variantId, (ledger.get(movement.variantId) ?? 0) + movement.quantity);
    }
    const onHand = new Map(levels.map((l) => [l.variantId, l.onHand]));
    for (const { id } of variantRows) expect(onHand.get(id) ?? 0, id).toBe(ledger.get(id) ?? 0);
    const stocked = variantRows.filter(({ id }) => (onHand.get(id) ?? 0) > 0).length;
    expect(stocked).toBeGreaterThan(0);
    expect(stocked).toBeLessThan(variantRows.length);
  });

  it("writes reviews by the given reviewers, at most one each per product, with exact aggregates", async () => {
    const productRows = await db().select().from(products);
    const reviewRows = await db().select().from(reviews);
    expect(reviewRows.length).toBeGreaterThan(0);
    expect(new Set(reviewRows.map((r) => `${r.productId}:${r.authorId}`)).size).toBe(reviewRows.length);
    for (const row of reviewRows) expect(reviewerIds).toContain(row.authorId);
    const ratings = reviewRows.map((r) => r.rating);
    expect(Math.min(...ratings)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ratings)).toBeLessThanOrEqual(5);
    expect(ratings.reduce((a, b) => a + b, 0) / ratings.length).toBeGreaterThan(3.5);

    for (const product of productRows) {
      const own = reviewRows.filter((r) => r.productId === product.id);
      const total = own.reduce((sum, r) => sum + r.rating, 0);
      expect(own.length).toBeLessThanOrEqual(5);
      expect(product.reviewCount).toBe(own.length);
      expect(product.ratingTotal).toBe(total);
      if (own.length === 0) expect(product.averageRating).toBeNull();
      else expect(product.averageRating).toBeCloseTo(total / own.length, 5);
      for (const review of own)
        expect(review.createdAt.getTime()).toBeGreaterThanOrEqual(product.createdAt.getTime());
    }
  });

  it("produces the same catalogue from the same input in another database", async () => {
    const again = await seedCatalogue(stacks.second.catalogue.database.db, { reviewerIds });
    expect(again).toEqual(summary);
    expect(await content(stacks.second.catalogue.database.db)).toEqual(await content(db()));
  });

  it("does nothing the second time on the same database", async () => {
    const before = await tableCounts(db());
    expect(await seedCatalogue(db(), { reviewerIds })).toBeNull();
    expect(await tableCounts(db())).toEqual(before);
  });
});
