/* eslint-disable */
// Generated from the shipping subgraph's src/schema.graphql and resolvers.codegen.json by `npm run codegen -w @storefront/contracts`; do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import type { ShipmentRow } from "../db/schema";
import type { ShippingContext } from "../context";
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

/** Which caches may keep a response: any (PUBLIC), or only the caller's own (PRIVATE). */
export type CacheControlScope = "PRIVATE" | "PUBLIC";

/** A range of calendar dates, each an ISO-8601 date such as `2026-11-24` (UTC). */
export type DeliveryDateRange = {
  __typename?: "DeliveryDateRange";
  /** The earliest expected delivery date, if dispatched today. */
  earliest: Scalars["String"]["output"];
  /** The latest expected delivery date, if dispatched today. */
  latest: Scalars["String"]["output"];
};

/** A range of business days (Monday to Friday). */
export type DeliveryDays = {
  __typename?: "DeliveryDays";
  /** Most business days from dispatch to delivery. */
  max: Scalars["Int"]["output"];
  /** Fewest business days from dispatch to delivery. */
  min: Scalars["Int"]["output"];
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
  /** Moves a shipment to its next status (after an exception: where it left off). Administrators only. */
  advanceShipment: Shipment;
  /** Records that a shipment is held up, with the reason shown to the customer. Administrators only. */
  reportShipmentException: Shipment;
};

export type MutationAdvanceShipmentArgs = {
  id: Scalars["ID"]["input"];
  note?: InputMaybe<Scalars["String"]["input"]>;
};

export type MutationReportShipmentExceptionArgs = {
  id: Scalars["ID"]["input"];
  reason: Scalars["String"]["input"];
};

/** A purchase. Lines, prices and address are snapshots taken at checkout. */
export type Order = {
  __typename?: "Order";
  /** The order's id, as the orders subgraph gave it. */
  id: Scalars["ID"]["output"];
  /** The order's shipment, once it has one (after payment). Only the order's customer and administrators see it. */
  shipment?: Maybe<Shipment>;
};

export type PageInfo = {
  __typename?: "PageInfo";
  endCursor?: Maybe<Scalars["String"]["output"]>;
  hasNextPage: Scalars["Boolean"]["output"];
};

export type Query = {
  __typename?: "Query";
  /** A shipment, for its order's customer and administrators; null for anyone else. */
  shipment?: Maybe<Shipment>;
  /** Every shipment, newest first, optionally only those in one status. Administrators only. */
  shipments: ShipmentConnection;
  /** The ways to ship to an address, cheapest first. Open to everyone, signed in or not. */
  shippingOptions: Array<ShippingOption>;
  /** One option's price to an address, for the orders service at checkout; null when the option does not exist or does not ship there. Internal. */
  shippingQuote?: Maybe<ShippingOption>;
};

export type QueryShipmentArgs = {
  id: Scalars["ID"]["input"];
};

export type QueryShipmentsArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  status?: InputMaybe<ShipmentStatus>;
};

export type QueryShippingOptionsArgs = {
  address: ShippingAddressInput;
};

export type QueryShippingQuoteArgs = {
  address: ShippingAddressInput;
  optionId: Scalars["ID"]["input"];
};

/** The parcel that carries an order to its customer. Every paid order has exactly one. */
export type Shipment = {
  __typename?: "Shipment";
  /** The carrier's name, e.g. `UPS`. */
  carrier: Scalars["String"]["output"];
  /** When the shipment was created (its label printed). */
  createdAt: Scalars["DateTime"]["output"];
  /** When the carrier expects to deliver, at the latest. */
  estimatedDeliveryAt?: Maybe<Scalars["DateTime"]["output"]>;
  /** Every status the shipment has had, oldest first. */
  events: Array<ShipmentEvent>;
  /** Why the shipment is held up, while its status is EXCEPTION. */
  exceptionReason?: Maybe<Scalars["String"]["output"]>;
  /** Opaque id of the shipment. */
  id: Scalars["ID"]["output"];
  /** The order this shipment carries. */
  order: Order;
  /** The carrier's service, e.g. `Ground`. */
  service: Scalars["String"]["output"];
  /** Where the shipment is now. */
  status: ShipmentStatus;
  /** The number the carrier tracks the parcel by. */
  trackingNumber: Scalars["String"]["output"];
  /** When the status last changed. */
  updatedAt: Scalars["DateTime"]["output"];
};

/** A page of shipments. */
export type ShipmentConnection = {
  __typename?: "ShipmentConnection";
  /** The shipments of this page with their cursors. */
  edges: Array<ShipmentEdge>;
  /** The shipments of this page, without their cursors. */
  nodes: Array<Shipment>;
  /** Whether there is a next page, and the cursor to ask for it. */
  pageInfo: PageInfo;
};

