import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { reviews, users, type Review } from "../data";

const byId = new Map(reviews.map((review) => [review.id, review]));
const usernames = new Map(users.map((user) => [user.id, user.username]));
const groupBy = (key: (review: Review) => string) => {
  const groups = new Map<string, Review[]>();
  for (const review of reviews) groups.set(key(review), [...(groups.get(key(review)) ?? []), review]);
  return groups;
};
const byAuthor = groupBy((review) => review.authorId);
const byProduct = groupBy((review) => review.productUpc);

export const resolvers: GraphQLResolverMap<unknown> = {
  Review: {
    __resolveReference: (reference: Pick<Review, "id">) => byId.get(reference.id),
    // The author's username travels with the review (@provides), as a denormalised copy would.
    author: (review: Review) => ({ id: review.authorId, username: usernames.get(review.authorId) }),
    product: (review: Review) => ({ upc: review.productUpc }),
  },
  User: {
    reviews: (user: { id: string }) => byAuthor.get(user.id) ?? [],
  },
  Product: {
    reviews: (product: { upc: string }) => byProduct.get(product.upc) ?? [],
  },
};
