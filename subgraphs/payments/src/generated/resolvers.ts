/* eslint-disable */
// Generated from the payments subgraph's src/schema.graphql and resolvers.codegen.json by `npm run codegen -w @storefront/contracts`; do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import type { PaymentRow, RefundRow } from "../db/schema";
import type { PaymentsContext } from "../context";
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
 * A card as the customer typed it. Sent to the card processor only; never stored or logged.
 * Public because the orders subgraph's checkout takes the same input type.
 */
export type CardInput = {
  /** The 3 or 4 digit security code. */
  cvc: Scalars["String"]["input"];
  /** 1 to 12. */
  expMonth: Scalars["Int"]["input"];
  /** Four digits (two are read as 20xx). */
  expYear: Scalars["Int"]["input"];
  /** 12 to 19 digits; spaces and dashes are ignored. */
  number: Scalars["String"]["input"];
};

/** A charge for an order, as the checkout asks for it. */
export type ChargePaymentInput = {
  /** Minor units; positive, at most 99999999. */
  amount: Scalars["Int"]["input"];
  /** The card to charge; validated before anything is written. */
  card: CardInput;
  /** ISO 4217, upper case, e.g. `USD`. */
  currency: Scalars["String"]["input"];
  /**
   * Chosen by the caller (1–255 characters), one per charge intended (the checkout uses the order
   * id). The same key with the same request returns the first payment, failed or not, and charges
   * nothing more; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).
   */
  idempotencyKey: Scalars["String"]["input"];
  /** The `Order` being paid for. */
  orderId: Scalars["ID"]["input"];
  /** The customer paying; the only customer who will see the payment. */
  userId: Scalars["ID"]["input"];
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
   * Internal: charges a card for an order. A refused card is a FAILED payment, not an error.
   * Service credential required.
   */
  chargePayment: Payment;
  /** ADMIN (or the platform itself, with the service credential): refunds all or part of a successful payment. */
  refundPayment: RefundResult;
};

export type MutationChargePaymentArgs = {
  input: ChargePaymentInput;
};

export type MutationRefundPaymentArgs = {
  input: RefundPaymentInput;
};

/** An order of the orders subgraph; payments adds what was paid for it. */
export type Order = {
  __typename?: "Order";
  /** The order's id, as the orders subgraph gave it. */
  id: Scalars["ID"]["output"];
  /**
   * The order's payment (its latest attempt). Null when the order has not been charged, and for
   * anyone but the customer who paid, an administrator or a platform service.
   */
  payment?: Maybe<Payment>;
};

export type PageInfo = {
  __typename?: "PageInfo";
  endCursor?: Maybe<Scalars["String"]["output"]>;
  hasNextPage: Scalars["Boolean"]["output"];
};

/** One attempt to charge a card for an order. The card number and security code are never stored. */
export type Payment = {
  __typename?: "Payment";
  /** What was charged (or, for a failed payment, what the charge was for). */
  amount: Money;
  /** The card network: `VISA`, `MASTERCARD`, `AMEX` or `UNKNOWN`. */
  cardBrand: Scalars["String"]["output"];
  /** The last four digits of the card number. */
  cardLast4: Scalars["String"]["output"];
  /** When the charge was made (or refused). */
  createdAt: Scalars["DateTime"]["output"];
  /** Why the charge failed; null unless `status` is FAILED. */
  failureCode?: Maybe<PaymentFailureCode>;
  /** What to tell the customer about the failure; null unless `status` is FAILED. */
  failureMessage?: Maybe<Scalars["String"]["output"]>;
  /** Opaque; what `refundPayment` takes. */
  id: Scalars["ID"]["output"];
  /** How much has been refunded so far, in the payment's currency; zero when nothing has. */
  refundedAmount: Money;
  /** Refunds made on this payment, oldest first. */
  refunds: Array<Refund>;
  /** Whether the money was taken, and how much of it went back. */
  status: PaymentStatus;
};

/** Why a charge failed. */
export type PaymentFailureCode =
  /** The card issuer refused the charge. */
  | "DECLINED"
  /** The card does not have enough funds for the amount. */
  | "INSUFFICIENT_FUNDS"
  /** The card processor could not complete the charge; a new attempt may succeed. */
  | "PROCESSING_ERROR";