/** An edge of a shipment list. */
export type ShipmentEdge = {
  __typename?: "ShipmentEdge";
  /** Pass as `after` to get the shipments after this one. */
  cursor: Scalars["String"]["output"];
  /** The shipment. */
  node: Shipment;
};

/** One change in a shipment's status. */
export type ShipmentEvent = {
  __typename?: "ShipmentEvent";
  /** When the change happened. */
  at: Scalars["DateTime"]["output"];
  /** The carrier's remark, or the reason for an exception. */
  note?: Maybe<Scalars["String"]["output"]>;
  /** The status the shipment moved to. */
  status: ShipmentStatus;
};

/** Where a shipment is on its way to the customer. */
export type ShipmentStatus =
  /** Handed over at the delivery address. Final. */
  | "DELIVERED"
  /** Held up (damaged, wrong address, customs …); see `exceptionReason`. The next advance resumes the journey. */
  | "EXCEPTION"
  /** Collected by the carrier and moving through its network. */
  | "IN_TRANSIT"
  /** The carrier's label is printed; the parcel has not been collected yet. */
  | "LABEL_CREATED"
  /** On the delivery vehicle for the last leg. */
  | "OUT_FOR_DELIVERY";

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

/** A way to ship to an address: a carrier's service with its price and delivery estimate. */
export type ShippingOption = {
  __typename?: "ShippingOption";
  /** The carrier's name, e.g. `UPS`. */
  carrier: Scalars["String"]["output"];
  /** The delivery dates the transit time gives for an order dispatched today. */
  estimatedDeliveryDate: DeliveryDateRange;
  /** Transit time in business days. */
  estimatedDeliveryDays: DeliveryDays;
  /** Stable id, e.g. `ups-ground`; give it as the shipping option at checkout. */
  id: Scalars["ID"]["output"];
  /** What shipping costs, in the shop's currency. */
  price: Money;
  /** The carrier's service, e.g. `Ground`. */
  service: Scalars["String"]["output"];
  /** Standard or express. */
  speed: ShippingSpeed;
  /** The zone of the address, which the price is for. */
  zone: ShippingZone;
};

/** How fast a shipping service is. */
export type ShippingSpeed =
  /** The carrier's fastest service, at a higher price. */
  | "EXPRESS"
  /** The carrier's ground or economy service. */
  | "STANDARD";

/** How far a parcel travels from the shop, which sets its price. */
export type ShippingZone =
  /** Within the shop's own country. */
  | "DOMESTIC"
  /** Anywhere else. */
  | "INTERNATIONAL"
  /** To a neighbouring country of the shop's region (e.g. Canada or Mexico from the US). */
  | "REGIONAL";

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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Order: { __typename: "Order" } & GraphQLRecursivePick<FederationTypes["Order"], { id: true }>;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CacheControlScope: CacheControlScope;
  DateTime: ResolverTypeWrapper<Scalars["DateTime"]["output"]>;
  DeliveryDateRange: ResolverTypeWrapper<DeliveryDateRange>;
  String: ResolverTypeWrapper<Scalars["String"]["output"]>;
  DeliveryDays: ResolverTypeWrapper<DeliveryDays>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars["ID"]["output"]>;
  Order: ResolverTypeWrapper<Omit<Order, "shipment"> & { shipment?: Maybe<ResolversTypes["Shipment"]> }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Shipment: ResolverTypeWrapper<ShipmentRow>;
  ShipmentConnection: ResolverTypeWrapper<
    Omit<ShipmentConnection, "edges" | "nodes"> & {
      edges: Array<ResolversTypes["ShipmentEdge"]>;
      nodes: Array<ResolversTypes["Shipment"]>;
    }
  >;
  ShipmentEdge: ResolverTypeWrapper<Omit<ShipmentEdge, "node"> & { node: ResolversTypes["Shipment"] }>;
  ShipmentEvent: ResolverTypeWrapper<ShipmentEvent>;
  ShipmentStatus: ShipmentStatus;
  ShippingAddressInput: ShippingAddressInput;
  ShippingOption: ResolverTypeWrapper<ShippingOption>;
  ShippingSpeed: ShippingSpeed;
  ShippingZone: ShippingZone;
  Boolean: ResolverTypeWrapper<Scalars["Boolean"]["output"]>;
  Int: ResolverTypeWrapper<Scalars["Int"]["output"]>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars["DateTime"]["output"];
  DeliveryDateRange: DeliveryDateRange;
  String: Scalars["String"]["output"];
  DeliveryDays: DeliveryDays;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  ID: Scalars["ID"]["output"];
  Order:
    | (Omit<Order, "shipment"> & { shipment?: Maybe<ResolversParentTypes["Shipment"]> })
    | FederationReferenceTypes["Order"];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Shipment: ShipmentRow;
  ShipmentConnection: Omit<ShipmentConnection, "edges" | "nodes"> & {
    edges: Array<ResolversParentTypes["ShipmentEdge"]>;
    nodes: Array<ResolversParentTypes["Shipment"]>;
  };
  ShipmentEdge: Omit<ShipmentEdge, "node"> & { node: ResolversParentTypes["Shipment"] };
  ShipmentEvent: ShipmentEvent;
  ShippingAddressInput: ShippingAddressInput;
  ShippingOption: ShippingOption;
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
  ContextType = ShippingContext,
  Args = CacheControlDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["DateTime"], any> {
  name: "DateTime";
}

