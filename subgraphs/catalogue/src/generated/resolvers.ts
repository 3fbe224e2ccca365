/* eslint-disable */
// Generated from the catalogue subgraph's src/schema.graphql and resolvers.codegen.json by `npm run codegen -w @storefront/contracts`; do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import type { CategoryRow, ReviewRow } from "../db/schema";
import type { ProductRecord, VariantWithStock } from "../loaders";
import type { CatalogueContext } from "../context";
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** An instant in time, ISO-8601 in UTC, e.g. `2026-11-22T10:15:00.000Z`. */
  DateTime: { input: string; output: Date | string };
  _FieldSet: { input: unknown; output: unknown };
};

/** A name/value pair such as `material: cotton`. */
export type Attribute = {
  __typename?: "Attribute";
  name: Scalars["String"]["output"];
  value: Scalars["String"]["output"];
};

export type AttributeInput = {
  name: Scalars["String"]["input"];
  value: Scalars["String"]["input"];
};

/** Which caches may keep a response: any (PUBLIC), or only the caller's own (PRIVATE). */
export type CacheControlScope = "PRIVATE" | "PUBLIC";

/** A node in the category tree. */
export type Category = {
  __typename?: "Category";
  /** Categories directly below this one, in display order. */
  children: Array<Category>;
  description?: Maybe<Scalars["String"]["output"]>;
  id: Scalars["ID"]["output"];
  name: Scalars["String"]["output"];
  /** The category above this one; null for a top-level category. */
  parent?: Maybe<Category>;
  /** Active products in this category and every category below it. */
  products: ProductConnection;
  /** URL-safe unique name, e.g. `running-shoes`. */
  slug: Scalars["String"]["output"];
};

/** A node in the category tree. */
export type CategoryProductsArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  sort?: InputMaybe<ProductSort>;
};

export type CategoryInput = {
  description?: InputMaybe<Scalars["String"]["input"]>;
  name: Scalars["String"]["input"];
  parentId?: InputMaybe<Scalars["ID"]["input"]>;
  position?: InputMaybe<Scalars["Int"]["input"]>;
  /** Derived from the name when omitted. */
  slug?: InputMaybe<Scalars["String"]["input"]>;
};

export type CreateProductInput = {
  attributes?: InputMaybe<Array<AttributeInput>>;
  categoryId?: InputMaybe<Scalars["ID"]["input"]>;
  /** ISO 4217, e.g. USD. */
  currency: Scalars["String"]["input"];
  description?: InputMaybe<Scalars["String"]["input"]>;
  images?: InputMaybe<Array<ProductImageInput>>;
  name: Scalars["String"]["input"];
  /** Minor units. */
  priceAmount: Scalars["Int"]["input"];
  sku: Scalars["String"]["input"];
  /** Derived from the name when omitted. */
  slug?: InputMaybe<Scalars["String"]["input"]>;
};

export type CreateReviewInput = {
  body: Scalars["String"]["input"];
  productId: Scalars["ID"]["input"];
  /** 1 to 5. */
  rating: Scalars["Int"]["input"];
  title?: InputMaybe<Scalars["String"]["input"]>;
};

export type CreateVariantInput = {
  attributes?: InputMaybe<Array<AttributeInput>>;
  name: Scalars["String"]["input"];
  /** Minor units, in the product's currency; the product's price when omitted. */
  priceAmount?: InputMaybe<Scalars["Int"]["input"]>;
  sku: Scalars["String"]["input"];
};

/** Not enough stock for one or more lines; nothing was reserved. */
export type InsufficientStock = {
  __typename?: "InsufficientStock";
  lines: Array<StockShortfall>;
};

/** An amount of money: integer minor units (cents for USD) and an ISO 4217 currency code. */
export type Money = {
  __typename?: "Money";
  /** Minor units, e.g. 1999 for 19.99 USD. */
  amount: Scalars["Int"]["output"];
  /** ISO 4217 code, e.g. `USD`. */
  currency: Scalars["String"]["output"];
};

