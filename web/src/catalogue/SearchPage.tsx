import { useQuery } from "@apollo/client/react";
import { useId, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { LoadMore } from "../components/LoadMore";
import { ErrorNotice, Loading } from "../components/Status";
import {
  CategoriesDocument,
  SearchProductsDocument,
  type ProductFilter,
  type ProductSort,
} from "../graphql/generated/graphql";
import { CategoryTree, flattenCategories } from "./CategoryTree";
import { ProductGrid } from "./ProductGrid";
import { formText } from "../components/form";

const PAGE_SIZE = 12;
const SORTS: { value: ProductSort; label: string }[] = [
  { value: "RELEVANCE", label: "Best match" },
  { value: "NEWEST", label: "Newest" },
  { value: "PRICE_ASC", label: "Price, low to high" },
  { value: "PRICE_DESC", label: "Price, high to low" },
  { value: "RATING", label: "Best rated" },
];

/** Prices are typed in major units; the shop's currency has two decimals (minor units = × 100). */
const toMinor = (value: string | null) =>
  value && Number.isFinite(Number(value)) ? Math.round(Number(value) * 100) : undefined;

/** Search, filters and sort live in the URL, so results can be shared, bookmarked and gone back to. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const categories = useQuery(CategoriesDocument);
  const categoryRows = flattenCategories(categories.data?.categories ?? []);
  const categorySlug = params.get("category") ?? "";
  const category = categoryRows.find((row) => row.slug === categorySlug);
  const query = params.get("q") ?? "";
  const sort = (params.get("sort") as ProductSort | null) ?? (query ? "RELEVANCE" : "NEWEST");
  const filter: ProductFilter = {
    query: query || undefined,
    categoryId: category?.id,
    minPrice: toMinor(params.get("min")),
    maxPrice: toMinor(params.get("max")),
    inStock: params.get("inStock") === "1" || undefined,
  };
  // Wait for the tree before filtering by a category slug, or the first answer would be unfiltered.
  const waitingForCategory = Boolean(categorySlug) && !categories.data;
  const { data, loading, error, refetch, fetchMore } = useQuery(SearchProductsDocument, {
    variables: { filter, sort, first: PAGE_SIZE },
    skip: waitingForCategory,
    notifyOnNetworkStatusChange: false,
  });

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ["q", "category", "min", "max", "sort"]) {
      const value = formText(form, name);
      if (value) next.set(name, value);
    }
    if (form.get("inStock")) next.set("inStock", "1");
    setParams(next);
  };

  const heading = category ? category.name : query ? `Results for “${query}”` : "All products";
  const formId = useId();
  const results = data?.products;
  return (
    <div className="with-sidebar">
      <aside className="sidebar">
        <CategoryTree currentSlug={categorySlug} />
      </aside>
      <section className="page" aria-labelledby={`${formId}-title`}>
        <h1 id={`${formId}-title`}>{heading}</h1>
        <form className="filters" onSubmit={apply} key={params.toString()} aria-label="Filter and sort">
          <div className="field">
            <label htmlFor={`${formId}-q`}>Search</label>
            <input id={`${formId}-q`} name="q" type="search" defaultValue={query} />
          </div>
          <div className="field">
            <label htmlFor={`${formId}-category`}>Category</label>
            <select id={`${formId}-category`} name="category" defaultValue={categorySlug}>
              <option value="">All categories</option>
              {categoryRows.map((row) => (
                <option key={row.id} value={row.slug}>
                  {"\u00a0\u00a0".repeat(row.depth)}
                  {row.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-short">
            <label htmlFor={`${formId}-min`}>Min price</label>
            <input
              id={`${formId}-min`}
              name="min"
              type="number"
              min="0"
              step="0.01"
              defaultValue={params.get("min") ?? ""}
            />
          </div>
          <div className="field field-short">
            <label htmlFor={`${formId}-max`}>Max price</label>
            <input
              id={`${formId}-max`}
              name="max"
              type="number"
              min="0"
              step="0.01"
              defaultValue={params.get("max") ?? ""}
            />
          </div>
          <div className="field">
            <label htmlFor={`${formId}-sort`}>Sort by</label>
            <select id={`${formId}-sort`} name="sort" defaultValue={sort}>
              {SORTS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-check">
            <input
              id={`${formId}-stock`}
              name="inStock"
              type="checkbox"
              defaultChecked={params.get("inStock") === "1"}
            />
            <label htmlFor={`${formId}-stock`}>In stock only</label>
          </div>
          <button type="submit">Apply</button>
        </form>

        {(loading || waitingForCategory) && !results && <Loading label="Searching…" />}
        {error && <ErrorNotice error={error} retry={() => void refetch()} />}
        {/* Only the count is live (always there, so each change is heard), not the whole grid. */}
        <div aria-live="polite" aria-atomic="true">
          {results && (
            <p className="result-count">
              Showing {results.nodes.length} product{results.nodes.length === 1 ? "" : "s"}
              {results.pageInfo.hasNextPage ? " (more available)" : ""}
            </p>
          )}
        </div>
        {results && (
          <div aria-busy={loading}>
            <ProductGrid products={results.nodes} />
            {results.pageInfo.hasNextPage && (
              <LoadMore
                label="Load more products"
                onLoad={() => fetchMore({ variables: { after: results.pageInfo.endCursor } })}
              />
            )}
          </div>
        )}
      </section>
    </div>
  );
}
