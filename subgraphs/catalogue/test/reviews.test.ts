import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countSql, useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import {
  CreateReviewDocument,
  DeleteReviewDocument,
  ProductRatingDocument,
  ProductReviewEntitiesDocument,
  ProductReviewsDocument,
  UpdateReviewDocument,
  UpdateReviewTwiceDocument,
  type CreateReviewInput,
  type ProductReviewsQuery,
} from "./generated/catalogue";
import { insertProduct, startStack } from "./stack";

const harness = useStack(() => startStack());

const db = () => harness.catalogue.database.db;

const review = (productId: string, overrides: Partial<CreateReviewInput> = {}): CreateReviewInput => ({
  productId,
  rating: 4,
  title: "Does the job",
  body: "Sturdy and well finished.",
  ...overrides,
});

async function create(token: string | undefined, input: CreateReviewInput) {
  return harness.execute(CreateReviewDocument, { input }, token ? { token } : {});
}

async function createOk(token: string, input: CreateReviewInput) {
  const data = await harness.executeOk(CreateReviewDocument, { input }, { token });
  if (data.createReview.__typename !== "Review")
    throw new Error(`expected a Review: ${JSON.stringify(data)}`);
  return data.createReview;
}

async function reviewRows(productId: string) {
  return db().select().from(schema.reviews).where(eq(schema.reviews.productId, productId));
}

async function aggregates(productId: string) {
  const [row] = await db()
    .select({
      reviewCount: schema.products.reviewCount,
      ratingTotal: schema.products.ratingTotal,
      averageRating: schema.products.averageRating,
    })
    .from(schema.products)
    .where(eq(schema.products.id, productId));
  return row!;
}

async function newProduct() {
  return (await insertProduct(harness.catalogue)).product;
}

describe("createReview", () => {
  it("reviews a product as the signed-in customer and returns the author as a User reference", async () => {
    const product = await newProduct();
    const customer = await harness.customer();
    const created = await createOk(
      customer.token,
      review(product.id, { rating: 5, title: "  ", body: "  Lovely.  " }),
    );
    expect(created).toMatchObject({
      rating: 5,
      title: null,
      body: "Lovely.",
      author: { id: customer.id },
      product: { id: product.id, averageRating: 5, reviewCount: 1 },
    });
    expect(await aggregates(product.id)).toEqual({ reviewCount: 1, ratingTotal: 5, averageRating: 5 });
  });

  it("refuses guests with UNAUTHENTICATED and writes nothing", async () => {
    const product = await newProduct();
    const result = await create(undefined, review(product.id));
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await reviewRows(product.id)).toHaveLength(0);
  });

  it.each([6, 0])("rejects a rating of %i as INVALID_RATING and writes nothing", async (rating) => {
    const product = await newProduct();
    const customer = await harness.customer();
    const result = await create(customer.token, review(product.id, { rating }));
    expect(result.data?.createReview).toMatchObject({
      __typename: "ReviewError",
      code: "INVALID_RATING",
      field: "rating",
    });
    const [rows] = await db()
      .select({ n: count() })
      .from(schema.reviews)
      .where(eq(schema.reviews.productId, product.id));
    expect(rows?.n).toBe(0);
    expect(await aggregates(product.id)).toEqual({ reviewCount: 0, ratingTotal: 0, averageRating: null });
  });

  it.each([
    ["a title over 120 characters", { title: "t".repeat(121) }, "title"],
    ["an empty body", { body: " \n\t " }, "body"],
    ["a body over 5000 characters", { body: "b".repeat(5001) }, "body"],
  ])("rejects %s as INVALID_INPUT naming the field", async (_, overrides, field) => {
    const product = await newProduct();
    const customer = await harness.customer();
    const result = await create(customer.token, review(product.id, overrides));
    expect(result.data?.createReview).toMatchObject({
      __typename: "ReviewError",
      code: "INVALID_INPUT",
      field,
    });
    expect(await reviewRows(product.id)).toHaveLength(0);
  });

  it("answers PRODUCT_NOT_FOUND for unknown, malformed and archived products", async () => {
    const customer = await harness.customer();
    const archived = await newProduct();
    await db().update(schema.products).set({ status: "ARCHIVED" }).where(eq(schema.products.id, archived.id));
    for (const productId of [randomUUID(), "not-a-uuid", archived.id]) {
      const result = await create(customer.token, review(productId));
      expect(result.data?.createReview).toMatchObject({
        __typename: "ReviewError",
        code: "PRODUCT_NOT_FOUND",
      });
    }
    expect(await reviewRows(archived.id)).toHaveLength(0);
  });

  it("answers ALREADY_REVIEWED to a second review by the same customer and keeps one row", async () => {
    const product = await newProduct();
    const customer = await harness.customer();
    await createOk(customer.token, review(product.id, { rating: 2 }));
    const second = await create(customer.token, review(product.id, { rating: 5 }));
    expect(second.data?.createReview).toMatchObject({ __typename: "ReviewError", code: "ALREADY_REVIEWED" });
    const rows = await reviewRows(product.id);
    expect(rows.map((row) => row.rating)).toEqual([2]);
    expect(await aggregates(product.id)).toEqual({ reviewCount: 1, ratingTotal: 2, averageRating: 2 });
  });

  it("lets exactly one of two concurrent reviews by the same customer through", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const product = await newProduct();
      const customer = await harness.customer();
      const results = await Promise.all([
        create(customer.token, review(product.id, { rating: 5 })),
        create(customer.token, review(product.id, { rating: 3 })),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      const outcomes = results.map((r) => r.data!.createReview);
      expect(outcomes.filter((o) => o.__typename === "Review")).toHaveLength(1);
      expect(
        outcomes.filter((o) => o.__typename === "ReviewError" && o.code === "ALREADY_REVIEWED"),
      ).toHaveLength(1);
      const rows = await reviewRows(product.id);
      expect(rows).toHaveLength(1);
      expect(await aggregates(product.id)).toMatchObject({ reviewCount: 1, ratingTotal: rows[0]!.rating });
    }
  });

  it("keeps the aggregates exact when many customers review the same product at once", async () => {
    const product = await newProduct();
    const ratings = [5, 4, 4, 3, 5, 1, 2, 5];
    const customers = await Promise.all(ratings.map(() => harness.customer()));
    await Promise.all(customers.map((c, i) => createOk(c.token, review(product.id, { rating: ratings[i] }))));
    const total = ratings.reduce((a, b) => a + b, 0);
    const after = await aggregates(product.id);
    expect(after).toMatchObject({ reviewCount: ratings.length, ratingTotal: total });
    expect(after.averageRating).toBeCloseTo(total / ratings.length, 5);
  });
});