/** Where a payment stands: whether the money was taken, and how much of it went back. */
export type PaymentStatus =
  /** The charge was refused or could not be made; no money was taken. See `failureCode`. */
  | "FAILED"
  /** Part of the amount has been refunded. */
  | "PARTIALLY_REFUNDED"
  /** The whole amount has been refunded. */
  | "REFUNDED"
  /** The charge went through and nothing has been refunded. */
  | "SUCCEEDED";

export type Query = {
  __typename?: "Query";
  /**
   * Internal: the order's payment (its latest attempt), or null when it was never charged. A charge
   * still in progress is a retryable error (CONFLICT, reason IDEMPOTENCY_KEY_IN_USE), never
   * null. Service credential required.
   */
  paymentForOrder?: Maybe<Payment>;
};

export type QueryPaymentForOrderArgs = {
  orderId: Scalars["ID"]["input"];
};

/** Money given back on a payment. */
export type Refund = {
  __typename?: "Refund";
  /** How much went back, in the payment's currency. */
  amount: Money;
  /** When the refund was made. */
  createdAt: Scalars["DateTime"]["output"];
  /** Opaque. */
  id: Scalars["ID"]["output"];
  /** Why, as the administrator wrote it. */
  reason?: Maybe<Scalars["String"]["output"]>;
};

/** An expected refusal of a refund; nothing was refunded. */
export type RefundError = {
  __typename?: "RefundError";
  /** What kind of refusal it is, for clients to act on. */
  code: RefundErrorCode;
  /** What went wrong, in words an administrator can act on. */
  message: Scalars["String"]["output"];
};

/** Why a refund was refused. */
export type RefundErrorCode =
  /** More than what is left to refund was asked for. */
  | "AMOUNT_EXCEEDS_REFUNDABLE"
  /** No payment has this id. */
  | "PAYMENT_NOT_FOUND"
  /** The payment failed (nothing was taken) or has been refunded in full. */
  | "PAYMENT_NOT_REFUNDABLE";

/** What to refund, and how much. */
export type RefundPaymentInput = {
  /** Minor units; positive. Omitted: everything that can still be refunded. */
  amount?: InputMaybe<Scalars["Int"]["input"]>;
  /**
   * Chosen by the caller (1–255 characters), one per refund intended. The same key with the same
   * input returns the first outcome and refunds nothing more; the same key with other input is
   * refused with `extensions.reason: IDEMPOTENCY_KEY_REUSED`. Keys are remembered at least 24 hours.
   */
  idempotencyKey: Scalars["String"]["input"];
  /** The `Payment` to refund (from `Order.payment`). */
  paymentId: Scalars["ID"]["input"];
  /** Why the money goes back, for the record (at most 500 characters). */
  reason?: InputMaybe<Scalars["String"]["input"]>;
};

/** The outcome of `refundPayment`: the refund, or why there is none. */
export type RefundResult = RefundError | RefundSucceeded;

