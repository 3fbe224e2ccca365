import type { CatalogueContext } from "../context";
import type { ReviewRow } from "../db/schema";
import type { ProductRecord } from "../loaders";
import * as reviews from "../services/reviews";

export const reviewResolvers = {
  Mutation: {
    createReview: (_: unknown, args: { input: reviews.CreateReviewInput }, ctx: CatalogueContext) =>
      reviews.createReview(ctx, args.input),
    updateReview: (
      _: unknown,
      args: { id: string; input: reviews.UpdateReviewInput },
      ctx: CatalogueContext,
    ) => reviews.updateReview(ctx, args.id, args.input),
    deleteReview: (_: unknown, args: { id: string }, ctx: CatalogueContext) =>
      reviews.deleteReview(ctx, args.id),
  },
  ReviewResult: {
    __resolveType: (result: reviews.ReviewResult) => ("code" in result ? "ReviewError" : "Review"),
  },
  Review: {
    // The users subgraph owns User; the router fetches whatever else the client selects.
    author: (review: ReviewRow) => ({ __typename: "User", id: review.authorId }),
    // Archived products still resolve here: the review is theirs whether or not they are on sale.
    product: (review: ReviewRow, _: unknown, ctx: CatalogueContext) =>
      ctx.loaders.productById.load(review.productId),
  },
  Product: {
    reviews: (
      product: ProductRecord,
      args: { first?: number | null; after?: string | null },
      ctx: CatalogueContext,
    ) => reviews.productReviews(ctx, product.id, args),
  },
};