export type Mutation = {
  __typename?: "Mutation";
  /** ADMIN: corrects stock by `delta` (negative for losses) with a reason; never below zero. */
  adjustStock: ProductVariant;
  /** ADMIN: takes a product and its variants off sale. */
  archiveProduct: Product;
  /** ADMIN: takes a variant off sale. */
  archiveVariant: ProductVariant;
  /** Internal: turns held stock into a sale. Idempotent. Service credential required. */
  commitReservation: Reservation;
  /** ADMIN: adds a category. */
  createCategory: Category;
  /** ADMIN: adds a product (with no variants yet). */
  createProduct: Product;
  /** Reviews the product as the signed-in customer. */
  createReview: ReviewResult;
  /** ADMIN: adds a variant to a product, with no stock. */
  createVariant: ProductVariant;
  /** ADMIN: deletes an empty category (no products, no subcategories). Returns its id. */
  deleteCategory: Scalars["ID"]["output"];
  /** Deletes the signed-in customer's own review. Returns its id. */
  deleteReview: Scalars["ID"]["output"];
  /** ADMIN: records goods received (a positive quantity). */
  receiveStock: ProductVariant;
  /** Internal: gives held stock back. Idempotent. Service credential required. */
  releaseReservation: Reservation;
  /** Internal: holds stock for a checkout, all lines or none. Service credential required. */
  reserveStock: ReserveStockResult;
  /** ADMIN: edits a category; moving it under one of its own descendants is refused. */
  updateCategory: Category;
  /** ADMIN: edits a product. */
  updateProduct: Product;
  /** Edits the signed-in customer's own review. */
  updateReview: ReviewResult;
  /** ADMIN: edits a variant. */
  updateVariant: ProductVariant;
};

export type MutationAdjustStockArgs = {
  delta: Scalars["Int"]["input"];
  reason: Scalars["String"]["input"];
  variantId: Scalars["ID"]["input"];
};

export type MutationArchiveProductArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationArchiveVariantArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationCommitReservationArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationCreateCategoryArgs = {
  input: CategoryInput;
};

export type MutationCreateProductArgs = {
  input: CreateProductInput;
};

export type MutationCreateReviewArgs = {
  input: CreateReviewInput;
};

export type MutationCreateVariantArgs = {
  input: CreateVariantInput;
  productId: Scalars["ID"]["input"];
};

export type MutationDeleteCategoryArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationDeleteReviewArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationReceiveStockArgs = {
  note?: InputMaybe<Scalars["String"]["input"]>;
  quantity: Scalars["Int"]["input"];
  variantId: Scalars["ID"]["input"];
};

export type MutationReleaseReservationArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationReserveStockArgs = {
  input: ReserveStockInput;
};

export type MutationUpdateCategoryArgs = {
  id: Scalars["ID"]["input"];
  input: CategoryInput;
};

export type MutationUpdateProductArgs = {
  id: Scalars["ID"]["input"];
  input: UpdateProductInput;
};

export type MutationUpdateReviewArgs = {
  id: Scalars["ID"]["input"];
  input: UpdateReviewInput;
};

export type MutationUpdateVariantArgs = {
  id: Scalars["ID"]["input"];
  input: UpdateVariantInput;
};

export type PageInfo = {
  __typename?: "PageInfo";
  endCursor?: Maybe<Scalars["String"]["output"]>;
  hasNextPage: Scalars["Boolean"]["output"];
};

/** Something sold in the shop. What is bought is one of its variants. */
export type Product = {
  __typename?: "Product";
  attributes: Array<Attribute>;
  /** Mean of the review ratings, 1–5; null without reviews. */
  averageRating?: Maybe<Scalars["Float"]["output"]>;
  category?: Maybe<Category>;
  createdAt: Scalars["DateTime"]["output"];
  description: Scalars["String"]["output"];
  id: Scalars["ID"]["output"];
  images: Array<ProductImage>;
  /** True when at least one active variant has stock on hand. */
  inStock: Scalars["Boolean"]["output"];
  name: Scalars["String"]["output"];
  /** The price shown in listings (variants may differ). */
  price: Money;
  reviewCount: Scalars["Int"]["output"];
  /** Reviews, newest first. */
  reviews: ReviewConnection;
  sku: Scalars["String"]["output"];
  /** URL-safe unique name. */
  slug: Scalars["String"]["output"];
  status: ProductStatus;
  /** Variants in display order; archived ones only for administrators. */
  variants: Array<ProductVariant>;
};