/** The refund was made. */
export type RefundSucceeded = {
  __typename?: "RefundSucceeded";
  /** The payment with this refund counted in. */
  payment: Payment;
  /** The refund just made. */
  refund: Refund;
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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Order: { __typename: "Order" } & GraphQLRecursivePick<FederationTypes["Order"], { id: true }>;
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  RefundResult:
    | (RefundError & { __typename: "RefundError" })
    | (Omit<RefundSucceeded, "payment" | "refund"> & {
        payment: _RefType["Payment"];
        refund: _RefType["Refund"];
      } & { __typename: "RefundSucceeded" });
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CardInput: CardInput;
  String: ResolverTypeWrapper<Scalars["String"]["output"]>;
  Int: ResolverTypeWrapper<Scalars["Int"]["output"]>;
  ChargePaymentInput: ChargePaymentInput;
  ID: ResolverTypeWrapper<Scalars["ID"]["output"]>;
  DateTime: ResolverTypeWrapper<Scalars["DateTime"]["output"]>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<Omit<Order, "payment"> & { payment?: Maybe<ResolversTypes["Payment"]> }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars["Boolean"]["output"]>;
  Payment: ResolverTypeWrapper<PaymentRow>;
  PaymentFailureCode: PaymentFailureCode;
  PaymentStatus: PaymentStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Refund: ResolverTypeWrapper<RefundRow>;
  RefundError: ResolverTypeWrapper<RefundError>;
  RefundErrorCode: RefundErrorCode;
  RefundPaymentInput: RefundPaymentInput;
  RefundResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>["RefundResult"]>;
  RefundSucceeded: ResolverTypeWrapper<
    Omit<RefundSucceeded, "payment" | "refund"> & {
      payment: ResolversTypes["Payment"];
      refund: ResolversTypes["Refund"];
    }
  >;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CardInput: CardInput;
  String: Scalars["String"]["output"];
  Int: Scalars["Int"]["output"];
  ChargePaymentInput: ChargePaymentInput;
  ID: Scalars["ID"]["output"];
  DateTime: Scalars["DateTime"]["output"];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order:
    | (Omit<Order, "payment"> & { payment?: Maybe<ResolversParentTypes["Payment"]> })
    | FederationReferenceTypes["Order"];
  PageInfo: PageInfo;
  Boolean: Scalars["Boolean"]["output"];
  Payment: PaymentRow;
  Query: Record<PropertyKey, never>;
  Refund: RefundRow;
  RefundError: RefundError;
  RefundPaymentInput: RefundPaymentInput;
  RefundResult: ResolversUnionTypes<ResolversParentTypes>["RefundResult"];
  RefundSucceeded: Omit<RefundSucceeded, "payment" | "refund"> & {
    payment: ResolversParentTypes["Payment"];
    refund: ResolversParentTypes["Refund"];
  };
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["DateTime"], any> {
  name: "DateTime";
}

export type MoneyResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["Money"] = ResolversParentTypes["Money"],
> = {
  amount?: Resolver<ResolversTypes["Int"], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["Mutation"] = ResolversParentTypes["Mutation"],
> = {
  chargePayment?: Resolver<
    ResolversTypes["Payment"],
    ParentType,
    ContextType,
    RequireFields<MutationChargePaymentArgs, "input">
  >;
  refundPayment?: Resolver<
    ResolversTypes["RefundResult"],
    ParentType,
    ContextType,
    RequireFields<MutationRefundPaymentArgs, "input">
  >;
};

export type OrderResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["Order"] = ResolversParentTypes["Order"],
  FederationReferenceType extends FederationReferenceTypes["Order"] = FederationReferenceTypes["Order"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["Order"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes["Payment"]>, ParentType, ContextType>;
};

export type PageInfoResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["PageInfo"] = ResolversParentTypes["PageInfo"],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
};

export type PaymentResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["Payment"] = ResolversParentTypes["Payment"],
> = {
  amount?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  cardBrand?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  cardLast4?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  failureCode?: Resolver<Maybe<ResolversTypes["PaymentFailureCode"]>, ParentType, ContextType>;
  failureMessage?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  refundedAmount?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes["Refund"]>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes["PaymentStatus"], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["Query"] = ResolversParentTypes["Query"],
> = {
  paymentForOrder?: Resolver<
    Maybe<ResolversTypes["Payment"]>,
    ParentType,
    ContextType,
    RequireFields<QueryPaymentForOrderArgs, "orderId">
  >;
};

export type RefundResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["Refund"] = ResolversParentTypes["Refund"],
> = {
  amount?: Resolver<ResolversTypes["Money"], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
};

export type RefundErrorResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["RefundError"] = ResolversParentTypes["RefundError"],
> = {
  code?: Resolver<ResolversTypes["RefundErrorCode"], ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RefundResultResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["RefundResult"] = ResolversParentTypes["RefundResult"],
> = {
  __resolveType?: TypeResolveFn<"RefundError" | "RefundSucceeded", ParentType, ContextType>;
};

export type RefundSucceededResolvers<
  ContextType = PaymentsContext,
  ParentType extends ResolversParentTypes["RefundSucceeded"] = ResolversParentTypes["RefundSucceeded"],
> = {
  payment?: Resolver<ResolversTypes["Payment"], ParentType, ContextType>;
  refund?: Resolver<ResolversTypes["Refund"], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = PaymentsContext> = {
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  RefundError?: RefundErrorResolvers<ContextType>;
  RefundResult?: RefundResultResolvers<ContextType>;
  RefundSucceeded?: RefundSucceededResolvers<ContextType>;
};
