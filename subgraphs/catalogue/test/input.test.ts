import { count, eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { execute, startTestSubgraph, testEnv, useStack, type ExecuteResult } from "@storefront/testkit";
import { schema } from "../src/db";
import { catalogueConfigFrom } from "../src/env";
import { catalogueModule } from "../src/server";
import {
  CategoryBySlugDocument,
  CreateProductDocument,
  CreateReviewDocument,
  MalformedIdsDocument,
  ProductByIdDocument,
  ProductBySlugDocument,
  ProductsDocument,
  type CreateProductInput,
} from "./generated/catalogue";
import { insertProduct, startStack } from "./stack";

const h = useStack(() => startStack());

async function productsWithSku(sku: string) {
  const [row] = await h.catalogue.database.db
    .select({ n: count() })
    .from(schema.products)
    .where(eq(schema.products.sku, sku));
  return row?.n;
}

describe("strings the database cannot store", () => {
  it("refuses a NUL in search text, slugs and ids, as a variable or a literal, naming the argument", async () => {
    const cases: [string, () => Promise<ExecuteResult<unknown>>, string][] = [
      [
        "products(filter: $filter)",
        () => h.execute(ProductsDocument, { filter: { query: "boots\u0000" } }),
        "filter.query",
      ],
      // Text, not a typed operation: the NUL is an escape inside the operation's own string literal.
      ["product(slug: literal)", () => h.execute(`{ product(slug: "trail\\u0000runner") { id } }`), "slug"],
      ["category(slug: $slug)", () => h.execute(CategoryBySlugDocument, { slug: "\u0000" }), "slug"],
      ["product(id: $id)", () => h.execute(ProductByIdDocument, { id: "\u0000" }), "id"],
    ];
    for (const [query, send, field] of cases) {
      const result = await send();
      expect(result.errors?.[0]?.extensions, query).toEqual({ code: "BAD_USER_INPUT", field });
    }
  });

  it("refuses a NUL or a broken character in product fields and review text, writing nothing", async () => {
    const admin = await h.admin();
    const sku = `NUL-${Date.now()}`;
    const cases: [Omit<CreateProductInput, "sku" | "priceAmount" | "currency">, string][] = [
      [{ name: "Trail\u0000Runner" }, "name"],
      [{ name: "Runner", description: "Half an emoji: \ud83d" }, "description"],
      [{ name: "Runner", attributes: [{ name: "colour", value: "red\u0000" }] }, "attributes.0.value"],
    ];
    for (const [input, field] of cases) {
      const result = await h.execute(
        CreateProductDocument,
        { input: { sku, priceAmount: 100, currency: "USD", ...input } },
        admin,
      );
      expect(result.errors?.[0]?.extensions, field).toEqual({ code: "BAD_USER_INPUT", field });
    }
    expect(await productsWithSku(sku)).toBe(0);

    const { product } = await insertProduct(h.catalogue);
    const customer = await h.customer();
    const review = await h.execute(
      CreateReviewDocument,
      { input: { productId: product.id, rating: 5, body: "Great\u0000" } },
      customer,
    );
    expect(review.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "body" });
    const [reviews] = await h.catalogue.database.db
      .select({ n: count() })
      .from(schema.reviews)
      .where(eq(schema.reviews.productId, product.id));
    expect(reviews?.n).toBe(0);
  });
});

describe("prices", () => {
  it("take an ISO 4217 currency only, writing nothing otherwise", async () => {
    const admin = await h.admin();
    const sku = `CUR-${Date.now()}`;
    for (const currency of ["ZZZ", "XTS", "US", "dollars"]) {
      const result = await h.execute(
        CreateProductDocument,
        { input: { sku, name: "Priced", priceAmount: 100, currency } },
        admin,
      );
      expect(result.errors?.[0]?.extensions, currency).toEqual({ code: "BAD_USER_INPUT", field: "currency" });
    }
    expect(await productsWithSku(sku)).toBe(0);
  });
});

describe.each([
  ["PostgreSQL", false],
  ["PGlite", true],
])("on %s", (_driver, embedded) => {
  const logged: Record<string, unknown>[] = [];
  const log = pino(
    { level: "error" },
    { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const catalogue = useStack(() =>
    startTestSubgraph(catalogueModule(catalogueConfigFrom({ SERVICE_TOKEN: testEnv.serviceToken })), {
      log,
      embedded,
    }),
  );

  it("answers a malformed id as an unknown one: null, never an error", async () => {
    // Something to find, so that "no such category" cannot pass for "no filter".
    await insertProduct(catalogue);
    const result = await execute(catalogue.url, MalformedIdsDocument);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      emptyProduct: null,
      emptyCategory: null,
      wordProduct: null,
      wordCategory: null,
      inEmptyCategory: { nodes: [] },
    });
  });

  it("refuses a NUL before the database sees it, whichever database it is", async () => {
    const result = await execute(catalogue.url, ProductBySlugDocument, {
      variables: { slug: "trail\u0000runner" },
    });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "slug" });
    expect(logged).toEqual([]);
  });

  it("logs a database failure by its SQLSTATE, without the statement or its values", async () => {
    await catalogue.database.db.execute(sql`alter table products rename to products_gone`);
    try {
      const secret = `secret-slug-${Date.now()}`;
      const result = await execute(catalogue.url, ProductBySlugDocument, { variables: { slug: secret } });
      expect(result.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
      const line = logged.find((entry) => entry.msg === "unexpected error while executing an operation");
      expect(line?.err).toMatchObject({ type: "DatabaseError", sqlState: "42P01" });
      expect((line?.err as { message?: string }).message).toContain("does not exist");
      const text = JSON.stringify(line);
      expect(text).not.toContain(secret);
      expect(text.toLowerCase()).not.toContain("select");
    } finally {
      await catalogue.database.db.execute(sql`alter table products_gone rename to products`);
    }
  });
});