export type DeliveryDateRangeResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["DeliveryDateRange"] = ResolversParentTypes["DeliveryDateRange"],
> = {
  earliest?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  latest?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type DeliveryDaysResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["DeliveryDays"] = ResolversParentTypes["DeliveryDays"],
> = {
  max?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  min?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
};

export type MoneyResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["Money"] = ResolversParentTypes["Money"],
> = {
  amount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["Mutation"] = ResolversParentTypes["Mutation"],
> = {
  advanceShipment?: Resolver<
    ResolversTypes["Shipment"],
    ParentType,
    ContextType,
    RequireFields<MutationAdvanceShipmentArgs, "id">
  >;
  reportShipmentException?: Resolver<
    ResolversTypes["Shipment"],
    ParentType,
    ContextType,
    RequireFields<MutationReportShipmentExceptionArgs, "id" | "reason">
  >;
};

export type OrderResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["Order"] = ResolversParentTypes["Order"],
  FederationReferenceType extends FederationReferenceTypes["Order"] = FederationReferenceTypes["Order"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["Order"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  shipment?: Resolver<Maybe<ResolversTypes["Shipment"]>, ParentType, ContextType>;
};

export type PageInfoResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["PageInfo"] = ResolversParentTypes["PageInfo"],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["Query"] = ResolversParentTypes["Query"],
> = {
  shipment?: Resolver<
    Maybe<ResolversTypes["Shipment"]>,
    ParentType,
    ContextType,
    RequireFields<QueryShipmentArgs, "id">
  >;
  shipments?: Resolver<
    ResolversTypes["ShipmentConnection"],
    ParentType,
    ContextType,
    RequireFields<QueryShipmentsArgs, "first">
  >;
  shippingOptions?: Resolver<
    Array<ResolversTypes["ShippingOption"]>,
    ParentType,
    ContextType,
    RequireFields<QueryShippingOptionsArgs, "address">
  >;
  shippingQuote?: Resolver<
    Maybe<ResolversTypes["ShippingOption"]>,
    ParentType,
    ContextType,
    RequireFields<QueryShippingQuoteArgs, "address" | "optionId">
  >;
};

export type ShipmentResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["Shipment"] = ResolversParentTypes["Shipment"],
> = {
  carrier?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  estimatedDeliveryAt?: Resolver<Maybe<ResolversTypes["DateTime"]>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes["ShipmentEvent"]>, ParentType, ContextType>;
  exceptionReason?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  order?: Resolver<ResolversTypes["Order"], ParentType, ContextType>;
  service?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  status?: Resolver<ResolversTypes["ShipmentStatus"], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
};

export type ShipmentConnectionResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["ShipmentConnection"] = ResolversParentTypes["ShipmentConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["ShipmentEdge"]>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes["Shipment"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
};

export type ShipmentEdgeResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["ShipmentEdge"] = ResolversParentTypes["ShipmentEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["Shipment"], ParentType, ContextType>;
};

export type ShipmentEventResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["ShipmentEvent"] = ResolversParentTypes["ShipmentEvent"],
> = {
  at?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["ShipmentStatus"], ParentType, ContextType>;
};

export type ShippingOptionResolvers<
  ContextType = ShippingContext,
  ParentType extends ResolversParentTypes["ShippingOption"] = ResolversParentTypes["ShippingOption"],
> = {
  carrier?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  estimatedDeliveryDate?: Resolver<ResolversTypes["DeliveryDateRange"], ParentType, ContextType>;
  estimatedDeliveryDays?: Resolver<ResolversTypes["DeliveryDays"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  price?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  service?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  speed?: Resolver<ResolversTypes["ShippingSpeed"], ParentType, ContextType>;
  zone?: Resolver<ResolversTypes["ShippingZone"], ParentType, ContextType>;
};

export type Resolvers<ContextType = ShippingContext> = {
  DateTime?: GraphQLScalarType;
  DeliveryDateRange?: DeliveryDateRangeResolvers<ContextType>;
  DeliveryDays?: DeliveryDaysResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShipmentConnection?: ShipmentConnectionResolvers<ContextType>;
  ShipmentEdge?: ShipmentEdgeResolvers<ContextType>;
  ShipmentEvent?: ShipmentEventResolvers<ContextType>;
  ShippingOption?: ShippingOptionResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = ShippingContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
