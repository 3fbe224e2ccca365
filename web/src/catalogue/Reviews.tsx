import { LoadMore } from "../components/LoadMore";
import { Rating } from "../components/Rating";
import { ErrorNotice, Loading } from "../components/Status";
import { useSession } from "../session/SessionProvider";
import { ReviewForm } from "./ReviewForm";
import type { ReviewPage } from "./reviewPage";
import { Link, useLocation } from "react-router";

/**
 * A product's reviews. The first page comes with the product page query, deferred: until it
 * arrives (`reviews` undefined while `loading`) the rest of the page is already shown. Later pages
 * are ProductReviews queries appended to it (`loadMore`).
 */
export function Reviews({
  productId,
  averageRating,
  reviewCount,
  reviews,
  loading,
  error,
  retry,
  loadMore,
}: {
  productId: string;
  averageRating: number | null;
  reviewCount: number;
  reviews: ReviewPage | undefined;
  loading: boolean;
  error: unknown;
  retry: () => void;
  loadMore: (after: string | null) => Promise<unknown>;
}) {
  const { user } = useSession();
  const { pathname } = useLocation();
  return (
    <section className="reviews" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      <p>
        <Rating value={averageRating} count={reviewCount} />
      </p>
      {user ? (
        <ReviewForm productId={productId} />
      ) : (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`}>Sign in</Link> to write a review.
        </p>
      )}
      {!reviews && loading && <Loading label="Loading reviews…" />}
      {!reviews && !loading && error !== undefined && <ErrorNotice error={error} retry={retry} />}
      {reviews && (
        <>
          <ul className="review-list">
            {reviews.nodes.map((review) => (
              <li key={review.id}>
                <article className="review">
                  <header>
                    <Rating value={review.rating} />
                    {review.title && <h3>{review.title}</h3>}
                  </header>
                  <p>{review.body}</p>
                  <p className="review-meta">
                    {review.author.name} ·{" "}
                    <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
                  </p>
                </article>
              </li>
            ))}
          </ul>
          {reviews.pageInfo.hasNextPage && (
            <LoadMore label="More reviews" onLoad={() => loadMore(reviews.pageInfo.endCursor)} />
          )}
        </>
      )}
    </section>
  );
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}
