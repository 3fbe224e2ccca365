import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, executeOk } from "@storefront/testkit";
import { schema } from "../src/db";
import { insertCategory, insertProduct, startStack, type Stack } from "./stack";

let h: Stack;
beforeAll(async () => {
  h = await startStack();
});
afterAll(async () => {
  await h?.stop();
});

type Page = {
  products: {
    nodes: { id: string; name: string; price: { amount: number } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
const PRODUCTS = `query($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    nodes { id name price { amount } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const list = (variables: Record<string, unknown>, token?: string) =>
  executeOk<Page>(h.catalogue.url, PRODUCTS, { variables, ...(token ? { token } : {}) });

describe("search", () => {
  it("ranks a product whose name matches above one whose description matches", async () => {
    const word = `zephyrite${Date.now()}`;
    const inDescription = await insertProduct(h.catalogue, {
      name: "Plain mug",
      description: `A mug glazed with ${word} blue.`,
    });
    const inName = await insertProduct(h.catalogue, { name: `${word} lamp`, description: "A lamp." });
    await insertProduct(h.catalogue, { name: "Unrelated chair", description: "Nothing to see." });
    const page = await list({ filter: { query: word } });
    expect(page.products.nodes.map((p) => p.id)).toEqual([inName.product.id, inDescription.product.id]);
  });

  it("understands web-search syntax: quoted phrases and exclusions", async () => {
    const tag = `quokka${Date.now()}`;
    const both = await insertProduct(h.catalogue, { name: `${tag} red kettle` });
    await insertProduct(h.catalogue, { name: `${tag} green kettle` });
    const page = await list({ filter: { query: `${tag} kettle -green` } });
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

    const all = await list({ filter: { categoryId: root.id }, sort: "PRICE_ASC" });
    expect(all.products.nodes.map((p) => p.id)).toEqual([inRoot.product.id, inChild.product.id]);
    const childOnly = await list({ filter: { categoryId: child.id } });
    expect(childOnly.products.nodes.map((p) => p.id)).toEqual([inChild.product.id]);
    const cheap = await list({ filter: { categoryId: root.id, maxPrice: 10000 } });
    expect(cheap.products.nodes.map((p) => p.id)).toEqual([inRoot.product.id]);
    const expensive = await list({ filter: { categoryId: root.id, minPrice: 10000 } });
    expect(expensive.products.nodes.map((p) => p.id)).toEqual([inChild.product.id]);
    const stocked = await list({ filter: { categoryId: root.id, inStock: true } });
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
    const asc = await list({ filter: { categoryId: category.id }, sort: "PRICE_ASC" });
    expect(asc.products.nodes.map((p) => p.price.amount)).toEqual([100, 200, 300]);
    const desc = await list({ filter: { categoryId: category.id }, sort: "PRICE_DESC" });
    expect(desc.products.nodes.map((p) => p.price.amount)).toEqual([300, 200, 100]);
    const newest = await list({ filter: { categoryId: category.id }, sort: "NEWEST" });
    expect(newest.products.nodes.map((p) => p.id)).toEqual(made.map((m) => m.product.id).reverse());
    const bad = await execute(h.catalogue.url, PRODUCTS, {
      variables: { filter: { minPrice: 10, maxPrice: 5 } },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.minPrice" });
  });
});

describe("pagination", () => {
  it.each(["NEWEST", "PRICE_ASC", "RATING"])(
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
        const page: Page = await list({ filter: { categoryId: category.id }, sort, first: 4, after });
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
    const first = await list({ sort: "PRICE_ASC", first: 1 });
    const result = await execute(h.catalogue.url, PRODUCTS, {
      variables: { sort: "NEWEST", after: first.products.pageInfo.endCursor },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("products, categories and visibility", () => {
  it("finds a product by slug, and hides archived products from customers but not from admins", async () => {
    const { product } = await insertProduct(h.catalogue);
    const bySlug = await executeOk<{ product: { id: string } }>(
      h.catalogue.url,
      `query($s: String) { product(slug: $s) { id } }`,
      {
        variables: { s: product.slug },
      },
    );
    expect(bySlug.product.id).toBe(product.id);
    const admin = await h.admin();
    await executeOk(h.catalogue.url, `mutation($id: ID!) { archiveProduct(id: $id) { status } }`, {
      variables: { id: product.id },
      token: admin.token,
    });
    const customer = await h.customer();
    const hidden = await executeOk<{ product: null }>(
      h.catalogue.url,
      `query($id: ID) { product(id: $id) { id } }`,
      {
        variables: { id: product.id },
        token: customer.token,
      },
    );
    expect(hidden.product).toBeNull();
    const shown = await executeOk<{ product: { status: string; variants: { status: string }[] } }>(
      h.catalogue.url,
      `query($id: ID) { product(id: $id) { status variants { status } } }`,
      { variables: { id: product.id }, token: admin.token },
    );
    expect(shown.product).toMatchObject({ status: "ARCHIVED", variants: [{ status: "ARCHIVED" }] });
  });

  it("serves the category tree with children and parents", async () => {
    const root = await insertCategory(h.catalogue, "Tree root");
    const child = await insertCategory(h.catalogue, "Tree child", root);
    const data = await executeOk<{ category: { children: { id: string; parent: { id: string } }[] } }>(
      h.catalogue.url,
      `query($id: ID) { category(id: $id) { children { id parent { id } } } }`,
      { variables: { id: root.id } },
    );
    expect(data.category.children).toEqual([{ id: child.id, parent: { id: root.id } }]);
  });
});

describe("administration", () => {
  const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku slug price { amount currency } } }`;

  it("refuses a customer with FORBIDDEN and writes nothing", async () => {
    const customer = await h.customer();
    const sku = `CUST-${Date.now()}`;
    const result = await execute(h.catalogue.url, CREATE, {
      variables: { input: { sku, name: "Nope", priceAmount: 100, currency: "USD" } },
      token: customer.token,
    });
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
    const created = await executeOk<{
      createProduct: { id: string; slug: string; price: { currency: string } };
    }>(h.catalogue.url, CREATE, {
      variables: { input: { sku, name: "Trail Runner", priceAmount: 8999, currency: "usd" } },
      token: admin.token,
    });
    expect(created.createProduct.price.currency).toBe("USD");
    expect(created.createProduct.slug).toMatch(/^trail-runner-/);
    const duplicate = await execute(h.catalogue.url, CREATE, {
      variables: { input: { sku, name: "Copy", priceAmount: 1, currency: "USD" } },
      token: admin.token,
    });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "sku" });
    const negative = await execute(h.catalogue.url, CREATE, {
      variables: { input: { sku: `${sku}-2`, name: "Cheap", priceAmount: -1, currency: "USD" } },
      token: admin.token,
    });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "priceAmount" });

    const variant = await executeOk<{
      createVariant: { sku: string; price: { amount: number }; stockOnHand: number; inStock: boolean };
    }>(
      h.catalogue.url,
      `mutation($p: ID!, $input: CreateVariantInput!) { createVariant(productId: $p, input: $input) { sku price { amount } stockOnHand inStock } }`,
      {
        variables: { p: created.createProduct.id, input: { sku: `${sku}-42`, name: "EU 42" } },
        token: admin.token,
      },
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
    const UPDATE = `mutation($id: ID!, $input: CategoryInput!) { updateCategory(id: $id, input: $input) { id parent { id } } }`;
    const loop = await execute(h.catalogue.url, UPDATE, {
      variables: { id: a.id, input: { name: "Move A", parentId: c.id } },
      token: admin.token,
    });
    expect(loop.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentId" });
    await executeOk(h.catalogue.url, UPDATE, {
      variables: { id: b.id, input: { name: "Move B", parentId: target.id } },
      token: admin.token,
    });
    const [moved] = await h.catalogue.database.db
      .select()
      .from(schema.categories)
      .where(eq(schema.categories.id, c.id));
    expect(moved?.path).toBe(`/${target.id}/${b.id}/${c.id}/`);
    const product = await insertProduct(h.catalogue, { categoryId: c.id });
    const underTarget = await list({ filter: { categoryId: target.id } });
    expect(underTarget.products.nodes.map((p) => p.id)).toEqual([product.product.id]);
  });
});
