/* eslint-disable */
// Generated from the orders subgraph's src/schema.graphql and resolvers.codegen.json by `npm run codegen -w @storefront/contracts`; do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import type { OrderRow, OrderLineRow } from "../db/schema";
import type { OrderStatusEvent as OrderStatusEventRecord } from "../services/live";
import type { Shortage } from "../services/checkout";
import type { OrdersContext } from "../context";
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

export type CardInput = {
  cvc: Scalars["String"]["input"];
  expMonth: Scalars["Int"]["input"];
  /** Four digits, e.g. 2030. */
  expYear: Scalars["Int"]["input"];
  /** Digits; spaces and dashes are ignored. Never stored. */
  number: Scalars["String"]["input"];
};

/** An expected checkout failure. Nothing was charged; any stock held was released. */
export type CheckoutError = {
  __typename?: "CheckoutError";
  code: CheckoutErrorCode;
  /** A message the storefront can show. */
  message: Scalars["String"]["output"];
  /** The order that was attempted, when one was created (retry with a new idempotency key). */
  order?: Maybe<Order>;
  shortages: Array<StockShortage>;
};

/** Machine-readable reasons a checkout did not produce a paid order. */
export type CheckoutErrorCode =
  /** Some cart lines are out of stock or unavailable; see the cart's line issues. */
  | "CART_HAS_ISSUES"
  /** The cart has no lines. */
  | "EMPTY_CART"
  /** The card has insufficient funds. */
  | "INSUFFICIENT_FUNDS"
  /** Stock ran out while checking out; see `shortages`. */
  | "OUT_OF_STOCK"
  /** The card was declined. */
  | "PAYMENT_DECLINED"
  /** The payment could not be processed; trying again may work. */
  | "PAYMENT_ERROR";

export type CheckoutInput = {
  card: CardInput;
  /** Chosen by the client per checkout attempt (e.g. a UUID); sending it again returns the same order. */
  idempotencyKey: Scalars["String"]["input"];
  /** …or an address given here (exactly one of the two). */
  shippingAddress?: InputMaybe<ShippingAddressInput>;
  /** One of the signed-in user's saved addresses… */
  shippingAddressId?: InputMaybe<Scalars["ID"]["input"]>;
  /** One of `shippingOptions(address)`; its rate for the address becomes the order's shipping total. */
  shippingOptionId: Scalars["ID"]["input"];
};

export type CheckoutResult = CheckoutError | Order;

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
  /** Cancels an order that has not been paid and releases its stock. The owner or an administrator. */
  cancelOrder: Order;
  /** Turns the signed-in user's cart into an order: reserves stock, takes payment, empties the cart. */
  checkout: CheckoutResult;
};

export type MutationCancelOrderArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationCheckoutArgs = {
  input: CheckoutInput;
};

/** A purchase. Lines, prices and address are snapshots taken at checkout. */
export type Order = {
  __typename?: "Order";
  createdAt: Scalars["DateTime"]["output"];
  customer: User;
  /** Why the order did not go through (PAYMENT_FAILED or CANCELLED). */
  failureReason?: Maybe<Scalars["String"]["output"]>;
  id: Scalars["ID"]["output"];
  lines: Array<OrderLine>;
  shippingAddress: OrderAddress;
  /** The shipping option chosen at checkout, e.g. `ups-ground`. */
  shippingOptionId: Scalars["ID"]["output"];
  shippingTotal: Money;
  status: OrderStatus;
  /** Every status the order has had, oldest first. */
  statusHistory: Array<OrderStatusChange>;
  /** Sum of the lines. */
  subtotal: Money;
  /** What the customer pays: subtotal plus shipping. */
  total: Money;
  updatedAt: Scalars["DateTime"]["output"];
};

/** The shipping address as it was at checkout. */
export type OrderAddress = {
  __typename?: "OrderAddress";
  city: Scalars["String"]["output"];
  /** ISO 3166-1 alpha-2. */
  country: Scalars["String"]["output"];
  fullName: Scalars["String"]["output"];
  line1: Scalars["String"]["output"];
  line2?: Maybe<Scalars["String"]["output"]>;
  phone?: Maybe<Scalars["String"]["output"]>;
  postalCode: Scalars["String"]["output"];
  region?: Maybe<Scalars["String"]["output"]>;
};

export type OrderConnection = {
  __typename?: "OrderConnection";
  edges: Array<OrderEdge>;
  nodes: Array<Order>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: "OrderEdge";
  cursor: Scalars["String"]["output"];
  node: Order;
};

