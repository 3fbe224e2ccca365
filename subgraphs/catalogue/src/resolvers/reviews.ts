import type { Resolvers } from "../generated/resolvers";
import * as reviews from "../services/reviews";

export const reviewResolvers = {
  Mutation: {
    createReview: (_, args, ctx) => reviews.createReview(ctx, args.input),
    updateReview: (_, args, ctx) => reviews.updateReview(ctx, args.id, args.input),
    deleteReview: (_, args, ctx) => reviews.deleteReview(ctx, args.id),
  },
  Review: {
    // The users subgraph owns User; the router fetches whatever else the client selects.
    author: (review) => ({ __typename: "User", id: review.authorId }),
    // Archived products still resolve here: the review is theirs whether or not they are on sale
    // (and a foreign key keeps the product, so the load finds it).
    product: async (review, _, ctx) => (await ctx.loaders.productById.load(review.productId))!,
  },
  Product: {
    reviews: (product, args, ctx) => reviews.productReviews(ctx, product.id, args),
  },
} satisfies Resolvers;
