import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { ErrorNotice, Loading } from "../components/Status";
import { SearchProductsDocument } from "../graphql/generated/graphql";
import { CategoryTree } from "./CategoryTree";
import { ProductGrid } from "./ProductGrid";

export function HomePage() {
  const { data, loading, error, refetch } = useQuery(SearchProductsDocument, {
    variables: { sort: "NEWEST", first: 8, filter: { inStock: true } },
  });
  return (
    <div className="with-sidebar">
      <aside className="sidebar">
        <CategoryTree />
      </aside>
      <section className="page" aria-labelledby="home-title">
        <h1 id="home-title">New in</h1>
        {loading && !data && <Loading label="Loading products…" />}
        {error && <ErrorNotice error={error} retry={() => void refetch()} />}
        {data && <ProductGrid products={data.products.nodes} />}
        <p>
          <Link to="/search">Browse everything</Link>
        </p>
      </section>
    </div>
  );
}