export type OrderLine = {
  __typename?: "OrderLine";
  lineTotal: Money;
  productName: Scalars["String"]["output"];
  quantity: Scalars["Int"]["output"];
  sku: Scalars["String"]["output"];
  /** Price of one unit when the order was placed. */
  unitPrice: Money;
  variant: ProductVariant;
  variantName: Scalars["String"]["output"];
};

/** Where an order is in its life. */
export type OrderStatus =
  /** Cancelled before payment; stock was released. Final. */
  | "CANCELLED"
  /** Delivered to the customer. Final. */
  | "DELIVERED"
  /** Paid; waiting to be shipped. */
  | "PAID"
  /** The payment was refused; stock was released. Final. */
  | "PAYMENT_FAILED"
  /** Stock reserved; the payment is being taken. */
  | "PAYMENT_PENDING"
  /** Created; stock is being reserved. */
  | "PENDING"
  /** Handed to the carrier. */
  | "SHIPPED";

export type OrderStatusChange = {
  __typename?: "OrderStatusChange";
  at: Scalars["DateTime"]["output"];
  note?: Maybe<Scalars["String"]["output"]>;
  status: OrderStatus;
};

/** A change of an order's status, as subscribers receive it. */
export type OrderStatusEvent = {
  __typename?: "OrderStatusEvent";
  changedAt: Scalars["DateTime"]["output"];
  /** The order as it is now. */
  order: Order;
  orderId: Scalars["ID"]["output"];
  /** Null for the first status. */
  previousStatus?: Maybe<OrderStatus>;
  /**
   * Grows by one with every change of this order. After a dropped connection, subscribe again with
   * `afterSequence` set to the last one you saw and the changes you missed come first.
   */
  sequence: Scalars["Int"]["output"];
  status: OrderStatus;
};

export type PageInfo = {
  __typename?: "PageInfo";
  endCursor?: Maybe<Scalars["String"]["output"]>;
  hasNextPage: Scalars["Boolean"]["output"];
};

/** A variant of the catalogue; the order keeps its own snapshot of name and price. */
export type ProductVariant = {
  __typename?: "ProductVariant";
  id: Scalars["ID"]["output"];
};

export type Query = {
  __typename?: "Query";
  /** The signed-in user's orders, newest first. */
  myOrders: OrderConnection;
  /** One order: its owner and administrators only. */
  order?: Maybe<Order>;
};

export type QueryMyOrdersArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
};

export type QueryOrderArgs = {
  id: Scalars["ID"]["input"];
};

/**
 * A postal address to ship to. Shipping options are priced by the country alone, so only `country`
 * is required here; checkout also requires `fullName`, `line1`, `city` and `postalCode` and refuses
 * an address without them (BAD_USER_INPUT naming the field).
 */
export type ShippingAddressInput = {
  /** Town or city. */
  city?: InputMaybe<Scalars["String"]["input"]>;
  /** ISO 3166-1 alpha-2 code, e.g. `US`. */
  country: Scalars["String"]["input"];
  /** The recipient's name. */
  fullName?: InputMaybe<Scalars["String"]["input"]>;
  /** Street address. */
  line1?: InputMaybe<Scalars["String"]["input"]>;
  /** Flat, suite, building … */
  line2?: InputMaybe<Scalars["String"]["input"]>;
  /** A phone number for the carrier. */
  phone?: InputMaybe<Scalars["String"]["input"]>;
  /** Postal or ZIP code; checked against the country's format where it is known. */
  postalCode?: InputMaybe<Scalars["String"]["input"]>;
  /** State, province or county. */
  region?: InputMaybe<Scalars["String"]["input"]>;
};

/** A line that could not be reserved. */
export type StockShortage = {
  __typename?: "StockShortage";
  available: Scalars["Int"]["output"];
  requested: Scalars["Int"]["output"];
  variant: ProductVariant;
};

export type Subscription = {
  __typename?: "Subscription";
  /** Every status change of the signed-in customer's orders from now on. */
  myOrderUpdates: OrderStatusEvent;
  /**
   * Every status change of one order, in order: its owner or an administrator. With `afterSequence`,
   * the changes after that sequence that already happened are sent first.
   */
  orderStatusChanged: OrderStatusEvent;
};

export type SubscriptionOrderStatusChangedArgs = {
  afterSequence?: InputMaybe<Scalars["Int"]["input"]>;
  orderId: Scalars["ID"]["input"];
};