/** Something sold in the shop. What is bought is one of its variants. */
export type ProductReviewsArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
};

export type ProductConnection = {
  __typename?: "ProductConnection";
  edges: Array<ProductEdge>;
  nodes: Array<Product>;
  pageInfo: PageInfo;
};

export type ProductEdge = {
  __typename?: "ProductEdge";
  cursor: Scalars["String"]["output"];
  node: Product;
};

export type ProductFilter = {
  /** This category and all categories below it. */
  categoryId?: InputMaybe<Scalars["ID"]["input"]>;
  /** Only products with at least one variant in stock. */
  inStock?: InputMaybe<Scalars["Boolean"]["input"]>;
  /** Highest `price.amount`, inclusive, in minor units. */
  maxPrice?: InputMaybe<Scalars["Int"]["input"]>;
  /** Lowest `price.amount`, inclusive, in minor units. */
  minPrice?: InputMaybe<Scalars["Int"]["input"]>;
  /** Full-text search over name (weighted higher) and description. Supports quotes, `or` and `-word`. */
  query?: InputMaybe<Scalars["String"]["input"]>;
};

export type ProductImage = {
  __typename?: "ProductImage";
  /** Text alternative for screen readers. */
  alt: Scalars["String"]["output"];
  url: Scalars["String"]["output"];
};

export type ProductImageInput = {
  alt: Scalars["String"]["input"];
  url: Scalars["String"]["input"];
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

/** A purchasable version of a product (size, colour …) with its own SKU, price and stock. */
export type ProductVariant = {
  __typename?: "ProductVariant";
  attributes: Array<Attribute>;
  id: Scalars["ID"]["output"];
  inStock: Scalars["Boolean"]["output"];
  name: Scalars["String"]["output"];
  price: Money;
  product: Product;
  sku: Scalars["String"]["output"];
  status: ProductStatus;
  /** Units on hand and not reserved by a checkout. */
  stockOnHand: Scalars["Int"]["output"];
};

export type Query = {
  __typename?: "Query";
  /** Top-level categories, in display order. */
  categories: Array<Category>;
  /** One category by id or by slug (exactly one of them). */
  category?: Maybe<Category>;
  /** One product by id or by slug (exactly one of them). Archived products only for administrators. */
  product?: Maybe<Product>;
  /** Active products, filtered, searched and sorted. */
  products: ProductConnection;
  /** A reservation by id. Internal: service credential required. */
  reservation?: Maybe<Reservation>;
  /** A variant's stock ledger, newest first. ADMIN only. */
  stockMovements: StockMovementConnection;
};

export type QueryCategoryArgs = {
  id?: InputMaybe<Scalars["ID"]["input"]>;
  slug?: InputMaybe<Scalars["String"]["input"]>;
};

export type QueryProductArgs = {
  id?: InputMaybe<Scalars["ID"]["input"]>;
  slug?: InputMaybe<Scalars["String"]["input"]>;
};

export type QueryProductsArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  sort?: InputMaybe<ProductSort>;
};

export type QueryReservationArgs = {
  id: Scalars["ID"]["input"];
};

export type QueryStockMovementsArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  variantId: Scalars["ID"]["input"];
};

/** A hold on stock for a checkout; internal to the platform. */
export type Reservation = {
  __typename?: "Reservation";
  expiresAt: Scalars["DateTime"]["output"];
  id: Scalars["ID"]["output"];
  lines: Array<ReservationLine>;
  status: ReservationStatus;
};

export type ReservationLine = {
  __typename?: "ReservationLine";
  quantity: Scalars["Int"]["output"];
  variantId: Scalars["ID"]["output"];
};

export type ReservationLineInput = {
  quantity: Scalars["Int"]["input"];
  variantId: Scalars["ID"]["input"];
};

export type ReservationStatus = "COMMITTED" | "HELD" | "RELEASED";

