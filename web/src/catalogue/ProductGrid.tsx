import { Link } from "react-router";
import { Money } from "../components/Money";
import { Rating } from "../components/Rating";
import type { ProductCardFragment } from "../graphql/generated/graphql";

export function ProductGrid({ products }: { products: readonly ProductCardFragment[] }) {
  if (!products.length) return <p className="empty">No products match.</p>;
  return (
    <ul className="product-grid">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}

function ProductCard({ product }: { product: ProductCardFragment }) {
  const image = product.images[0];
  return (
    <article className="product-card">
      {image ? (
        <img src={image.url} alt={image.alt} loading="lazy" width={320} height={240} />
      ) : (
        <div className="image-placeholder" aria-hidden="true" />
      )}
      <h3>
        <Link to={`/products/${product.slug}`}>{product.name}</Link>
      </h3>
      <p className="price">
        <Money value={product.price} />
      </p>
      <Rating value={product.averageRating} count={product.reviewCount} />
      {!product.inStock && <p className="stock stock-out">Out of stock</p>}
    </article>
  );
}