export type User = {
  __typename?: "User";
  id: Scalars["ID"]["output"];
  /** This user's orders, newest first. Only the user and administrators see them. */
  orders: OrderConnection;
};

export type UserOrdersArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
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
  Order: Order;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Order: { __typename: "Order" } & GraphQLRecursivePick<FederationTypes["Order"], { id: true }>;
  User: { __typename: "User" } & GraphQLRecursivePick<FederationTypes["User"], { id: true }>;
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  CheckoutResult:
    | (Omit<CheckoutError, "order" | "shortages"> & {
        order?: Maybe<_RefType["Order"]>;
        shortages: Array<_RefType["StockShortage"]>;
      } & { __typename: "CheckoutError" })
    | (OrderRow & { __typename: "Order" });
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CardInput: CardInput;
  String: ResolverTypeWrapper<Scalars["String"]["output"]>;
  Int: ResolverTypeWrapper<Scalars["Int"]["output"]>;
  CheckoutError: ResolverTypeWrapper<
    Omit<CheckoutError, "order" | "shortages"> & {
      order?: Maybe<ResolversTypes["Order"]>;
      shortages: Array<ResolversTypes["StockShortage"]>;
    }
  >;
  CheckoutErrorCode: CheckoutErrorCode;
  CheckoutInput: CheckoutInput;
  ID: ResolverTypeWrapper<Scalars["ID"]["output"]>;
  CheckoutResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>["CheckoutResult"]>;
  DateTime: ResolverTypeWrapper<Scalars["DateTime"]["output"]>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderAddress: ResolverTypeWrapper<OrderAddress>;
  OrderConnection: ResolverTypeWrapper<
    Omit<OrderConnection, "edges" | "nodes"> & {
      edges: Array<ResolversTypes["OrderEdge"]>;
      nodes: Array<ResolversTypes["Order"]>;
    }
  >;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, "node"> & { node: ResolversTypes["Order"] }>;
  OrderLine: ResolverTypeWrapper<OrderLineRow>;
  OrderStatus: OrderStatus;
  OrderStatusChange: ResolverTypeWrapper<OrderStatusChange>;
  OrderStatusEvent: ResolverTypeWrapper<OrderStatusEventRecord>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars["Boolean"]["output"]>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ShippingAddressInput: ShippingAddressInput;
  StockShortage: ResolverTypeWrapper<Shortage>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<{ id: string }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CardInput: CardInput;
  String: Scalars["String"]["output"];
  Int: Scalars["Int"]["output"];
  CheckoutError: Omit<CheckoutError, "order" | "shortages"> & {
    order?: Maybe<ResolversParentTypes["Order"]>;
    shortages: Array<ResolversParentTypes["StockShortage"]>;
  };
  CheckoutInput: CheckoutInput;
  ID: Scalars["ID"]["output"];
  CheckoutResult: ResolversUnionTypes<ResolversParentTypes>["CheckoutResult"];
  DateTime: Scalars["DateTime"]["output"];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRow;
  OrderAddress: OrderAddress;
  OrderConnection: Omit<OrderConnection, "edges" | "nodes"> & {
    edges: Array<ResolversParentTypes["OrderEdge"]>;
    nodes: Array<ResolversParentTypes["Order"]>;
  };
  OrderEdge: Omit<OrderEdge, "node"> & { node: ResolversParentTypes["Order"] };
  OrderLine: OrderLineRow;
  OrderStatusChange: OrderStatusChange;
  OrderStatusEvent: OrderStatusEventRecord;
  PageInfo: PageInfo;
  Boolean: Scalars["Boolean"]["output"];
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  ShippingAddressInput: ShippingAddressInput;
  StockShortage: Shortage;
  Subscription: Record<PropertyKey, never>;
  User: { id: string };
};