describe("updateReview and deleteReview", () => {
  it("keeps reviewCount, ratingTotal and averageRating exact through create, update and delete", async () => {
    const product = await newProduct();
    const [a, b, c] = await Promise.all([harness.customer(), harness.customer(), harness.customer()]);
    const ra = await createOk(a.token, review(product.id, { rating: 5 }));
    const rb = await createOk(b.token, review(product.id, { rating: 4 }));
    const rc = await createOk(c.token, review(product.id, { rating: 2 }));
    expect(rc.product.reviewCount).toBe(3);
    expect(rc.product.averageRating).toBeCloseTo(11 / 3, 5);
    expect(await aggregates(product.id)).toMatchObject({ reviewCount: 3, ratingTotal: 11 });

    const updated = await harness.executeOk(
      UpdateReviewDocument,
      { id: rc.id, input: { rating: 5, title: "Changed my mind", body: "It grew on me." } },
      c,
    );
    expect(updated.updateReview).toMatchObject({
      rating: 5,
      title: "Changed my mind",
      body: "It grew on me.",
    });
    const afterUpdate = await aggregates(product.id);
    expect(afterUpdate).toMatchObject({ reviewCount: 3, ratingTotal: 14 });
    expect(afterUpdate.averageRating).toBeCloseTo(14 / 3, 5);

    await harness.executeOk(DeleteReviewDocument, { id: ra.id }, a);
    expect(await aggregates(product.id)).toEqual({ reviewCount: 2, ratingTotal: 9, averageRating: 4.5 });
    await harness.executeOk(DeleteReviewDocument, { id: rb.id }, b);
    const deleted = await harness.executeOk(DeleteReviewDocument, { id: rc.id }, c);
    expect(deleted.deleteReview).toBe(rc.id);
    expect(await aggregates(product.id)).toEqual({ reviewCount: 0, ratingTotal: 0, averageRating: null });
    const read = await harness.executeOk(ProductRatingDocument, { id: product.id });
    expect(read.product).toEqual({ averageRating: null, reviewCount: 0 });
  });

  it("shows fresh product aggregates to later mutations in the same operation", async () => {
    const product = await newProduct();
    const customer = await harness.customer();
    const created = await createOk(customer.token, review(product.id, { rating: 3 }));
    const data = await harness.executeOk(UpdateReviewTwiceDocument, { id: created.id }, customer);
    expect(data.low.product.averageRating).toBe(1);
    expect(data.high.product.averageRating).toBe(5);
  });

  it("lets only the author edit or delete a review", async () => {
    const product = await newProduct();
    const [author, other] = await Promise.all([harness.customer(), harness.customer()]);
    const created = await createOk(author.token, review(product.id, { rating: 4 }));
    const before = await reviewRows(product.id);

    const edit = await harness.execute(
      UpdateReviewDocument,
      { id: created.id, input: { rating: 1, body: "Vandalised" } },
      other,
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const remove = await harness.execute(DeleteReviewDocument, { id: created.id }, other);
    expect(remove.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const guest = await harness.execute(DeleteReviewDocument, { id: created.id });
    expect(guest.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    expect(await reviewRows(product.id)).toEqual(before);
    expect(await aggregates(product.id)).toEqual({ reviewCount: 1, ratingTotal: 4, averageRating: 4 });
  });

  it("answers NOT_FOUND for unknown and malformed review ids", async () => {
    const customer = await harness.customer();
    for (const id of [randomUUID(), "nope"]) {
      const edit = await harness.execute(
        UpdateReviewDocument,
        { id, input: { rating: 3, body: "x" } },
        customer,
      );
      expect(edit.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const remove = await harness.execute(DeleteReviewDocument, { id }, customer);
      expect(remove.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it("validates an edit like a new review and changes nothing when it is refused", async () => {
    const product = await newProduct();
    const customer = await harness.customer();
    const created = await createOk(customer.token, review(product.id, { rating: 4 }));
    const before = await reviewRows(product.id);
    for (const [input, code, field] of [
      [{ rating: 6, body: "Too good" }, "INVALID_RATING", "rating"],
      [{ rating: 0, body: "Too bad" }, "INVALID_RATING", "rating"],
      [{ rating: 3, body: "" }, "INVALID_INPUT", "body"],
    ] as const) {
      const result = await harness.executeOk(UpdateReviewDocument, { id: created.id, input }, customer);
      expect(result.updateReview).toMatchObject({ __typename: "ReviewError", code, field });
    }
    expect(await reviewRows(product.id)).toEqual(before);
    expect(await aggregates(product.id)).toEqual({ reviewCount: 1, ratingTotal: 4, averageRating: 4 });
  });
});

describe("Product.reviews", () => {
  /** Reviews written straight to the table, several sharing a timestamp so the id breaks ties. */
  async function productWithReviews(total: number) {
    const product = await newProduct();
    const base = Date.now() - 3_600_000;
    const rows = await db()
      .insert(schema.reviews)
      .values(
        Array.from({ length: total }, (_, i) => ({
          productId: product.id,
          authorId: randomUUID(),
          rating: (i % 5) + 1,
          body: `Review ${i}`,
          createdAt: new Date(base + Math.floor(i / 3) * 1000),
        })),
      )
      .returning();
    const newestFirst = [...rows].sort(
      (x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0),
    );
    return { product, newestFirst };
  }

  it("pages newest first with cursors that cover every review exactly once", async () => {
    const { product, newestFirst } = await productWithReviews(23);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: ProductReviewsQuery = await harness.executeOk(ProductReviewsDocument, {
        id: product.id,
        first: 5,
        after,
      });
      const { edges, pageInfo } = data.product!.reviews;
      seen.push(...edges.map((edge) => edge.node.id));
      pages++;
      if (!pageInfo.hasNextPage) break;
      expect(edges).toHaveLength(5);
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(newestFirst.map((row) => row.id));
  });

  it("returns ten by default, refuses pages over 100 and bad cursors", async () => {
    const { product, newestFirst } = await productWithReviews(12);
    const data = await harness.executeOk(ProductReviewsDocument, { id: product.id });
    expect(data.product!.reviews.edges.map((e) => e.node.id)).toEqual(
      newestFirst.slice(0, 10).map((r) => r.id),
    );
    expect(data.product!.reviews.edges[0]?.node.author.id).toBe(newestFirst[0]!.authorId);
    expect(data.product!.reviews.pageInfo.hasNextPage).toBe(true);

    const tooMany = await harness.execute(ProductReviewsDocument, { id: product.id, first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badCursor = await harness.execute(ProductReviewsDocument, { id: product.id, after: "garbage" });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("loads the first page of reviews for many products in one statement", async () => {
    const products = await Promise.all(Array.from({ length: 6 }, () => productWithReviews(4)));
    const { result, statements } = await countSql({ catalogue: harness.catalogue.database }, () =>
      harness.executeOk(ProductReviewEntitiesDocument, {
        representations: products.map((p) => ({ __typename: "Product", id: p.product.id })),
      }),
    );
    expect(result._entities.map((p) => p!.reviews.nodes.length)).toEqual([3, 3, 3, 3, 3, 3]);
    // One statement for the products, one for all their reviews.
    expect(statements.catalogue).toBe(2);
  });
});
