import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import {
  ArchiveProductDocument,
  CategoryChildrenDocument,
  CreateProductDocument,
  CreateVariantDocument,
  ProductBySlugDocument,
  ProductByIdDocument,
  ProductStatusDocument,
  ProductsDocument,
  UpdateCategoryDocument,
  type ProductsQuery,
} from "./generated/catalogue";
import { insertCategory, insertProduct, startStack } from "./stack";

const h = useStack(() => startStack());

describe("search", () => {
  it("ranks a product whose name matches above one whose description matches", async () => {
    const word = `zephyrite${Date.now()}`;
    const inDescription = await insertProduct(h.catalogue, {
      name: "Plain mug",
      description: `A mug glazed with ${word} blue.`,
    });
    const inName = await insertProduct(h.catalogue, { name: `${word} lamp`, description: "A lamp." });
    await insertProduct(h.catalogue, { name: "Unrelated chair", description: "Nothing to see." });
    const page = await h.executeOk(ProductsDocument, { filter: { query: word } });
    expect(page.products.nodes.map((p) => p.id)).toEqual([inName.product.id, inDescription.product.id]);
  });

  it("understands web-search syntax: quoted phrases and exclusions", async () => {
    const tag = `quokka${Date.now()}`;
    const both = await insertProduct(h.catalogue, { name: `${tag} red kettle` });
    await insertProduct(h.catalogue, { name: `${tag} green kettle` });
    const page = await h.executeOk(ProductsDocument, { filter: { query: `${tag} kettle -green` } });
    expect(page.products.nodes.map((p) => p.id)).toEqual([both.product.id]);
  });
});

