/* eslint-disable */
// Generated from the cart subgraph's src/schema.graphql and resolvers.codegen.json by `npm run codegen -w @storefront/contracts`; do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import type { CartRow } from "../db/schema";
import type { PricedLine } from "../domain/pricing";
import type { CartContext } from "../context";
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

/**
 * A shopping cart: a signed-in customer's own, or a guest's, identified by the opaque cart token
 * the guest sends in the `x-cart-token` header. Prices and stock are the catalogue's current ones.
 */
export type Cart = {
  __typename?: "Cart";
  id: Scalars["ID"]["output"];
  /** Units in the cart, all lines counted (flagged ones too). */
  itemCount: Scalars["Int"]["output"];
  /** What is in the cart, oldest line first. Lines with a problem are kept and flagged, never dropped. */
  lines: Array<CartLine>;
  /** True when the cart has at least one line and no line has an issue. */
  readyForCheckout: Scalars["Boolean"]["output"];
  /**
   * Sum of the line totals of the lines without an issue, at current prices; flagged lines are
   * not included. Null when no line can be priced (an empty cart, or every line flagged).
   */
  subtotal?: Maybe<Money>;
  /** Last change to the cart or its lines. */
  updatedAt: Scalars["DateTime"]["output"];
};

/** An expected failure of a cart mutation; nothing was changed. */
export type CartError = {
  __typename?: "CartError";
  /** For INSUFFICIENT_STOCK: units on hand. For LINE_LIMIT_EXCEEDED: the most a line may hold. */
  available?: Maybe<Scalars["Int"]["output"]>;
  code: CartErrorCode;
  /** A sentence a client can show. */
  message: Scalars["String"]["output"];
};

export type CartErrorCode =
  /** The cart already has the most distinct lines it may hold (100). */
  | "CART_FULL"
  /** The variant is priced in another currency than the items already in the cart. */
  | "CURRENCY_MISMATCH"
  /** Fewer units are on hand than the line would hold; `available` says how many. */
  | "INSUFFICIENT_STOCK"
  /** A line holds at most 99 units; `available` is that limit. */
  | "LINE_LIMIT_EXCEEDED"
  /** The cart has no line for this variant (or there is no cart yet). */
  | "LINE_NOT_FOUND"
  /** The variant or its product is no longer on sale. */
  | "UNAVAILABLE"
  /** No variant with this id exists in the catalogue. */
  | "VARIANT_NOT_FOUND";

/** One variant in a cart, with its quantity. */
export type CartLine = {
  __typename?: "CartLine";
  id: Scalars["ID"]["output"];
  /** Why this line cannot be bought as it is; null when it can. */
  issue?: Maybe<CartLineIssue>;
  /** unitPrice × quantity; null only when the variant no longer exists. */
  lineTotal?: Maybe<Money>;
  /** 1 to 99 units. */
  quantity: Scalars["Int"]["output"];
  /** The variant's current price; null only when the variant no longer exists. */
  unitPrice?: Maybe<Money>;
  variant: ProductVariant;
};

/** A problem with a cart line, found when the cart is read. */
export type CartLineIssue = {
  __typename?: "CartLineIssue";
  /** Units that could be bought now (0 when none). */
  available: Scalars["Int"]["output"];
  code: CartLineIssueCode;
  /** A sentence a client can show next to the line. */
  message: Scalars["String"]["output"];
};

export type CartLineIssueCode =
  /** Fewer units are on hand than the line holds; `available` says how many. */
  | "INSUFFICIENT_STOCK"
  /** The variant has no stock on hand. */
  | "OUT_OF_STOCK"
  /** The variant or its product was taken off sale, or no longer exists. */
  | "UNAVAILABLE";

/** The outcome of a cart mutation. */
export type CartPayload = {
  __typename?: "CartPayload";
  /** The caller's cart after the mutation (unchanged when `error` is set); null when there is none. */
  cart?: Maybe<Cart>;
  /**
   * Set only when this mutation created a guest cart: the token the client must send as
   * `x-cart-token` from now on. It is shown once; the server keeps only a hash of it.
   */
  cartToken?: Maybe<Scalars["String"]["output"]>;
  /** Why nothing was changed; null on success. */
  error?: Maybe<CartError>;
};