export type CheckoutErrorResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["CheckoutError"] = ResolversParentTypes["CheckoutError"],
> = {
  code?: Resolver<ResolversTypes["CheckoutErrorCode"], ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes["Order"]>, ParentType, ContextType>;
  shortages?: Resolver<Array<ResolversTypes["StockShortage"]>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CheckoutResultResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["CheckoutResult"] = ResolversParentTypes["CheckoutResult"],
> = {
  __resolveType?: TypeResolveFn<"CheckoutError" | "Order", ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["DateTime"], any> {
  name: "DateTime";
}

export type MoneyResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["Money"] = ResolversParentTypes["Money"],
> = {
  amount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["Mutation"] = ResolversParentTypes["Mutation"],
> = {
  cancelOrder?: Resolver<
    ResolversTypes["Order"],
    ParentType,
    ContextType,
    RequireFields<MutationCancelOrderArgs, "id">
  >;
  checkout?: Resolver<
    ResolversTypes["CheckoutResult"],
    ParentType,
    ContextType,
    RequireFields<MutationCheckoutArgs, "input">
  >;
};

export type OrderResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["Order"] = ResolversParentTypes["Order"],
  FederationReferenceType extends FederationReferenceTypes["Order"] = FederationReferenceTypes["Order"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["Order"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes["User"], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes["OrderLine"]>, ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes["OrderAddress"], ParentType, ContextType>;
  shippingOptionId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  shippingTotal?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  status?: Resolver<ResolversTypes["OrderStatus"], ParentType, ContextType>;
  statusHistory?: Resolver<Array<ResolversTypes["OrderStatusChange"]>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  total?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderAddressResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["OrderAddress"] = ResolversParentTypes["OrderAddress"],
> = {
  city?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  country?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
};

export type OrderConnectionResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["OrderConnection"] = ResolversParentTypes["OrderConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["OrderEdge"]>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes["Order"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
};

export type OrderEdgeResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["OrderEdge"] = ResolversParentTypes["OrderEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["Order"], ParentType, ContextType>;
};

export type OrderLineResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["OrderLine"] = ResolversParentTypes["OrderLine"],
> = {
  lineTotal?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  productName?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes["ProductVariant"], ParentType, ContextType>;
  variantName?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type OrderStatusChangeResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["OrderStatusChange"] = ResolversParentTypes["OrderStatusChange"],
> = {
  at?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["OrderStatus"], ParentType, ContextType>;
};

export type OrderStatusEventResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["OrderStatusEvent"] = ResolversParentTypes["OrderStatusEvent"],
> = {
  changedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  order?: Resolver<ResolversTypes["Order"], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  previousStatus?: Resolver<Maybe<ResolversTypes["OrderStatus"]>, ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  status?: Resolver<ResolversTypes["OrderStatus"], ParentType, ContextType>;
};

export type PageInfoResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["PageInfo"] = ResolversParentTypes["PageInfo"],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
};

export type ProductVariantResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["ProductVariant"] = ResolversParentTypes["ProductVariant"],
> = {
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["Query"] = ResolversParentTypes["Query"],
> = {
  myOrders?: Resolver<
    ResolversTypes["OrderConnection"],
    ParentType,
    ContextType,
    RequireFields<QueryMyOrdersArgs, "first">
  >;
  order?: Resolver<
    Maybe<ResolversTypes["Order"]>,
    ParentType,
    ContextType,
    RequireFields<QueryOrderArgs, "id">
  >;
};

export type StockShortageResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["StockShortage"] = ResolversParentTypes["StockShortage"],
> = {
  available?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes["ProductVariant"], ParentType, ContextType>;
};

export type SubscriptionResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["Subscription"] = ResolversParentTypes["Subscription"],
> = {
  myOrderUpdates?: SubscriptionResolver<
    ResolversTypes["OrderStatusEvent"],
    "myOrderUpdates",
    ParentType,
    ContextType
  >;
  orderStatusChanged?: SubscriptionResolver<
    ResolversTypes["OrderStatusEvent"],
    "orderStatusChanged",
    ParentType,
    ContextType,
    RequireFields<SubscriptionOrderStatusChangedArgs, "orderId">
  >;
};

export type UserResolvers<
  ContextType = OrdersContext,
  ParentType extends ResolversParentTypes["User"] = ResolversParentTypes["User"],
  FederationReferenceType extends FederationReferenceTypes["User"] = FederationReferenceTypes["User"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["User"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  orders?: Resolver<
    ResolversTypes["OrderConnection"],
    ParentType,
    ContextType,
    RequireFields<UserOrdersArgs, "first">
  >;
};

export type Resolvers<ContextType = OrdersContext> = {
  CheckoutError?: CheckoutErrorResolvers<ContextType>;
  CheckoutResult?: CheckoutResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderAddress?: OrderAddressResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderStatusChange?: OrderStatusChangeResolvers<ContextType>;
  OrderStatusEvent?: OrderStatusEventResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StockShortage?: StockShortageResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};
