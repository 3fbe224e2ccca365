import { useQuery } from "@apollo/client/react";
import { LoadMore } from "../components/LoadMore";
import { Rating } from "../components/Rating";
import { ErrorNotice, Loading } from "../components/Status";
import { ProductReviewsDocument } from "../graphql/generated/graphql";
import { useSession } from "../session/SessionProvider";
import { ReviewForm } from "./ReviewForm";
import { Link, useLocation } from "react-router";

const PAGE_SIZE = 5;

export function Reviews({
  productId,
  averageRating,
  reviewCount,
}: {
  productId: string;
  averageRating: number | null;
  reviewCount: number;
}) {
  const { user } = useSession();
  const { pathname } = useLocation();
  const { data, loading, error, refetch, fetchMore } = useQuery(ProductReviewsDocument, {
    variables: { productId, first: PAGE_SIZE },
  });
  const reviews = data?.product?.reviews;
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
      {loading && !data && <Loading label="Loading reviews…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
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
            <LoadMore
              label="More reviews"
              onLoad={() => fetchMore({ variables: { after: reviews.pageInfo.endCursor } })}
            />
          )}
        </>
      )}
    </section>
  );
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}