export type ReserveStockInput = {
  lines: Array<ReservationLineInput>;
  /** Chosen by the caller; the same id again returns the first outcome and reserves nothing more. */
  reservationId: Scalars["ID"]["input"];
  /** How long the hold lasts before it is released automatically. */
  ttlSeconds: Scalars["Int"]["input"];
};

export type ReserveStockResult = InsufficientStock | Reservation;

/** A customer's opinion of a product; one per customer per product. */
export type Review = {
  __typename?: "Review";
  author: User;
  body: Scalars["String"]["output"];
  createdAt: Scalars["DateTime"]["output"];
  id: Scalars["ID"]["output"];
  product: Product;
  /** 1 to 5 stars. */
  rating: Scalars["Int"]["output"];
  title?: Maybe<Scalars["String"]["output"]>;
  updatedAt: Scalars["DateTime"]["output"];
};

export type ReviewConnection = {
  __typename?: "ReviewConnection";
  edges: Array<ReviewEdge>;
  nodes: Array<Review>;
  pageInfo: PageInfo;
};

export type ReviewEdge = {
  __typename?: "ReviewEdge";
  cursor: Scalars["String"]["output"];
  node: Review;
};

/** An expected failure of a review mutation; nothing was written. */
export type ReviewError = {
  __typename?: "ReviewError";
  code: ReviewErrorCode;
  /** The input field at fault, when there is one. */
  field?: Maybe<Scalars["String"]["output"]>;
  message: Scalars["String"]["output"];
};

export type ReviewErrorCode =
  /** This customer has already reviewed this product; edit that review instead. */
  | "ALREADY_REVIEWED"
  /** A field is missing, too long or otherwise not acceptable; see `field`. */
  | "INVALID_INPUT"
  /** The rating is not a whole number from 1 to 5. */
  | "INVALID_RATING"
  | "PRODUCT_NOT_FOUND";

export type ReviewResult = Review | ReviewError;

/** One change to a variant's stock; on hand is the sum of all of them. */
export type StockMovement = {
  __typename?: "StockMovement";
  createdAt: Scalars["DateTime"]["output"];
  id: Scalars["ID"]["output"];
  kind: StockMovementKind;
  note?: Maybe<Scalars["String"]["output"]>;
  /** Positive adds to stock on hand, negative takes from it. */
  quantity: Scalars["Int"]["output"];
};

export type StockMovementConnection = {
  __typename?: "StockMovementConnection";
  edges: Array<StockMovementEdge>;
  nodes: Array<StockMovement>;
  pageInfo: PageInfo;
};

export type StockMovementEdge = {
  __typename?: "StockMovementEdge";
  cursor: Scalars["String"]["output"];
  node: StockMovement;
};

export type StockMovementKind = "ADJUSTMENT" | "RECEIPT" | "RELEASE" | "RESERVATION" | "SALE";

export type StockShortfall = {
  __typename?: "StockShortfall";
  /** On hand when the reservation was tried; 0 for an unknown or archived variant. */
  available: Scalars["Int"]["output"];
  requested: Scalars["Int"]["output"];
  variantId: Scalars["ID"]["output"];
};

/** Fields left out are left as they are. */
export type UpdateProductInput = {
  attributes?: InputMaybe<Array<AttributeInput>>;
  categoryId?: InputMaybe<Scalars["ID"]["input"]>;
  description?: InputMaybe<Scalars["String"]["input"]>;
  images?: InputMaybe<Array<ProductImageInput>>;
  name?: InputMaybe<Scalars["String"]["input"]>;
  priceAmount?: InputMaybe<Scalars["Int"]["input"]>;
  slug?: InputMaybe<Scalars["String"]["input"]>;
};

export type UpdateReviewInput = {
  body: Scalars["String"]["input"];
  rating: Scalars["Int"]["input"];
  title?: InputMaybe<Scalars["String"]["input"]>;
};

/** Fields left out are left as they are. */
export type UpdateVariantInput = {
  attributes?: InputMaybe<Array<AttributeInput>>;
  name?: InputMaybe<Scalars["String"]["input"]>;
  priceAmount?: InputMaybe<Scalars["Int"]["input"]>;
};

