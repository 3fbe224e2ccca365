/**
 * The storefront's own operations, read from the web's documents (web/src/graphql) when the
 * benchmark starts, so they stay what the shop sends:
 *
 * - `productPage`: ProductPage.graphql without `@defer`, with its first page of reviews (review
 *   text and author names, the users subgraph's) in `product` like every other field: the page's
 *   own `reviews` field, taken out of the deferred fragment it sits in, or, in a page that has
 *   none, ProductReviews.graphql's as its first page (`first:` the web's page size, no cursor);
 * - `productPageDeferred`: the same with that `reviews` field alone in
 *   `... @defer(label: "reviews")`;
 * - `search`: SearchProducts.graphql as is.
 *
 * Each document holds exactly the fragments it spreads.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";

const WEB_DOCUMENTS = path.resolve(import.meta.dirname, "../../web/src/graphql");
/** The product page's reviews page size (web/src/catalogue/Reviews.tsx). */
export const REVIEWS_PAGE_SIZE = 5;

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : graphqlFiles(full);
    return entry.name.endsWith(".graphql") ? [full] : [];
  });
}

function webDefinitions() {
  const operations = new Map<string, OperationDefinitionNode>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of graphqlFiles(WEB_DOCUMENTS)) {
    for (const definition of parse(readFileSync(file, "utf8")).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name)
        operations.set(definition.name.value, definition);
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  const operation = (name: string) => {
    const found = operations.get(name);
    if (!found) throw new Error(`web/src/graphql has no operation ${name}`);
    return found;
  };
  return { operation, fragments };
}

/** The operation with the fragments it spreads, transitively, printed. */
function standalone(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): string {
  const needed = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`web/src/graphql has no fragment ${spread.name.value}`);
        if (needed.has(fragment.name.value)) return;
        needed.set(fragment.name.value, fragment);
        collect(fragment);
      },
    });
  collect(operation);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
  return print(document);
}

/** `node` with every `@defer` directive removed (its fragment then arrives with the rest). */
const withoutDefer = <T extends SelectionNode>(node: T): T =>
  visit(node, { Directive: (directive) => (directive.name.value === "defer" ? null : undefined) });

function rootField(operation: OperationDefinitionNode, name: string): FieldNode {
  const field = operation.selectionSet.selections.find(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === name,
  );
  if (!field?.selectionSet) throw new Error(`${operation.name?.value} has no ${name} { … } field`);
  return field;
}

export interface StorefrontOperations {
  productPage: string;
  productPageDeferred: string;
  search: string;
}

const isDefer = (selection: SelectionNode) =>
  selection.kind === Kind.INLINE_FRAGMENT &&
  !selection.typeCondition &&
  (selection.directives ?? []).some((directive) => directive.name.value === "defer");

/** The page's `product` selections with its first page of reviews apart, any `@defer` around it undone. */
function splitReviews(product: FieldNode): { rest: SelectionNode[]; reviews: FieldNode | undefined } {
  const rest: SelectionNode[] = [];
  let reviews: FieldNode | undefined;
  const take = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === "reviews") reviews ??= selection;
      else if (isDefer(selection) && selection.kind === Kind.INLINE_FRAGMENT)
        take(selection.selectionSet.selections);
      else rest.push(selection);
    }
  };
  take(product.selectionSet!.selections);
  return { rest, reviews };
}

/** ProductReviews' `reviews` field as the first page: `first:` the web's page size, no cursor. */
function firstReviewsPage(productReviews: OperationDefinitionNode): FieldNode {
  const field = rootField(productReviews, "product").selectionSet!.selections.find(
    (selection): selection is FieldNode =>
      selection.kind === Kind.FIELD && selection.name.value === "reviews",
  );
  if (!field) throw new Error("ProductReviews has no product { reviews } field");
  return {
    ...field,
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: "first" },
        value: { kind: Kind.INT, value: String(REVIEWS_PAGE_SIZE) },
      },
    ],
  };
}

export function storefrontOperations(): StorefrontOperations {
  const { operation, fragments } = webDefinitions();
  const page = operation("ProductPage");
  const product = rootField(page, "product");
  const split = splitReviews(product);
  const rest = split.rest.map((selection) => withoutDefer(selection));
  const reviews = withoutDefer(split.reviews ?? firstReviewsPage(operation("ProductReviews")));
  const deferred: SelectionNode = {
    kind: Kind.INLINE_FRAGMENT,
    directives: [
      {
        kind: Kind.DIRECTIVE,
        name: { kind: Kind.NAME, value: "defer" },
        arguments: [
          {
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: "label" },
            value: { kind: Kind.STRING, value: "reviews" },
          },
        ],
      },
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [reviews] },
  };
  const pageWith = (last: SelectionNode): OperationDefinitionNode => ({
    ...page,
    selectionSet: {
      ...page.selectionSet,
      selections: page.selectionSet.selections.map((selection) =>
        selection === product
          ? { ...product, selectionSet: { ...product.selectionSet!, selections: [...rest, last] } }
          : selection,
      ),
    },
  });
  return {
    productPage: standalone(pageWith(reviews), fragments),
    productPageDeferred: standalone(pageWith(deferred), fragments),
    search: standalone(operation("SearchProducts"), fragments),
  };
}
