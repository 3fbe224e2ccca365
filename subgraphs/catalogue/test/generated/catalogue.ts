/* eslint-disable */
// Generated from subgraphs/catalogue/test/operations/catalogue/ and the catalogue subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type AttributeInput = {
  name: string;
  value: string;
};

export type CategoryInput = {
  description?: string | null | undefined;
  name: string;
  parentId?: string | number | null | undefined;
  position?: number | null | undefined;
  /** Derived from the name when omitted. */
  slug?: string | null | undefined;
};

export type CreateProductInput = {
  attributes?: Array<AttributeInput> | null | undefined;
  categoryId?: string | number | null | undefined;
  /** ISO 4217, e.g. USD. */
  currency: string;
  description?: string | null | undefined;
  images?: Array<ProductImageInput> | null | undefined;
  name: string;
  /** Minor units. */
  priceAmount: number;
  sku: string;
  /** Derived from the name when omitted. */
  slug?: string | null | undefined;
};

export type CreateReviewInput = {
  body: string;
  productId: string | number;
  /** 1 to 5. */
  rating: number;
  title?: string | null | undefined;
};

export type CreateVariantInput = {
  attributes?: Array<AttributeInput> | null | undefined;
  name: string;
  /** Minor units, in the product's currency; the product's price when omitted. */
  priceAmount?: number | null | undefined;
  sku: string;
};

export type ProductFilter = {
  /** This category and all categories below it. */
  categoryId?: string | number | null | undefined;
  /** Only products with at least one variant in stock. */
  inStock?: boolean | null | undefined;
  /** Highest `price.amount`, inclusive, in minor units. */
  maxPrice?: number | null | undefined;
  /** Lowest `price.amount`, inclusive, in minor units. */
  minPrice?: number | null | undefined;
  /** Full-text search over name (weighted higher) and description. Supports quotes, `or` and `-word`. */
  query?: string | null | undefined;
};

export type ProductImageInput = {
  alt: string;
  url: string;
};

export type ProductSort =
  | "NEWEST"
  | "PRICE_ASC"
  | "PRICE_DESC"
  /** Highest average rating first; unrated products last. */
  | "RATING"
  /** Best match for `filter.query` first; without a query, the same as NEWEST. */
  | "RELEVANCE";

export type ProductStatus =
  /** On sale and visible in the storefront. */
  | "ACTIVE"
  /** No longer sold; kept for order history. Hidden from browsing and search. */
  | "ARCHIVED";

export type ReservationLineInput = {
  quantity: number;
  variantId: string | number;
};

export type ReservationStatus = "COMMITTED" | "HELD" | "RELEASED";

export type ReserveStockInput = {
  lines: Array<ReservationLineInput>;
  /** Chosen by the caller; the same id again returns the first outcome and reserves nothing more. */
  reservationId: string | number;
  /** How long the hold lasts before it is released automatically. */
  ttlSeconds: number;
};

export type ReviewErrorCode =
  /** This customer has already reviewed this product; edit that review instead. */
  | "ALREADY_REVIEWED"
  /** A field is missing, too long or otherwise not acceptable; see `field`. */
  | "INVALID_INPUT"
  /** The rating is not a whole number from 1 to 5. */
  | "INVALID_RATING"
  | "PRODUCT_NOT_FOUND";

export type StockMovementKind = "ADJUSTMENT" | "RECEIPT" | "RELEASE" | "RESERVATION" | "SALE";

export type UpdateReviewInput = {
  body: string;
  rating: number;
  title?: string | null | undefined;
};

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;

export type CreateProductMutation = {
  createProduct: { id: string; sku: string; slug: string; price: { amount: number; currency: string } };
};

export type CreateVariantMutationVariables = Exact<{
  productId: string | number;
  input: CreateVariantInput;
}>;

export type CreateVariantMutation = {
  createVariant: { sku: string; stockOnHand: number; inStock: boolean; price: { amount: number } };
};