/** What the orders subgraph needs to price an order from a customer's cart. Internal. */
export type CheckoutCart = {
  __typename?: "CheckoutCart";
  /** Null when the customer has no cart. */
  cartId?: Maybe<Scalars["ID"]["output"]>;
  /** Currency of the lines; null when there is no line to buy. */
  currency?: Maybe<Scalars["String"]["output"]>;
  /** The lines that cannot be bought as they are; a checkout should stop while there are any. */
  issues: Array<CheckoutCartIssue>;
  /** The lines that can be bought as they are, with current catalogue data. */
  lines: Array<CheckoutCartLine>;
  /** Sum of `lines` at current prices, in minor units; null when there is no line to buy. */
  subtotal?: Maybe<Scalars["Int"]["output"]>;
};

/** A cart line that cannot be bought as it is. Internal. */
export type CheckoutCartIssue = {
  __typename?: "CheckoutCartIssue";
  /** Units that could be ordered now. */
  available: Scalars["Int"]["output"];
  code: CartLineIssueCode;
  message: Scalars["String"]["output"];
  /** Units in the cart. */
  requested: Scalars["Int"]["output"];
  variantId: Scalars["ID"]["output"];
};

/** A cart line priced from the catalogue, ready to become an order line. Internal. */
export type CheckoutCartLine = {
  __typename?: "CheckoutCartLine";
  productId: Scalars["ID"]["output"];
  productName: Scalars["String"]["output"];
  quantity: Scalars["Int"]["output"];
  sku: Scalars["String"]["output"];
  /** Current price in minor units of the cart's currency. */
  unitPrice: Scalars["Int"]["output"];
  variantId: Scalars["ID"]["output"];
  variantName: Scalars["String"]["output"];
};

/** An ordered quantity of one variant, to be taken out of the cart. Internal. */
export type CheckoutLineInput = {
  /** 1 or more. */
  quantity: Scalars["Int"]["input"];
  variantId: Scalars["ID"]["input"];
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
  /**
   * Adds `quantity` (1–99) units of a variant to the caller's cart, on top of any already there.
   * A guest without a cart gets a new one, whose token comes back in `cartToken`.
   * `cartToken` is the guest's token when the header cannot be used; signed-in callers never need it.
   */
  addToCart: CartPayload;
  /** Removes every line. A signed-in customer without a cart gets an empty one; a guest without one gets NOT_FOUND. */
  clearCart: Cart;
  /**
   * Internal: takes the ordered quantities out of the cart after a checkout (a line left at 0 or
   * less goes; lines and units added meanwhile stay). Idempotent on `orderId`: a repeat changes
   * nothing and answers true. Service credential required.
   */
  completeCheckout: Scalars["Boolean"]["output"];
  /**
   * Signed-in only: moves the lines of the guest cart with this token into the customer's cart
   * (quantities added, capped by stock on hand), in one transaction. The guest cart is then
   * MERGED and its token stops working. Merging the same token again, or a token of no live guest
   * cart, returns the customer's cart unchanged. A guest cart in another currency than a non-empty
   * customer cart is left as it is.
   */
  mergeGuestCart: Cart;
  /** Removes a variant's line from the caller's cart. */
  removeFromCart: CartPayload;
  /** Sets a line's quantity (0–99); 0 removes the line. Raising it is checked against stock. */
  setCartLineQuantity: CartPayload;
};

export type MutationAddToCartArgs = {
  cartToken?: InputMaybe<Scalars["String"]["input"]>;
  quantity: Scalars["Int"]["input"];
  variantId: Scalars["ID"]["input"];
};

export type MutationClearCartArgs = {
  cartToken?: InputMaybe<Scalars["String"]["input"]>;
};

export type MutationCompleteCheckoutArgs = {
  cartId: Scalars["ID"]["input"];
  lines: Array<CheckoutLineInput>;
  orderId: Scalars["ID"]["input"];
};