/** A user of the users subgraph; the catalogue only knows the id. */
export type User = {
  __typename?: "User";
  id: Scalars["ID"]["output"];
};

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
  reference: TReference,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<
  TTypes,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
> = (parent: TParent, context: TContext, info: GraphQLResolveInfo) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Category: Category;
  Product: Product;
  ProductVariant: ProductVariant;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Category: { __typename: "Category" } & GraphQLRecursivePick<FederationTypes["Category"], { id: true }>;
  Product: { __typename: "Product" } & GraphQLRecursivePick<FederationTypes["Product"], { id: true }>;
  ProductVariant: { __typename: "ProductVariant" } & GraphQLRecursivePick<
    FederationTypes["ProductVariant"],
    { id: true }
  >;
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  ReserveStockResult:
    (InsufficientStock & { __typename: "InsufficientStock" }) | (Reservation & { __typename: "Reservation" });
  ReviewResult: (ReviewRow & { __typename: "Review" }) | (ReviewError & { __typename: "ReviewError" });
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Attribute: ResolverTypeWrapper<Attribute>;
  String: ResolverTypeWrapper<Scalars["String"]["output"]>;
  AttributeInput: AttributeInput;
  CacheControlScope: CacheControlScope;
  Category: ResolverTypeWrapper<CategoryRow>;
  ID: ResolverTypeWrapper<Scalars["ID"]["output"]>;
  CategoryInput: CategoryInput;
  CreateProductInput: CreateProductInput;
  CreateReviewInput: CreateReviewInput;
  CreateVariantInput: CreateVariantInput;
  DateTime: ResolverTypeWrapper<Scalars["DateTime"]["output"]>;
  InsufficientStock: ResolverTypeWrapper<InsufficientStock>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductRecord>;
  Float: ResolverTypeWrapper<Scalars["Float"]["output"]>;
  ProductConnection: ResolverTypeWrapper<
    Omit<ProductConnection, "edges" | "nodes"> & {
      edges: Array<ResolversTypes["ProductEdge"]>;
      nodes: Array<ResolversTypes["Product"]>;
    }
  >;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, "node"> & { node: ResolversTypes["Product"] }>;
  ProductFilter: ProductFilter;
  ProductImage: ResolverTypeWrapper<ProductImage>;
  ProductImageInput: ProductImageInput;
  ProductSort: ProductSort;
  ProductStatus: ProductStatus;
  ProductVariant: ResolverTypeWrapper<VariantWithStock>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reservation: ResolverTypeWrapper<Reservation>;
  ReservationLine: ResolverTypeWrapper<ReservationLine>;
  ReservationLineInput: ReservationLineInput;
  ReservationStatus: ReservationStatus;
  ReserveStockInput: ReserveStockInput;
  ReserveStockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>["ReserveStockResult"]>;
  Review: ResolverTypeWrapper<ReviewRow>;
  ReviewConnection: ResolverTypeWrapper<
    Omit<ReviewConnection, "edges" | "nodes"> & {
      edges: Array<ResolversTypes["ReviewEdge"]>;
      nodes: Array<ResolversTypes["Review"]>;
    }
  >;
  ReviewEdge: ResolverTypeWrapper<Omit<ReviewEdge, "node"> & { node: ResolversTypes["Review"] }>;
  ReviewError: ResolverTypeWrapper<ReviewError>;
  ReviewErrorCode: ReviewErrorCode;
  ReviewResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>["ReviewResult"]>;
  StockMovement: ResolverTypeWrapper<StockMovement>;
  StockMovementConnection: ResolverTypeWrapper<StockMovementConnection>;
  StockMovementEdge: ResolverTypeWrapper<StockMovementEdge>;
  StockMovementKind: StockMovementKind;
  StockShortfall: ResolverTypeWrapper<StockShortfall>;
  UpdateProductInput: UpdateProductInput;
  UpdateReviewInput: UpdateReviewInput;
  UpdateVariantInput: UpdateVariantInput;
  User: ResolverTypeWrapper<User>;
  Boolean: ResolverTypeWrapper<Scalars["Boolean"]["output"]>;
  Int: ResolverTypeWrapper<Scalars["Int"]["output"]>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Attribute: Attribute;
  String: Scalars["String"]["output"];
  AttributeInput: AttributeInput;
  Category: CategoryRow;
  ID: Scalars["ID"]["output"];
  CategoryInput: CategoryInput;
  CreateProductInput: CreateProductInput;
  CreateReviewInput: CreateReviewInput;
  CreateVariantInput: CreateVariantInput;
  DateTime: Scalars["DateTime"]["output"];
  InsufficientStock: InsufficientStock;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Product: ProductRecord;
  Float: Scalars["Float"]["output"];
  ProductConnection: Omit<ProductConnection, "edges" | "nodes"> & {
    edges: Array<ResolversParentTypes["ProductEdge"]>;
    nodes: Array<ResolversParentTypes["Product"]>;
  };
  ProductEdge: Omit<ProductEdge, "node"> & { node: ResolversParentTypes["Product"] };
  ProductFilter: ProductFilter;
  ProductImage: ProductImage;
  ProductImageInput: ProductImageInput;
  ProductVariant: VariantWithStock;
  Query: Record<PropertyKey, never>;
  Reservation: Reservation;
  ReservationLine: ReservationLine;
  ReservationLineInput: ReservationLineInput;
  ReserveStockInput: ReserveStockInput;
  ReserveStockResult: ResolversUnionTypes<ResolversParentTypes>["ReserveStockResult"];
  Review: ReviewRow;
  ReviewConnection: Omit<ReviewConnection, "edges" | "nodes"> & {
    edges: Array<ResolversParentTypes["ReviewEdge"]>;
    nodes: Array<ResolversParentTypes["Review"]>;
  };
  ReviewEdge: Omit<ReviewEdge, "node"> & { node: ResolversParentTypes["Review"] };
  ReviewError: ReviewError;
  ReviewResult: ResolversUnionTypes<ResolversParentTypes>["ReviewResult"];
  StockMovement: StockMovement;
  StockMovementConnection: StockMovementConnection;
  StockMovementEdge: StockMovementEdge;
  StockShortfall: StockShortfall;
  UpdateProductInput: UpdateProductInput;
  UpdateReviewInput: UpdateReviewInput;
  UpdateVariantInput: UpdateVariantInput;
  User: User;
  Boolean: Scalars["Boolean"]["output"];
  Int: Scalars["Int"]["output"];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars["Boolean"]["input"]>;
  maxAge?: Maybe<Scalars["Int"]["input"]>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<
  Result,
  Parent,
  ContextType = CatalogueContext,
  Args = CacheControlDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AttributeResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Attribute"] = ResolversParentTypes["Attribute"],