export type ArchiveProductMutationVariables = Exact<{
  id: string | number;
}>;

export type ArchiveProductMutation = { archiveProduct: { status: ProductStatus } };

export type UpdateCategoryMutationVariables = Exact<{
  id: string | number;
  input: CategoryInput;
}>;

export type UpdateCategoryMutation = { updateCategory: { id: string; parent: { id: string } | null } };

export type ProductsQueryVariables = Exact<{
  filter?: ProductFilter | null | undefined;
  sort?: ProductSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ProductsQuery = {
  products: {
    nodes: Array<{ id: string; name: string; price: { amount: number } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ProductBySlugQueryVariables = Exact<{
  slug?: string | null | undefined;
}>;

export type ProductBySlugQuery = { product: { id: string } | null };

export type ProductByIdQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;

export type ProductByIdQuery = { product: { id: string } | null };

export type ProductStatusQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;

export type ProductStatusQuery = {
  product: { status: ProductStatus; variants: Array<{ status: ProductStatus }> } | null;
};

export type CategoryBySlugQueryVariables = Exact<{
  slug?: string | null | undefined;
}>;

export type CategoryBySlugQuery = { category: { id: string } | null };

export type CategoryChildrenQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;

export type CategoryChildrenQuery = {
  category: { children: Array<{ id: string; parent: { id: string } | null }> } | null;
};

export type MalformedIdsQueryVariables = Exact<{ [key: string]: never }>;

export type MalformedIdsQuery = {
  emptyProduct: { id: string } | null;
  emptyCategory: { id: string } | null;
  wordProduct: { id: string } | null;
  wordCategory: { id: string } | null;
  inEmptyCategory: { nodes: Array<{ id: string }> };
};

export type ReservationFieldsFragment = {
  id: string;
  status: ReservationStatus;
  expiresAt: string;
  lines: Array<{ variantId: string; quantity: number }>;
};

export type ReserveStockMutationVariables = Exact<{
  input: ReserveStockInput;
}>;

export type ReserveStockMutation = {
  reserveStock:
    | {
        __typename: "InsufficientStock";
        lines: Array<{ variantId: string; requested: number; available: number }>;
      }
    | {
        __typename: "Reservation";
        id: string;
        status: ReservationStatus;
        expiresAt: string;
        lines: Array<{ variantId: string; quantity: number }>;
      };
};

export type ReleaseReservationMutationVariables = Exact<{
  id: string | number;
}>;

export type ReleaseReservationMutation = {
  releaseReservation: {
    id: string;
    status: ReservationStatus;
    expiresAt: string;
    lines: Array<{ variantId: string; quantity: number }>;
  };
};

export type CommitReservationMutationVariables = Exact<{
  id: string | number;
}>;

export type CommitReservationMutation = {
  commitReservation: {
    id: string;
    status: ReservationStatus;
    expiresAt: string;
    lines: Array<{ variantId: string; quantity: number }>;
  };
};

export type ReservationQueryVariables = Exact<{
  id: string | number;
}>;

export type ReservationQuery = {
  reservation: {
    id: string;
    status: ReservationStatus;
    expiresAt: string;
    lines: Array<{ variantId: string; quantity: number }>;
  } | null;
};

type ReviewOutcome_Review_Fragment = {
  __typename: "Review";
  id: string;
  rating: number;
  title: string | null;
  body: string;
  author: { id: string };
  product: { id: string; averageRating: number | null; reviewCount: number };
};

type ReviewOutcome_ReviewError_Fragment = {
  __typename: "ReviewError";
  code: ReviewErrorCode;
  field: string | null;
  message: string;
};

export type ReviewOutcomeFragment = ReviewOutcome_Review_Fragment | ReviewOutcome_ReviewError_Fragment;

export type CreateReviewMutationVariables = Exact<{
  input: CreateReviewInput;
}>;

export type CreateReviewMutation = {
  createReview:
    | {
        __typename: "Review";
        id: string;
        rating: number;
        title: string | null;
        body: string;
        author: { id: string };
        product: { id: string; averageRating: number | null; reviewCount: number };
      }
    | { __typename: "ReviewError"; code: ReviewErrorCode; field: string | null; message: string };
};

export type UpdateReviewMutationVariables = Exact<{
  id: string | number;
  input: UpdateReviewInput;
}>;

export type UpdateReviewMutation = {
  updateReview:
    | {
        __typename: "Review";
        id: string;
        rating: number;
        title: string | null;
        body: string;
        author: { id: string };
        product: { id: string; averageRating: number | null; reviewCount: number };
      }
    | { __typename: "ReviewError"; code: ReviewErrorCode; field: string | null; message: string };
};

export type DeleteReviewMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteReviewMutation = { deleteReview: string };

export type ProductRatingQueryVariables = Exact<{
  id: string | number;
}>;

export type ProductRatingQuery = { product: { averageRating: number | null; reviewCount: number } | null };

export type UpdateReviewTwiceMutationVariables = Exact<{
  id: string | number;
}>;

export type UpdateReviewTwiceMutation = {
  low: { product: { averageRating: number | null } } | Record<PropertyKey, never>;
  high: { product: { averageRating: number | null } } | Record<PropertyKey, never>;
};

export type ProductReviewsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ProductReviewsQuery = {
  product: {
    reviews: {
      edges: Array<{ cursor: string; node: { id: string; rating: number; author: { id: string } } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

export type ProductReviewEntitiesQueryVariables = Exact<{
  representations:
    | Array<{ __typename: string; [field: string]: unknown }>
    | { __typename: string; [field: string]: unknown };
}>;

export type ProductReviewEntitiesQuery = {
  _entities: Array<
    { id: string; reviews: { nodes: Array<{ id: string }> } } | Record<PropertyKey, never> | null
  >;
};

export type ReceiveStockMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
  note?: string | null | undefined;
}>;

export type ReceiveStockMutation = { receiveStock: { id: string; stockOnHand: number; inStock: boolean } };

export type AdjustStockMutationVariables = Exact<{
  variantId: string | number;
  delta: number;
  reason: string;
}>;

export type AdjustStockMutation = { adjustStock: { id: string; stockOnHand: number } };

export type StockMovementsQueryVariables = Exact<{
  variantId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type StockMovementsQuery = {
  stockMovements: {
    edges: Array<{
      cursor: string;
      node: { id: string; kind: StockMovementKind; quantity: number; note: string | null; createdAt: string };
    }>;
    nodes: Array<{ id: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>["__apiType"]>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ReservationFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ReservationFields on Reservation {
  id
  status
  expiresAt
  lines {
    variantId
    quantity
  }
}
    `,
  { fragmentName: "ReservationFields" },
) as unknown as TypedDocumentString<ReservationFieldsFragment, unknown>;
export const ReviewOutcomeFragmentDoc = new TypedDocumentString(
  `
    fragment ReviewOutcome on ReviewResult {
  __typename
  ... on Review {
    id
    rating
    title
    body
    author {
      id
    }
    product {
      id
      averageRating
      reviewCount
    }
  }
  ... on ReviewError {
    code
    field
    message
  }
}
    `,
  { fragmentName: "ReviewOutcome" },
) as unknown as TypedDocumentString<ReviewOutcomeFragment, unknown>;
export const CreateProductDocument = new TypedDocumentString(`
    mutation CreateProduct($input: CreateProductInput!) {
  createProduct(input: $input) {
    id
    sku
    slug
    price {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<CreateProductMutation, CreateProductMutationVariables>;
export const CreateVariantDocument = new TypedDocumentString(`
    mutation CreateVariant($productId: ID!, $input: CreateVariantInput!) {
  createVariant(productId: $productId, input: $input) {
    sku
    price {
      amount
    }
    stockOnHand
    inStock
  }
}
    `) as unknown as TypedDocumentString<CreateVariantMutation, CreateVariantMutationVariables>;
export const ArchiveProductDocument = new TypedDocumentString(`
    mutation ArchiveProduct($id: ID!) {
  archiveProduct(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<ArchiveProductMutation, ArchiveProductMutationVariables>;
export const UpdateCategoryDocument = new TypedDocumentString(`
    mutation UpdateCategory($id: ID!, $input: CategoryInput!) {
  updateCategory(id: $id, input: $input) {
    id
    parent {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateCategoryMutation, UpdateCategoryMutationVariables>;
export const ProductsDocument = new TypedDocumentString(`
    query Products($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    nodes {
      id
      name
      price {
        amount
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ProductsQuery, ProductsQueryVariables>;
export const ProductBySlugDocument = new TypedDocumentString(`
    query ProductBySlug($slug: String) {
  product(slug: $slug) {
    id
  }
}
    `) as unknown as TypedDocumentString<ProductBySlugQuery, ProductBySlugQueryVariables>;
export const ProductByIdDocument = new TypedDocumentString(`
    query ProductById($id: ID) {
  product(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ProductByIdQuery, ProductByIdQueryVariables>;
export const ProductStatusDocument = new TypedDocumentString(`
    query ProductStatus($id: ID) {
  product(id: $id) {
    status
    variants {
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ProductStatusQuery, ProductStatusQueryVariables>;
export const CategoryBySlugDocument = new TypedDocumentString(`
    query CategoryBySlug($slug: String) {
  category(slug: $slug) {
    id
  }
}
    `) as unknown as TypedDocumentString<CategoryBySlugQuery, CategoryBySlugQueryVariables>;
export const CategoryChildrenDocument = new TypedDocumentString(`
    query CategoryChildren($id: ID) {
  category(id: $id) {
    children {
      id
      parent {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CategoryChildrenQuery, CategoryChildrenQueryVariables>;
export const MalformedIdsDocument = new TypedDocumentString(`
    query MalformedIds {
  emptyProduct: product(id: "") {
    id
  }
  emptyCategory: category(id: "") {
    id
  }
  wordProduct: product(id: "not-a-uuid") {
    id
  }
  wordCategory: category(id: "not-a-uuid") {
    id
  }
  inEmptyCategory: products(filter: {categoryId: ""}) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MalformedIdsQuery, MalformedIdsQueryVariables>;
export const ReserveStockDocument = new TypedDocumentString(`
    mutation ReserveStock($input: ReserveStockInput!) {
  reserveStock(input: $input) {
    __typename
    ... on Reservation {
      ...ReservationFields
    }
    ... on InsufficientStock {
      lines {
        variantId
        requested
        available
      }
    }
  }
}
    fragment ReservationFields on Reservation {
  id
  status
  expiresAt
  lines {
    variantId
    quantity
  }
}`) as unknown as TypedDocumentString<ReserveStockMutation, ReserveStockMutationVariables>;
export const ReleaseReservationDocument = new TypedDocumentString(`
    mutation ReleaseReservation($id: ID!) {
  releaseReservation(id: $id) {
    ...ReservationFields
  }
}
    fragment ReservationFields on Reservation {
  id
  status
  expiresAt
  lines {
    variantId
    quantity
  }
}`) as unknown as TypedDocumentString<ReleaseReservationMutation, ReleaseReservationMutationVariables>;
export const CommitReservationDocument = new TypedDocumentString(`
    mutation CommitReservation($id: ID!) {
  commitReservation(id: $id) {
    ...ReservationFields
  }
}
    fragment ReservationFields on Reservation {
  id
  status
  expiresAt
  lines {
    variantId
    quantity
  }
}`) as unknown as TypedDocumentString<CommitReservationMutation, CommitReservationMutationVariables>;
export const ReservationDocument = new TypedDocumentString(`
    query Reservation($id: ID!) {
  reservation(id: $id) {
    ...ReservationFields
  }
}
    fragment ReservationFields on Reservation {
  id
  status
  expiresAt
  lines {
    variantId
    quantity
  }
}`) as unknown as TypedDocumentString<ReservationQuery, ReservationQueryVariables>;
export const CreateReviewDocument = new TypedDocumentString(`
    mutation CreateReview($input: CreateReviewInput!) {
  createReview(input: $input) {
    ...ReviewOutcome
  }
}
    fragment ReviewOutcome on ReviewResult {
  __typename
  ... on Review {
    id
    rating
    title
    body
    author {
      id
    }
    product {
      id
      averageRating
      reviewCount
    }
  }
  ... on ReviewError {
    code
    field
    message
  }
}`) as unknown as TypedDocumentString<CreateReviewMutation, CreateReviewMutationVariables>;
export const UpdateReviewDocument = new TypedDocumentString(`
    mutation UpdateReview($id: ID!, $input: UpdateReviewInput!) {
  updateReview(id: $id, input: $input) {
    ...ReviewOutcome
  }
}
    fragment ReviewOutcome on ReviewResult {
  __typename
  ... on Review {
    id
    rating
    title
    body
    author {
      id
    }
    product {
      id
      averageRating
      reviewCount
    }
  }
  ... on ReviewError {
    code
    field
    message
  }
}`) as unknown as TypedDocumentString<UpdateReviewMutation, UpdateReviewMutationVariables>;
export const DeleteReviewDocument = new TypedDocumentString(`
    mutation DeleteReview($id: ID!) {
  deleteReview(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteReviewMutation, DeleteReviewMutationVariables>;
export const ProductRatingDocument = new TypedDocumentString(`
    query ProductRating($id: ID!) {
  product(id: $id) {
    averageRating
    reviewCount
  }
}
    `) as unknown as TypedDocumentString<ProductRatingQuery, ProductRatingQueryVariables>;
export const UpdateReviewTwiceDocument = new TypedDocumentString(`
    mutation UpdateReviewTwice($id: ID!) {
  low: updateReview(id: $id, input: {rating: 1, body: "Worse"}) {
    ... on Review {
      product {
        averageRating
      }
    }
  }
  high: updateReview(id: $id, input: {rating: 5, body: "Better"}) {
    ... on Review {
      product {
        averageRating
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateReviewTwiceMutation, UpdateReviewTwiceMutationVariables>;
export const ProductReviewsDocument = new TypedDocumentString(`
    query ProductReviews($id: ID!, $first: Int, $after: String) {
  product(id: $id) {
    reviews(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          rating
          author {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductReviewsQuery, ProductReviewsQueryVariables>;
export const ProductReviewEntitiesDocument = new TypedDocumentString(`
    query ProductReviewEntities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Product {
      id
      reviews(first: 3) {
        nodes {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductReviewEntitiesQuery, ProductReviewEntitiesQueryVariables>;
export const ReceiveStockDocument = new TypedDocumentString(`
    mutation ReceiveStock($variantId: ID!, $quantity: Int!, $note: String) {
  receiveStock(variantId: $variantId, quantity: $quantity, note: $note) {
    id
    stockOnHand
    inStock
  }
}
    `) as unknown as TypedDocumentString<ReceiveStockMutation, ReceiveStockMutationVariables>;
export const AdjustStockDocument = new TypedDocumentString(`
    mutation AdjustStock($variantId: ID!, $delta: Int!, $reason: String!) {
  adjustStock(variantId: $variantId, delta: $delta, reason: $reason) {
    id
    stockOnHand
  }
}
    `) as unknown as TypedDocumentString<AdjustStockMutation, AdjustStockMutationVariables>;
export const StockMovementsDocument = new TypedDocumentString(`
    query StockMovements($variantId: ID!, $first: Int, $after: String) {
  stockMovements(variantId: $variantId, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        kind
        quantity
        note
        createdAt
      }
    }
    nodes {
      id
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<StockMovementsQuery, StockMovementsQueryVariables>;