export type MutationMergeGuestCartArgs = {
  cartToken: Scalars["String"]["input"];
};

export type MutationRemoveFromCartArgs = {
  cartToken?: InputMaybe<Scalars["String"]["input"]>;
  variantId: Scalars["ID"]["input"];
};

export type MutationSetCartLineQuantityArgs = {
  cartToken?: InputMaybe<Scalars["String"]["input"]>;
  quantity: Scalars["Int"]["input"];
  variantId: Scalars["ID"]["input"];
};

/** A purchasable version of a product (size, colour …) with its own SKU, price and stock. */
export type ProductVariant = {
  __typename?: "ProductVariant";
  id: Scalars["ID"]["output"];
};

export type Query = {
  __typename?: "Query";
  /**
   * The caller's cart: a signed-in customer's own, or the guest cart of the `x-cart-token` header
   * (or `cartToken`, for clients that cannot set headers; it wins over the header). Null when
   * there is none yet.
   */
  cart?: Maybe<Cart>;
  /** Internal: a customer's cart priced for checkout. Service credential required. */
  checkoutCart: CheckoutCart;
};

export type QueryCartArgs = {
  cartToken?: InputMaybe<Scalars["String"]["input"]>;
};

export type QueryCheckoutCartArgs = {
  userId: Scalars["ID"]["input"];
};

export type ResolverTypeWrapper<T> = Promise<T> | T;

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

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Cart: ResolverTypeWrapper<CartRow>;
  ID: ResolverTypeWrapper<Scalars["ID"]["output"]>;
  Int: ResolverTypeWrapper<Scalars["Int"]["output"]>;
  Boolean: ResolverTypeWrapper<Scalars["Boolean"]["output"]>;
  CartError: ResolverTypeWrapper<CartError>;
  String: ResolverTypeWrapper<Scalars["String"]["output"]>;
  CartErrorCode: CartErrorCode;
  CartLine: ResolverTypeWrapper<PricedLine>;
  CartLineIssue: ResolverTypeWrapper<CartLineIssue>;
  CartLineIssueCode: CartLineIssueCode;
  CartPayload: ResolverTypeWrapper<Omit<CartPayload, "cart"> & { cart?: Maybe<ResolversTypes["Cart"]> }>;
  CheckoutCart: ResolverTypeWrapper<CheckoutCart>;
  CheckoutCartIssue: ResolverTypeWrapper<CheckoutCartIssue>;
  CheckoutCartLine: ResolverTypeWrapper<CheckoutCartLine>;
  CheckoutLineInput: CheckoutLineInput;
  DateTime: ResolverTypeWrapper<Scalars["DateTime"]["output"]>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Cart: CartRow;
  ID: Scalars["ID"]["output"];
  Int: Scalars["Int"]["output"];
  Boolean: Scalars["Boolean"]["output"];
  CartError: CartError;
  String: Scalars["String"]["output"];
  CartLine: PricedLine;
  CartLineIssue: CartLineIssue;
  CartPayload: Omit<CartPayload, "cart"> & { cart?: Maybe<ResolversParentTypes["Cart"]> };
  CheckoutCart: CheckoutCart;
  CheckoutCartIssue: CheckoutCartIssue;
  CheckoutCartLine: CheckoutCartLine;
  CheckoutLineInput: CheckoutLineInput;
  DateTime: Scalars["DateTime"]["output"];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
};

export type CartResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["Cart"] = ResolversParentTypes["Cart"],
> = {
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes["CartLine"]>, ParentType, ContextType>;
  readyForCheckout?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  subtotal?: Resolver<Maybe<ResolversTypes["Money"]>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
};