describe("filters and sorting", () => {
  it("filters by a category including its subcategories, by price range and by stock", async () => {
    const root = await insertCategory(h.catalogue, "Outdoor");
    const child = await insertCategory(h.catalogue, "Tents", root);
    const other = await insertCategory(h.catalogue, "Kitchen");
    const inRoot = await insertProduct(h.catalogue, { categoryId: root.id, priceAmount: 5000 });
    const inChild = await insertProduct(h.catalogue, {
      categoryId: child.id,
      priceAmount: 15000,
      variants: [{ stock: 0 }],
    });
    await insertProduct(h.catalogue, { categoryId: other.id, priceAmount: 5000 });

    const all = await h.executeOk(ProductsDocument, { filter: { categoryId: root.id }, sort: "PRICE_ASC" });
    expect(all.products.nodes.map((p) => p.id)).toEqual([inRoot.product.id, inChild.product.id]);
    const childOnly = await h.executeOk(ProductsDocument, { filter: { categoryId: child.id } });
    expect(childOnly.products.nodes.map((p) => p.id)).toEqual([inChild.product.id]);
    const cheap = await h.executeOk(ProductsDocument, { filter: { categoryId: root.id, maxPrice: 10000 } });
    expect(cheap.products.nodes.map((p) => p.id)).toEqual([inRoot.product.id]);
    const expensive = await h.executeOk(ProductsDocument, {
      filter: { categoryId: root.id, minPrice: 10000 },
    });
    expect(expensive.products.nodes.map((p) => p.id)).toEqual([inChild.product.id]);
    const stocked = await h.executeOk(ProductsDocument, { filter: { categoryId: root.id, inStock: true } });
    expect(stocked.products.nodes.map((p) => p.id)).toEqual([inRoot.product.id]);
  });

  it("sorts by price both ways and by newest, and rejects an inverted price range", async () => {
    const category = await insertCategory(h.catalogue, "Sorting");
    const prices = [300, 100, 200];
    const made = [];
    for (const [i, priceAmount] of prices.entries()) {
      made.push(
        await insertProduct(h.catalogue, {
          categoryId: category.id,
          priceAmount,
          createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
        }),
      );
    }
    const asc = await h.executeOk(ProductsDocument, {
      filter: { categoryId: category.id },
      sort: "PRICE_ASC",
    });
    expect(asc.products.nodes.map((p) => p.price.amount)).toEqual([100, 200, 300]);
    const desc = await h.executeOk(ProductsDocument, {
      filter: { categoryId: category.id },
      sort: "PRICE_DESC",
    });
    expect(desc.products.nodes.map((p) => p.price.amount)).toEqual([300, 200, 100]);
    const newest = await h.executeOk(ProductsDocument, {
      filter: { categoryId: category.id },
      sort: "NEWEST",
    });
    expect(newest.products.nodes.map((p) => p.id)).toEqual(made.map((m) => m.product.id).reverse());
    const bad = await h.execute(ProductsDocument, { filter: { minPrice: 10, maxPrice: 5 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.minPrice" });
  });
});

describe("pagination", () => {
  it.each(["NEWEST", "PRICE_ASC", "RATING"] as const)(
    "returns every product exactly once while products are inserted between pages (%s)",
    async (sort) => {
      const category = await insertCategory(h.catalogue, `Paging ${sort}`);
      const originals = new Set<string>();
      for (let i = 0; i < 25; i++) {
        // Equal prices and ratings on purpose: ties must be broken by id, not lost.
        originals.add(
          (await insertProduct(h.catalogue, { categoryId: category.id, priceAmount: 100 * (i % 3) })).product
            .id,
        );
      }
      const seen: string[] = [];
      let after: string | null = null;
      for (let pageNo = 0; pageNo < 20; pageNo++) {
        const page: ProductsQuery = await h.executeOk(ProductsDocument, {
          filter: { categoryId: category.id },
          sort,
          first: 4,
          after,
        });
        seen.push(...page.products.nodes.map((p) => p.id));
        // New products arrive between every two pages, at both ends of the price range.
        await insertProduct(h.catalogue, { categoryId: category.id, priceAmount: pageNo % 2 ? 0 : 999_999 });
        if (!page.products.pageInfo.hasNextPage) break;
        after = page.products.pageInfo.endCursor;
      }
      const originalSeen = seen.filter((id) => originals.has(id));
      expect(originalSeen.length).toBe(originals.size);
      expect(new Set(seen).size).toBe(seen.length);
    },
  );

  it("refuses a cursor from another sort", async () => {
    const first = await h.executeOk(ProductsDocument, { sort: "PRICE_ASC", first: 1 });
    const result = await h.execute(ProductsDocument, {
      sort: "NEWEST",
      after: first.products.pageInfo.endCursor,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("products, categories and visibility", () => {
  it("finds a product by slug, and hides archived products from customers but not from admins", async () => {
    const { product } = await insertProduct(h.catalogue);
    const bySlug = await h.executeOk(ProductBySlugDocument, { slug: product.slug });
    expect(bySlug.product!.id).toBe(product.id);
    const admin = await h.admin();
    await h.executeOk(ArchiveProductDocument, { id: product.id }, admin);
    const customer = await h.customer();
    const hidden = await h.executeOk(ProductByIdDocument, { id: product.id }, customer);
    expect(hidden.product).toBeNull();
    const shown = await h.executeOk(ProductStatusDocument, { id: product.id }, admin);
    expect(shown.product).toMatchObject({ status: "ARCHIVED", variants: [{ status: "ARCHIVED" }] });
  });

  it("serves the category tree with children and parents", async () => {
    const root = await insertCategory(h.catalogue, "Tree root");
    const child = await insertCategory(h.catalogue, "Tree child", root);
    const data = await h.executeOk(CategoryChildrenDocument, { id: root.id });
    expect(data.category!.children).toEqual([{ id: child.id, parent: { id: root.id } }]);
  });
});

describe("administration", () => {
  it("refuses a customer with FORBIDDEN and writes nothing", async () => {
    const customer = await h.customer();
    const sku = `CUST-${Date.now()}`;
    const result = await h.execute(
      CreateProductDocument,
      { input: { sku, name: "Nope", priceAmount: 100, currency: "USD" } },
      customer,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [row] = await h.catalogue.database.db
      .select({ n: count() })
      .from(schema.products)
      .where(eq(schema.products.sku, sku));
    expect(row?.n).toBe(0);
  });

  it("creates products and variants; bad input and a duplicate sku are BAD_USER_INPUT naming the field", async () => {
    const admin = await h.admin();
    const sku = `ADM-${Date.now()}`;
    const created = await h.executeOk(
      CreateProductDocument,
      { input: { sku, name: "Trail Runner", priceAmount: 8999, currency: "usd" } },
      admin,
    );
    expect(created.createProduct.price.currency).toBe("USD");
    expect(created.createProduct.slug).toMatch(/^trail-runner-/);
    const duplicate = await h.execute(
      CreateProductDocument,
      { input: { sku, name: "Copy", priceAmount: 1, currency: "USD" } },
      admin,
    );
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "sku" });
    const negative = await h.execute(
      CreateProductDocument,
      { input: { sku: `${sku}-2`, name: "Cheap", priceAmount: -1, currency: "USD" } },
      admin,
    );
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "priceAmount" });

    const variant = await h.executeOk(
      CreateVariantDocument,
      { productId: created.createProduct.id, input: { sku: `${sku}-42`, name: "EU 42" } },
      admin,
    );
    expect(variant.createVariant).toEqual({
      sku: `${sku}-42`,
      price: { amount: 8999 },
      stockOnHand: 0,
      inStock: false,
    });
  });

  it("moves a category subtree and refuses to move a category below itself", async () => {
    const admin = await h.admin();
    const a = await insertCategory(h.catalogue, "Move A");
    const b = await insertCategory(h.catalogue, "Move B", a);
    const c = await insertCategory(h.catalogue, "Move C", b);
    const target = await insertCategory(h.catalogue, "Move target");
    const loop = await h.execute(
      UpdateCategoryDocument,
      { id: a.id, input: { name: "Move A", parentId: c.id } },
      admin,
    );
    expect(loop.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentId" });
    await h.executeOk(
      UpdateCategoryDocument,
      { id: b.id, input: { name: "Move B", parentId: target.id } },
      admin,
    );
    const [moved] = await h.catalogue.database.db
      .select()
      .from(schema.categories)
      .where(eq(schema.categories.id, c.id));
    expect(moved?.path).toBe(`/${target.id}/${b.id}/${c.id}/`);
    const product = await insertProduct(h.catalogue, { categoryId: c.id });
    const underTarget = await h.executeOk(ProductsDocument, { filter: { categoryId: target.id } });
    expect(underTarget.products.nodes.map((p) => p.id)).toEqual([product.product.id]);
  });
});
