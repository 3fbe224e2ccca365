import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { CategoriesDocument, type CategoriesQuery } from "../graphql/generated/graphql";
import { ErrorNotice, Loading } from "../components/Status";

type CategoryBranch = CategoriesQuery["categories"][number];

/** The category tree as nested lists of links; the current category is marked for assistive tech. */
export function CategoryTree({ currentSlug }: { currentSlug?: string | undefined }) {
  const { data, loading, error, refetch } = useQuery(CategoriesDocument);
  if (loading && !data) return <Loading label="Loading categories…" />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  return (
    <nav aria-label="Categories" className="category-tree">
      <h2>Categories</h2>
      <CategoryList categories={data?.categories ?? []} currentSlug={currentSlug} />
    </nav>
  );
}

function CategoryList({
  categories,
  currentSlug,
}: {
  categories: readonly { id: string; slug: string; name: string; children?: readonly unknown[] }[];
  currentSlug: string | undefined;
}) {
  if (!categories.length) return null;
  return (
    <ul>
      {categories.map((category) => (
        <li key={category.id}>
          <Link
            to={`/search?category=${encodeURIComponent(category.slug)}`}
            aria-current={category.slug === currentSlug ? "page" : undefined}
          >
            {category.name}
          </Link>
          {category.children && (
            <CategoryList
              categories={category.children as CategoryBranch["children"]}
              currentSlug={currentSlug}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Every category of the tree, flattened with its depth (for a select). */
export function flattenCategories(categories: readonly CategoryBranch[]) {
  const rows: { id: string; slug: string; name: string; depth: number }[] = [];
  const walk = (
    list: readonly { id: string; slug: string; name: string; children?: readonly unknown[] }[],
    depth: number,
  ) => {
    for (const category of list) {
      rows.push({ id: category.id, slug: category.slug, name: category.name, depth });
      if (category.children) walk(category.children as CategoryBranch["children"], depth + 1);
    }
  };
  walk(categories, 0);
  return rows;
}
