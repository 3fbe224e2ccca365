import type { ProductReviewsQuery } from "../graphql/generated/graphql";

/**
 * Reviews per page: the product page query's deferred first page (ProductPage.graphql says 5 too),
 * each "more reviews" and the refresh after a review is published.
 */
export const REVIEWS_PAGE_SIZE = 5;

/** One page of a product's reviews, with its cursor. */
export type ReviewPage = NonNullable<ProductReviewsQuery["product"]>["reviews"];