export type CartErrorResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["CartError"] = ResolversParentTypes["CartError"],
> = {
  available?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes["CartErrorCode"], ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type CartLineResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["CartLine"] = ResolversParentTypes["CartLine"],
> = {
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes["CartLineIssue"]>, ParentType, ContextType>;
  lineTotal?: Resolver<Maybe<ResolversTypes["Money"]>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  unitPrice?: Resolver<Maybe<ResolversTypes["Money"]>, ParentType, ContextType>;
  variant?: Resolver<ResolversTypes["ProductVariant"], ParentType, ContextType>;
};

export type CartLineIssueResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["CartLineIssue"] = ResolversParentTypes["CartLineIssue"],
> = {
  available?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  code?: Resolver<ResolversTypes["CartLineIssueCode"], ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type CartPayloadResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["CartPayload"] = ResolversParentTypes["CartPayload"],
> = {
  cart?: Resolver<Maybe<ResolversTypes["Cart"]>, ParentType, ContextType>;
  cartToken?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes["CartError"]>, ParentType, ContextType>;
};

export type CheckoutCartResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["CheckoutCart"] = ResolversParentTypes["CheckoutCart"],
> = {
  cartId?: Resolver<Maybe<ResolversTypes["ID"]>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  issues?: Resolver<Array<ResolversTypes["CheckoutCartIssue"]>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes["CheckoutCartLine"]>, ParentType, ContextType>;
  subtotal?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
};

export type CheckoutCartIssueResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["CheckoutCartIssue"] = ResolversParentTypes["CheckoutCartIssue"],
> = {
  available?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  code?: Resolver<ResolversTypes["CartLineIssueCode"], ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type CheckoutCartLineResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["CheckoutCartLine"] = ResolversParentTypes["CheckoutCartLine"],
> = {
  productId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  productName?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  variantName?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["DateTime"], any> {
  name: "DateTime";
}

export type MoneyResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["Money"] = ResolversParentTypes["Money"],
> = {
  amount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["Mutation"] = ResolversParentTypes["Mutation"],
> = {
  addToCart?: Resolver<
    ResolversTypes["CartPayload"],
    ParentType,
    ContextType,
    RequireFields<MutationAddToCartArgs, "quantity" | "variantId">
  >;
  clearCart?: Resolver<ResolversTypes["Cart"], ParentType, ContextType, Partial<MutationClearCartArgs>>;
  completeCheckout?: Resolver<
    ResolversTypes["Boolean"],
    ParentType,
    ContextType,
    RequireFields<MutationCompleteCheckoutArgs, "cartId" | "lines" | "orderId">
  >;
  mergeGuestCart?: Resolver<
    ResolversTypes["Cart"],
    ParentType,
    ContextType,
    RequireFields<MutationMergeGuestCartArgs, "cartToken">
  >;
  removeFromCart?: Resolver<
    ResolversTypes["CartPayload"],
    ParentType,
    ContextType,
    RequireFields<MutationRemoveFromCartArgs, "variantId">
  >;
  setCartLineQuantity?: Resolver<
    ResolversTypes["CartPayload"],
    ParentType,
    ContextType,
    RequireFields<MutationSetCartLineQuantityArgs, "quantity" | "variantId">
  >;
};

export type ProductVariantResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["ProductVariant"] = ResolversParentTypes["ProductVariant"],
> = {
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = CartContext,
  ParentType extends ResolversParentTypes["Query"] = ResolversParentTypes["Query"],
> = {
  cart?: Resolver<Maybe<ResolversTypes["Cart"]>, ParentType, ContextType, Partial<QueryCartArgs>>;
  checkoutCart?: Resolver<
    ResolversTypes["CheckoutCart"],
    ParentType,
    ContextType,
    RequireFields<QueryCheckoutCartArgs, "userId">
  >;
};

export type Resolvers<ContextType = CartContext> = {
  Cart?: CartResolvers<ContextType>;
  CartError?: CartErrorResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartLineIssue?: CartLineIssueResolvers<ContextType>;
  CartPayload?: CartPayloadResolvers<ContextType>;
  CheckoutCart?: CheckoutCartResolvers<ContextType>;
  CheckoutCartIssue?: CheckoutCartIssueResolvers<ContextType>;
  CheckoutCartLine?: CheckoutCartLineResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};
