import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { Money } from "../components/Money";
import { Rating } from "../components/Rating";
import { ErrorNotice, Loading } from "../components/Status";
import {
  ProductPageDocument,
  ProductReviewsDocument,
  type ProductPageQuery,
} from "../graphql/generated/graphql";
import { AddToCartForm } from "./AddToCartForm";
import { REVIEWS_PAGE_SIZE } from "./reviewPage";
import { Reviews } from "./Reviews";

type Product = NonNullable<ProductPageQuery["product"]>;

export function ProductPage() {
  const { slug = "" } = useParams();
  // Rendered from the first part of the answer; the reviews' deferred part follows (`loading`).
  const { data, loading, error, refetch, fetchMore } = useQuery(ProductPageDocument, {
    variables: { slug },
  });
  if (loading && !data) return <Loading label="Loading product…" />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const product = data?.product;
  if (!product) {
    return (
      <section className="page">
        <h1>Product not found</h1>
        <p>
          It may have been taken off sale. <Link to="/search">Browse the shop</Link>
        </p>
      </section>
    );
  }
  return (
    <ProductDetails
      key={product.id}
      product={product}
      reviews={{
        loading,
        error,
        retry: () => void refetch(),
        // Later pages: ProductReviews, appended to the first page by the cache's field policy.
        loadMore: (after) =>
          fetchMore({
            query: ProductReviewsDocument,
            variables: { productId: product.id, first: REVIEWS_PAGE_SIZE, after },
          }),
      }}
    />
  );
}

interface ReviewsState {
  loading: boolean;
  error: unknown;
  retry: () => void;
  loadMore: (after: string | null) => Promise<unknown>;
}

function ProductDetails({ product, reviews }: { product: Product; reviews: ReviewsState }) {
  const firstInStock = product.variants.find((variant) => variant.inStock) ?? product.variants[0];
  const [variantId, setVariantId] = useState(firstInStock?.id);
  const variant = product.variants.find((candidate) => candidate.id === variantId);
  const selectId = useId();

  return (
    <article className="page product-page" aria-labelledby={`${selectId}-name`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Home</Link>
          </li>
          {product.category && (
            <li>
              <Link to={`/search?category=${encodeURIComponent(product.category.slug)}`}>
                {product.category.name}
              </Link>
            </li>
          )}
          <li aria-current="page">{product.name}</li>
        </ol>
      </nav>
      <div className="product-layout">
        <Gallery images={product.images} />
        <div className="product-summary">
          <h1 id={`${selectId}-name`}>{product.name}</h1>
          <Rating value={product.averageRating} count={product.reviewCount} />
          <p className="price price-large">
            <Money value={variant?.price ?? product.price} />
          </p>
          {product.variants.length > 1 && (
            <div className="field">
              <label htmlFor={selectId}>Option</label>
              <select id={selectId} value={variantId} onChange={(event) => setVariantId(event.target.value)}>
                {product.variants.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                    {option.inStock ? "" : " — out of stock"}
                  </option>
                ))}
              </select>
            </div>
          )}
          {variant ? (
            <StockState stockOnHand={variant.stockOnHand} />
          ) : (
            <p className="stock stock-out">Not available</p>
          )}
          {variant && (
            <AddToCartForm variantId={variant.id} maxQuantity={Math.min(99, variant.stockOnHand)} />
          )}
          <p className="description">{product.description}</p>
          {(product.attributes.length > 0 || (variant?.attributes.length ?? 0) > 0) && (
            <dl className="attributes">
              {[...product.attributes, ...(variant?.attributes ?? [])].map((attribute) => (
                <div key={`${attribute.name}:${attribute.value}`}>
                  <dt>{attribute.name}</dt>
                  <dd>{attribute.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className="sku">SKU {variant?.sku ?? product.sku}</p>
        </div>
      </div>
      <Reviews
        productId={product.id}
        averageRating={product.averageRating}
        reviewCount={product.reviewCount}
        reviews={product.reviews}
        {...reviews}
      />
    </article>
  );
}

function StockState({ stockOnHand }: { stockOnHand: number }) {
  if (stockOnHand <= 0) return <p className="stock stock-out">Out of stock</p>;
  if (stockOnHand < 5) return <p className="stock stock-low">Only {stockOnHand} left</p>;
  return <p className="stock stock-in">In stock</p>;
}

function Gallery({ images }: { images: Product["images"] }) {
  const [index, setIndex] = useState(0);
  const current = images[index] ?? images[0];
  if (!current) return <div className="image-placeholder large" aria-hidden="true" />;
  return (
    <div className="gallery">
      <img src={current.url} alt={current.alt} width={640} height={480} />
      {images.length > 1 && (
        <ul className="thumbnails" aria-label="More images">
          {images.map((image, i) => (
            <li key={image.url}>
              <button type="button" aria-pressed={i === index} onClick={() => setIndex(i)}>
                <img src={image.url} alt={`Show image: ${image.alt}`} width={80} height={60} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
