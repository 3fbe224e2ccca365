import { and, desc, eq, sql } from "drizzle-orm";
import { requireViewer } from "@storefront/platform/auth";
import { forbidden, notFound } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { newestFirst } from "@storefront/platform/keyset";
import { pageSize, toConnection, type Connection } from "@storefront/platform/pagination";
import { failure, typed, type Failure, type Typed } from "@storefront/platform/result";
import type { CatalogueDependencies } from "../dependencies";
import type { CatalogueRequest } from "../request";
import type { CatalogueDatabase } from "../db";
import { products, reviews, type ReviewRow } from "../db/schema";
import type { CreateReviewInput, ProductReviewsArgs, UpdateReviewInput } from "../generated/resolvers";

export type ReviewErrorCode = "INVALID_RATING" | "INVALID_INPUT" | "ALREADY_REVIEWED" | "PRODUCT_NOT_FOUND";

export type ReviewError = Failure<"ReviewError", ReviewErrorCode, { field: string | null }>;

export type ReviewResult = Typed<"Review", ReviewRow> | ReviewError;

const MAX_TITLE = 120;
const MAX_BODY = 5000;
const DEFAULT_PAGE = 10;

const reviewError = (code: ReviewErrorCode, message: string, field: string | null = null): ReviewError =>
  failure("ReviewError", code, message, { field });

/** Counted in code points, as PostgreSQL's char_length does, so an emoji is one character. */
const length = (text: string) => [...text].length;

/** The trimmed fields to store, or the first problem with them. */
function checkContent(input: UpdateReviewInput): Pick<ReviewRow, "rating" | "title" | "body"> | ReviewError {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    return reviewError("INVALID_RATING", "The rating must be a whole number from 1 to 5.", "rating");
  }
  const title = input.title?.trim() || null;
  if (title && length(title) > MAX_TITLE) {
    return reviewError("INVALID_INPUT", `The title must be at most ${MAX_TITLE} characters.`, "title");
  }
  const body = input.body.trim();
  if (!body) return reviewError("INVALID_INPUT", "The review text must not be empty.", "body");
  if (length(body) > MAX_BODY) {
    return reviewError("INVALID_INPUT", `The review text must be at most ${MAX_BODY} characters.`, "body");
  }
  return { rating: input.rating, title, body };
}

/**
 * Moves a product's rating aggregates by a review change. The arithmetic happens in SQL on the
 * locked row, so concurrent changes to the same product's reviews add up instead of overwriting.
 */
async function adjustRating(
  db: CatalogueDatabase,
  productId: string,
  change: { count: number; total: number },
) {
  const count = sql`${products.reviewCount} + ${change.count}::integer`;
  const total = sql`${products.ratingTotal} + ${change.total}::integer`;
  await db
    .update(products)
    .set({
      reviewCount: count,
      ratingTotal: total,
      averageRating: sql`case when ${count} = 0 then null else (${total})::double precision / (${count}) end`,
    })
    .where(eq(products.id, productId));
}

/** Later fields of the same operation (`product { averageRating reviews }`) must see the change. */
function forgetProduct(request: CatalogueRequest, productId: string) {
  request.loaders.productById.clear(productId);
  request.loaders.firstReviewsByProduct.clearAll();
}

export async function createReview(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  input: CreateReviewInput,
): Promise<ReviewResult> {
  const viewer = requireViewer(request.viewer);
  const content = checkContent(input);
  if ("__typename" in content) return content;
  const notFoundError = reviewError(
    "PRODUCT_NOT_FOUND",
    "This product does not exist or is no longer sold.",
    "productId",
  );
  if (!isUuid(input.productId)) return notFoundError;

  const result = await deps.db.transaction(async (tx): Promise<ReviewResult> => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.status, "ACTIVE")));
    if (!product) return notFoundError;
    // The unique index decides between concurrent attempts: the loser waits for the winner's
    // commit and then inserts nothing, instead of failing with a constraint violation.
    const [review] = await tx
      .insert(reviews)
      .values({ productId: product.id, authorId: viewer.userId, ...content })
      .onConflictDoNothing({ target: [reviews.productId, reviews.authorId] })
      .returning();
    if (!review) {
      return reviewError(
        "ALREADY_REVIEWED",
        "You have already reviewed this product; edit that review instead.",
        "productId",
      );
    }
    await adjustRating(tx, product.id, { count: 1, total: review.rating });
    return typed("Review", review);
  });
  if (result.__typename === "Review") forgetProduct(request, result.productId);
  return result;
}

/** The viewer's own review, locked until the transaction ends so edits and deletes queue up. */
async function ownReview(db: CatalogueDatabase, userId: string, id: string): Promise<ReviewRow> {
  const [review] = isUuid(id) ? await db.select().from(reviews).where(eq(reviews.id, id)).for("update") : [];
  if (!review) throw notFound("Review");
  // Reviews are public, so saying that it exists reveals nothing.
  if (review.authorId !== userId) throw forbidden("Only the author can change this review.");
  return review;
}

export async function updateReview(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
  input: UpdateReviewInput,
): Promise<ReviewResult> {
  const viewer = requireViewer(request.viewer);
  const result = await deps.db.transaction(async (tx): Promise<ReviewResult> => {
    const current = await ownReview(tx, viewer.userId, id);
    const content = checkContent(input);
    if ("__typename" in content) return content;
    const [updated] = await tx
      .update(reviews)
      .set({ ...content, updatedAt: new Date() })
      .where(eq(reviews.id, current.id))
      .returning();
    await adjustRating(tx, current.productId, { count: 0, total: content.rating - current.rating });
    return typed("Review", updated!);
  });
  if (result.__typename === "Review") forgetProduct(request, result.productId);
  return result;
}

export async function deleteReview(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
): Promise<string> {
  const viewer = requireViewer(request.viewer);
  const removed = await deps.db.transaction(async (tx) => {
    const current = await ownReview(tx, viewer.userId, id);
    await tx.delete(reviews).where(eq(reviews.id, current.id));
    await adjustRating(tx, current.productId, { count: -1, total: -current.rating });
    return current;
  });
  forgetProduct(request, removed.productId);
  return removed.id;
}

/**
 * A product's reviews, newest first. The first page comes through the batched loader, so a
 * listing of many products costs one statement for all their reviews; later pages are one
 * product at a time, continuing after the cursor's (created_at, id).
 */
export async function productReviews(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  productId: string,
  args: ProductReviewsArgs,
): Promise<Connection<ReviewRow>> {
  const limit = pageSize(args.first, DEFAULT_PAGE);
  if (!args.after) {
    const rows = await request.loaders.firstReviewsByProduct.load({ productId, limit: limit + 1 });
    return toConnection(rows, limit, newestFirst.cursorOf);
  }
  const rows = await deps.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.productId, productId), newestFirst.after(reviews, args.after)))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit + 1);
  return toConnection(rows, limit, newestFirst.cursorOf);
}