> = {
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  value?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type CategoryResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Category"] = ResolversParentTypes["Category"],
  FederationReferenceType extends FederationReferenceTypes["Category"] = FederationReferenceTypes["Category"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["Category"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  children?: Resolver<Array<ResolversTypes["Category"]>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes["Category"]>, ParentType, ContextType>;
  products?: Resolver<
    ResolversTypes["ProductConnection"],
    ParentType,
    ContextType,
    RequireFields<CategoryProductsArgs, "first" | "sort">
  >;
  slug?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["DateTime"], any> {
  name: "DateTime";
}

export type InsufficientStockResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["InsufficientStock"] = ResolversParentTypes["InsufficientStock"],
> = {
  lines?: Resolver<Array<ResolversTypes["StockShortfall"]>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MoneyResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Money"] = ResolversParentTypes["Money"],
> = {
  amount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Mutation"] = ResolversParentTypes["Mutation"],
> = {
  adjustStock?: Resolver<
    ResolversTypes["ProductVariant"],
    ParentType,
    ContextType,
    RequireFields<MutationAdjustStockArgs, "delta" | "reason" | "variantId">
  >;
  archiveProduct?: Resolver<
    ResolversTypes["Product"],
    ParentType,
    ContextType,
    RequireFields<MutationArchiveProductArgs, "id">
  >;
  archiveVariant?: Resolver<
    ResolversTypes["ProductVariant"],
    ParentType,
    ContextType,
    RequireFields<MutationArchiveVariantArgs, "id">
  >;
  commitReservation?: Resolver<
    ResolversTypes["Reservation"],
    ParentType,
    ContextType,
    RequireFields<MutationCommitReservationArgs, "id">
  >;
  createCategory?: Resolver<
    ResolversTypes["Category"],
    ParentType,
    ContextType,
    RequireFields<MutationCreateCategoryArgs, "input">
  >;
  createProduct?: Resolver<
    ResolversTypes["Product"],
    ParentType,
    ContextType,
    RequireFields<MutationCreateProductArgs, "input">
  >;
  createReview?: Resolver<
    ResolversTypes["ReviewResult"],
    ParentType,
    ContextType,
    RequireFields<MutationCreateReviewArgs, "input">
  >;
  createVariant?: Resolver<
    ResolversTypes["ProductVariant"],
    ParentType,
    ContextType,
    RequireFields<MutationCreateVariantArgs, "input" | "productId">
  >;
  deleteCategory?: Resolver<
    ResolversTypes["ID"],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteCategoryArgs, "id">
  >;
  deleteReview?: Resolver<
    ResolversTypes["ID"],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteReviewArgs, "id">
  >;
  receiveStock?: Resolver<
    ResolversTypes["ProductVariant"],
    ParentType,
    ContextType,
    RequireFields<MutationReceiveStockArgs, "quantity" | "variantId">
  >;
  releaseReservation?: Resolver<
    ResolversTypes["Reservation"],
    ParentType,
    ContextType,
    RequireFields<MutationReleaseReservationArgs, "id">
  >;
  reserveStock?: Resolver<
    ResolversTypes["ReserveStockResult"],
    ParentType,
    ContextType,
    RequireFields<MutationReserveStockArgs, "input">
  >;
  updateCategory?: Resolver<
    ResolversTypes["Category"],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateCategoryArgs, "id" | "input">
  >;
  updateProduct?: Resolver<
    ResolversTypes["Product"],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateProductArgs, "id" | "input">
  >;
  updateReview?: Resolver<
    ResolversTypes["ReviewResult"],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateReviewArgs, "id" | "input">
  >;
  updateVariant?: Resolver<
    ResolversTypes["ProductVariant"],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateVariantArgs, "id" | "input">
  >;
};

export type PageInfoResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["PageInfo"] = ResolversParentTypes["PageInfo"],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
};

export type ProductResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Product"] = ResolversParentTypes["Product"],
  FederationReferenceType extends FederationReferenceTypes["Product"] = FederationReferenceTypes["Product"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["Product"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  attributes?: Resolver<Array<ResolversTypes["Attribute"]>, ParentType, ContextType>;
  averageRating?: Resolver<Maybe<ResolversTypes["Float"]>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes["Category"]>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  description?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes["ProductImage"]>, ParentType, ContextType>;
  inStock?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  price?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  reviewCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  reviews?: Resolver<
    ResolversTypes["ReviewConnection"],
    ParentType,
    ContextType,
    RequireFields<ProductReviewsArgs, "first">
  >;
  sku?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  status?: Resolver<ResolversTypes["ProductStatus"], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes["ProductVariant"]>, ParentType, ContextType>;
};

export type ProductConnectionResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ProductConnection"] = ResolversParentTypes["ProductConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["ProductEdge"]>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes["Product"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
};

export type ProductEdgeResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ProductEdge"] = ResolversParentTypes["ProductEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["Product"], ParentType, ContextType>;
};

export type ProductImageResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ProductImage"] = ResolversParentTypes["ProductImage"],
> = {
  alt?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  url?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type ProductVariantResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ProductVariant"] = ResolversParentTypes["ProductVariant"],
  FederationReferenceType extends FederationReferenceTypes["ProductVariant"] =
    FederationReferenceTypes["ProductVariant"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["ProductVariant"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  attributes?: Resolver<Array<ResolversTypes["Attribute"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  inStock?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  price?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  product?: Resolver<ResolversTypes["Product"], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  status?: Resolver<ResolversTypes["ProductStatus"], ParentType, ContextType>;
  stockOnHand?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Query"] = ResolversParentTypes["Query"],
> = {
  categories?: Resolver<Array<ResolversTypes["Category"]>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes["Category"]>, ParentType, ContextType, Partial<QueryCategoryArgs>>;
  product?: Resolver<Maybe<ResolversTypes["Product"]>, ParentType, ContextType, Partial<QueryProductArgs>>;
  products?: Resolver<
    ResolversTypes["ProductConnection"],
    ParentType,
    ContextType,
    RequireFields<QueryProductsArgs, "first" | "sort">
  >;
  reservation?: Resolver<
    Maybe<ResolversTypes["Reservation"]>,
    ParentType,
    ContextType,
    RequireFields<QueryReservationArgs, "id">
  >;
  stockMovements?: Resolver<
    ResolversTypes["StockMovementConnection"],
    ParentType,
    ContextType,
    RequireFields<QueryStockMovementsArgs, "first" | "variantId">
  >;
};

export type ReservationResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Reservation"] = ResolversParentTypes["Reservation"],
> = {
  expiresAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes["ReservationLine"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["ReservationStatus"], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReservationLineResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ReservationLine"] = ResolversParentTypes["ReservationLine"],
> = {
  quantity?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type ReserveStockResultResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ReserveStockResult"] = ResolversParentTypes["ReserveStockResult"],
> = {
  __resolveType?: TypeResolveFn<"InsufficientStock" | "Reservation", ParentType, ContextType>;
};

export type ReviewResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["Review"] = ResolversParentTypes["Review"],
> = {
  author?: Resolver<ResolversTypes["User"], ParentType, ContextType>;
  body?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  product?: Resolver<ResolversTypes["Product"], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReviewConnectionResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ReviewConnection"] = ResolversParentTypes["ReviewConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["ReviewEdge"]>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes["Review"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
};

export type ReviewEdgeResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ReviewEdge"] = ResolversParentTypes["ReviewEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["Review"], ParentType, ContextType>;
};

export type ReviewErrorResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ReviewError"] = ResolversParentTypes["ReviewError"],
> = {
  code?: Resolver<ResolversTypes["ReviewErrorCode"], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReviewResultResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["ReviewResult"] = ResolversParentTypes["ReviewResult"],
> = {
  __resolveType?: TypeResolveFn<"Review" | "ReviewError", ParentType, ContextType>;
};

export type StockMovementResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["StockMovement"] = ResolversParentTypes["StockMovement"],
> = {
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes["StockMovementKind"], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type StockMovementConnectionResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["StockMovementConnection"] =
    ResolversParentTypes["StockMovementConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["StockMovementEdge"]>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes["StockMovement"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
};

export type StockMovementEdgeResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["StockMovementEdge"] = ResolversParentTypes["StockMovementEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["StockMovement"], ParentType, ContextType>;
};

export type StockShortfallResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["StockShortfall"] = ResolversParentTypes["StockShortfall"],
> = {
  available?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type UserResolvers<
  ContextType = CatalogueContext,
  ParentType extends ResolversParentTypes["User"] = ResolversParentTypes["User"],
> = {
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type Resolvers<ContextType = CatalogueContext> = {
  Attribute?: AttributeResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  InsufficientStock?: InsufficientStockResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductImage?: ProductImageResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reservation?: ReservationResolvers<ContextType>;
  ReservationLine?: ReservationLineResolvers<ContextType>;
  ReserveStockResult?: ReserveStockResultResolvers<ContextType>;
  Review?: ReviewResolvers<ContextType>;
  ReviewConnection?: ReviewConnectionResolvers<ContextType>;
  ReviewEdge?: ReviewEdgeResolvers<ContextType>;
  ReviewError?: ReviewErrorResolvers<ContextType>;
  ReviewResult?: ReviewResultResolvers<ContextType>;
  StockMovement?: StockMovementResolvers<ContextType>;
  StockMovementConnection?: StockMovementConnectionResolvers<ContextType>;
  StockMovementEdge?: StockMovementEdgeResolvers<ContextType>;
  StockShortfall?: StockShortfallResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = CatalogueContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
