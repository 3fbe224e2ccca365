import type { Resolvers } from "../generated/resolvers";

export const reviewResolvers = {
  Mutation: {
    createReview: (_, args, ctx) => ctx.useCases.createReview(ctx, args.input),
    updateReview: (_, args, ctx) => ctx.useCases.updateReview(ctx, args.id, args.input),
    deleteReview: (_, args, ctx) => ctx.useCases.deleteReview(ctx, args.id),
  },
  Review: {
    // The users subgraph owns User; the router fetches whatever else the client selects.
    author: (review) => ({ __typename: "User", id: review.authorId }),
    // Archived products still resolve here: the review is theirs whether or not they are on sale
    // (and a foreign key keeps the product, so the load finds it).
    product: async (review, _, ctx) => (await ctx.loaders.productById.load(review.productId))!,
  },
  Product: {
    reviews: (product, args, ctx) => ctx.useCases.productReviews(ctx, product.id, args),
  },
} satisfies Resolvers;
