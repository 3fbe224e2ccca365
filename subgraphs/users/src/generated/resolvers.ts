/* eslint-disable */
// Generated from the users subgraph's src/schema.graphql and resolvers.codegen.json by `npm run codegen -w @storefront/contracts`; do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import type { UserRow, AuditRow } from "../db/schema";
import type { UsersContext } from "../context";
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

/** A postal address in the user's address book. */
export type Address = {
  __typename?: "Address";
  city: Scalars["String"]["output"];
  /** ISO 3166-1 alpha-2 country code, e.g. `DE`. */
  country: Scalars["String"]["output"];
  /** Recipient's full name. */
  fullName: Scalars["String"]["output"];
  id: Scalars["ID"]["output"];
  isDefault: Scalars["Boolean"]["output"];
  line1: Scalars["String"]["output"];
  line2?: Maybe<Scalars["String"]["output"]>;
  phone?: Maybe<Scalars["String"]["output"]>;
  postalCode: Scalars["String"]["output"];
  /** State, province or county, where the country uses one. */
  region?: Maybe<Scalars["String"]["output"]>;
};

export type AddressInput = {
  city: Scalars["String"]["input"];
  country: Scalars["String"]["input"];
  fullName: Scalars["String"]["input"];
  /** Make this the default address. */
  isDefault?: InputMaybe<Scalars["Boolean"]["input"]>;
  line1: Scalars["String"]["input"];
  line2?: InputMaybe<Scalars["String"]["input"]>;
  phone?: InputMaybe<Scalars["String"]["input"]>;
  postalCode: Scalars["String"]["input"];
  region?: InputMaybe<Scalars["String"]["input"]>;
};

/** A security event on an account. */
export type AuditEvent = {
  __typename?: "AuditEvent";
  clientIp?: Maybe<Scalars["String"]["output"]>;
  /** The email the event concerned, as it was given. */
  email?: Maybe<Scalars["String"]["output"]>;
  id: Scalars["ID"]["output"];
  occurredAt: Scalars["DateTime"]["output"];
  type: AuditEventType;
  /** The account concerned, when it exists. */
  user?: Maybe<User>;
  userAgent?: Maybe<Scalars["String"]["output"]>;
};

export type AuditEventConnection = {
  __typename?: "AuditEventConnection";
  edges: Array<AuditEventEdge>;
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
};

export type AuditEventEdge = {
  __typename?: "AuditEventEdge";
  cursor: Scalars["String"]["output"];
  node: AuditEvent;
};

/** What happened in a security event. */
export type AuditEventType =
  | "LOGGED_OUT"
  | "LOGIN_FAILED"
  | "LOGIN_SUCCEEDED"
  | "LOGIN_THROTTLED"
  | "PASSWORD_CHANGED"
  | "REFRESH_TOKEN_REUSED"
  | "REGISTERED"
  | "ROLE_CHANGED";

/** An expected failure of register or login; `message` can be shown to the user. */
export type AuthError = {
  __typename?: "AuthError";
  code: AuthErrorCode;
  message: Scalars["String"]["output"];
  /** For TOO_MANY_ATTEMPTS: seconds until another attempt is accepted. */
  retryAfterSeconds?: Maybe<Scalars["Int"]["output"]>;
};

/** Machine-readable reasons an authentication mutation did not succeed. */
export type AuthErrorCode = "EMAIL_TAKEN" | "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS";

export type AuthResult = AuthError | AuthSession;

/** A signed-in session: a short-lived access token and the refresh token that renews it. */
export type AuthSession = {
  __typename?: "AuthSession";
  /** Signed JWT (ES256) to send as `Authorization: Bearer <token>`. */
  accessToken: Scalars["String"]["output"];
  /** When the access token stops being accepted. */
  accessTokenExpiresAt: Scalars["DateTime"]["output"];
  /** Single-use token for `refresh`; each use returns a new one. Keep it secret. */
  refreshToken: Scalars["String"]["output"];
  refreshTokenExpiresAt: Scalars["DateTime"]["output"];
  user: User;
};

/** Which caches may keep a response: any (PUBLIC), or only the caller's own (PRIVATE). */
export type CacheControlScope = "PRIVATE" | "PUBLIC";

export type ChangePasswordInput = {
  currentPassword: Scalars["String"]["input"];
  /** At least 12 characters. */
  newPassword: Scalars["String"]["input"];
};

export type LoginInput = {
  email: Scalars["String"]["input"];
  password: Scalars["String"]["input"];
};

export type Mutation = {
  __typename?: "Mutation";
  /** Adds an address to the signed-in user's address book. */
  addAddress: Address;
  /** Changes the signed-in user's password and ends their other sessions. */
  changePassword: Scalars["Boolean"]["output"];
  /** Signs in. A wrong email and a wrong password give the same INVALID_CREDENTIALS answer. */
  login: AuthResult;
  /** Ends the session the refresh token belongs to. Returns true even if it had already ended. */
  logout: Scalars["Boolean"]["output"];
  /** Exchanges a refresh token for a new session; the old refresh token stops working. */
  refresh: AuthSession;
  /** Creates a CUSTOMER account and signs it in. */
  register: AuthResult;
  /** Removes one of the signed-in user's addresses. Returns the removed address's id. */
  removeAddress: Scalars["ID"]["output"];
  /** Makes one of the signed-in user's addresses the default. */
  setDefaultAddress: Address;
  /** Changes a user's role. ADMIN only; an administrator cannot demote themselves. */
  setUserRole: User;
  /** Edits one of the signed-in user's addresses. */
  updateAddress: Address;
};

export type MutationAddAddressArgs = {
  input: AddressInput;
};

export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};

export type MutationLoginArgs = {
  input: LoginInput;
};

export type MutationLogoutArgs = {
  refreshToken: Scalars["String"]["input"];
};

export type MutationRefreshArgs = {
  refreshToken: Scalars["String"]["input"];
};

export type MutationRegisterArgs = {
  input: RegisterInput;
};

export type MutationRemoveAddressArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationSetDefaultAddressArgs = {
  id: Scalars["ID"]["input"];
};

export type MutationSetUserRoleArgs = {
  role: Role;
  userId: Scalars["ID"]["input"];
};

export type MutationUpdateAddressArgs = {
  id: Scalars["ID"]["input"];
  input: AddressInput;
};

export type PageInfo = {
  __typename?: "PageInfo";
  endCursor?: Maybe<Scalars["String"]["output"]>;
  hasNextPage: Scalars["Boolean"]["output"];
};

export type Query = {
  __typename?: "Query";
  /** Security events, newest first; of one user when `userId` is given. ADMIN only. */
  auditLog: AuditEventConnection;
  /** The signed-in user; null for guests. */
  me?: Maybe<User>;
  /** Any user by id. ADMIN only. */
  user?: Maybe<User>;
  /** All users, newest first. ADMIN only. */
  users: UserConnection;
};

export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
  userId?: InputMaybe<Scalars["ID"]["input"]>;
};

export type QueryUserArgs = {
  id: Scalars["ID"]["input"];
};

export type QueryUsersArgs = {
  after?: InputMaybe<Scalars["String"]["input"]>;
  first?: InputMaybe<Scalars["Int"]["input"]>;
};

export type RegisterInput = {
  email: Scalars["String"]["input"];
  name: Scalars["String"]["input"];
  /** At least 12 characters. */
  password: Scalars["String"]["input"];
};

/** What a signed-in user may do. ADMIN manages the shop. */
export type Role = "ADMIN" | "CUSTOMER";

/** A person with an account. Other subgraphs extend it (orders, reviews). */
export type User = {
  __typename?: "User";
  /** The user's saved addresses, default first. Only the user and administrators see them. */
  addresses: Array<Address>;
  /** When the account was created. */
  createdAt: Scalars["DateTime"]["output"];
  /** The address used when none is chosen. Only the user and administrators see it. */
  defaultAddress?: Maybe<Address>;
  /** Shown to the user and to administrators only; null for anyone else. */
  email?: Maybe<Scalars["String"]["output"]>;
  id: Scalars["ID"]["output"];
  /** The name the user goes by; public (e.g. on reviews). */
  name: Scalars["String"]["output"];
  /** Shown to the user and to administrators only; null for anyone else. */
  role?: Maybe<Role>;
};

export type UserConnection = {
  __typename?: "UserConnection";
  edges: Array<UserEdge>;
  nodes: Array<User>;
  pageInfo: PageInfo;
};

export type UserEdge = {
  __typename?: "UserEdge";
  cursor: Scalars["String"]["output"];
  node: User;
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
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  User: { __typename: "User" } & GraphQLRecursivePick<FederationTypes["User"], { id: true }>;
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  AuthResult:
    | (AuthError & { __typename: "AuthError" })
    | (Omit<AuthSession, "user"> & { user: _RefType["User"] } & { __typename: "AuthSession" });
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Address: ResolverTypeWrapper<Address>;
  String: ResolverTypeWrapper<Scalars["String"]["output"]>;
  ID: ResolverTypeWrapper<Scalars["ID"]["output"]>;
  AddressInput: AddressInput;
  AuditEvent: ResolverTypeWrapper<AuditRow>;
  AuditEventConnection: ResolverTypeWrapper<
    Omit<AuditEventConnection, "edges" | "nodes"> & {
      edges: Array<ResolversTypes["AuditEventEdge"]>;
      nodes: Array<ResolversTypes["AuditEvent"]>;
    }
  >;
  AuditEventEdge: ResolverTypeWrapper<Omit<AuditEventEdge, "node"> & { node: ResolversTypes["AuditEvent"] }>;
  AuditEventType: AuditEventType;
  AuthError: ResolverTypeWrapper<AuthError>;
  AuthErrorCode: AuthErrorCode;
  AuthResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>["AuthResult"]>;
  AuthSession: ResolverTypeWrapper<Omit<AuthSession, "user"> & { user: ResolversTypes["User"] }>;
  CacheControlScope: CacheControlScope;
  ChangePasswordInput: ChangePasswordInput;
  DateTime: ResolverTypeWrapper<Scalars["DateTime"]["output"]>;
  LoginInput: LoginInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  Role: Role;
  User: ResolverTypeWrapper<UserRow>;
  UserConnection: ResolverTypeWrapper<
    Omit<UserConnection, "edges" | "nodes"> & {
      edges: Array<ResolversTypes["UserEdge"]>;
      nodes: Array<ResolversTypes["User"]>;
    }
  >;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, "node"> & { node: ResolversTypes["User"] }>;
  Boolean: ResolverTypeWrapper<Scalars["Boolean"]["output"]>;
  Int: ResolverTypeWrapper<Scalars["Int"]["output"]>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Address: Address;
  String: Scalars["String"]["output"];
  ID: Scalars["ID"]["output"];
  AddressInput: AddressInput;
  AuditEvent: AuditRow;
  AuditEventConnection: Omit<AuditEventConnection, "edges" | "nodes"> & {
    edges: Array<ResolversParentTypes["AuditEventEdge"]>;
    nodes: Array<ResolversParentTypes["AuditEvent"]>;
  };
  AuditEventEdge: Omit<AuditEventEdge, "node"> & { node: ResolversParentTypes["AuditEvent"] };
  AuthError: AuthError;
  AuthResult: ResolversUnionTypes<ResolversParentTypes>["AuthResult"];
  AuthSession: Omit<AuthSession, "user"> & { user: ResolversParentTypes["User"] };
  ChangePasswordInput: ChangePasswordInput;
  DateTime: Scalars["DateTime"]["output"];
  LoginInput: LoginInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  User: UserRow;
  UserConnection: Omit<UserConnection, "edges" | "nodes"> & {
    edges: Array<ResolversParentTypes["UserEdge"]>;
    nodes: Array<ResolversParentTypes["User"]>;
  };
  UserEdge: Omit<UserEdge, "node"> & { node: ResolversParentTypes["User"] };
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
  ContextType = UsersContext,
  Args = CacheControlDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["Address"] = ResolversParentTypes["Address"],
> = {
  city?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  country?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
};

export type AuditEventResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["AuditEvent"] = ResolversParentTypes["AuditEvent"],
> = {
  clientIp?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  type?: Resolver<ResolversTypes["AuditEventType"], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes["User"]>, ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["AuditEventConnection"] =
    ResolversParentTypes["AuditEventConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["AuditEventEdge"]>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes["AuditEvent"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
};

export type AuditEventEdgeResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["AuditEventEdge"] = ResolversParentTypes["AuditEventEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["AuditEvent"], ParentType, ContextType>;
};

export type AuthErrorResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["AuthError"] = ResolversParentTypes["AuthError"],
> = {
  code?: Resolver<ResolversTypes["AuthErrorCode"], ParentType, ContextType>;
  message?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes["Int"]>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AuthResultResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["AuthResult"] = ResolversParentTypes["AuthResult"],
> = {
  __resolveType?: TypeResolveFn<"AuthError" | "AuthSession", ParentType, ContextType>;
};

export type AuthSessionResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["AuthSession"] = ResolversParentTypes["AuthSession"],
> = {
  accessToken?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  user?: Resolver<ResolversTypes["User"], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes["DateTime"], any> {
  name: "DateTime";
}

export type MutationResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["Mutation"] = ResolversParentTypes["Mutation"],
> = {
  addAddress?: Resolver<
    ResolversTypes["Address"],
    ParentType,
    ContextType,
    RequireFields<MutationAddAddressArgs, "input">
  >;
  changePassword?: Resolver<
    ResolversTypes["Boolean"],
    ParentType,
    ContextType,
    RequireFields<MutationChangePasswordArgs, "input">
  >;
  login?: Resolver<
    ResolversTypes["AuthResult"],
    ParentType,
    ContextType,
    RequireFields<MutationLoginArgs, "input">
  >;
  logout?: Resolver<
    ResolversTypes["Boolean"],
    ParentType,
    ContextType,
    RequireFields<MutationLogoutArgs, "refreshToken">
  >;
  refresh?: Resolver<
    ResolversTypes["AuthSession"],
    ParentType,
    ContextType,
    RequireFields<MutationRefreshArgs, "refreshToken">
  >;
  register?: Resolver<
    ResolversTypes["AuthResult"],
    ParentType,
    ContextType,
    RequireFields<MutationRegisterArgs, "input">
  >;
  removeAddress?: Resolver<
    ResolversTypes["ID"],
    ParentType,
    ContextType,
    RequireFields<MutationRemoveAddressArgs, "id">
  >;
  setDefaultAddress?: Resolver<
    ResolversTypes["Address"],
    ParentType,
    ContextType,
    RequireFields<MutationSetDefaultAddressArgs, "id">
  >;
  setUserRole?: Resolver<
    ResolversTypes["User"],
    ParentType,
    ContextType,
    RequireFields<MutationSetUserRoleArgs, "role" | "userId">
  >;
  updateAddress?: Resolver<
    ResolversTypes["Address"],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateAddressArgs, "id" | "input">
  >;
};

export type PageInfoResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["PageInfo"] = ResolversParentTypes["PageInfo"],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes["Boolean"], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["Query"] = ResolversParentTypes["Query"],
> = {
  auditLog?: Resolver<
    ResolversTypes["AuditEventConnection"],
    ParentType,
    ContextType,
    RequireFields<QueryAuditLogArgs, "first">
  >;
  me?: Resolver<Maybe<ResolversTypes["User"]>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes["User"]>, ParentType, ContextType, RequireFields<QueryUserArgs, "id">>;
  users?: Resolver<
    ResolversTypes["UserConnection"],
    ParentType,
    ContextType,
    RequireFields<QueryUsersArgs, "first">
  >;
};

export type UserResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["User"] = ResolversParentTypes["User"],
  FederationReferenceType extends FederationReferenceTypes["User"] = FederationReferenceTypes["User"],
> = {
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes["User"]> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  addresses?: Resolver<Array<ResolversTypes["Address"]>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes["DateTime"], ParentType, ContextType>;
  defaultAddress?: Resolver<Maybe<ResolversTypes["Address"]>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes["String"]>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes["ID"], ParentType, ContextType>;
  name?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes["Role"]>, ParentType, ContextType>;
};

export type UserConnectionResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["UserConnection"] = ResolversParentTypes["UserConnection"],
> = {
  edges?: Resolver<Array<ResolversTypes["UserEdge"]>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes["User"]>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes["PageInfo"], ParentType, ContextType>;
};

export type UserEdgeResolvers<
  ContextType = UsersContext,
  ParentType extends ResolversParentTypes["UserEdge"] = ResolversParentTypes["UserEdge"],
> = {
  cursor?: Resolver<ResolversTypes["String"], ParentType, ContextType>;
  node?: Resolver<ResolversTypes["User"], ParentType, ContextType>;
};

export type Resolvers<ContextType = UsersContext> = {
  Address?: AddressResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  AuthError?: AuthErrorResolvers<ContextType>;
  AuthResult?: AuthResultResolvers<ContextType>;
  AuthSession?: AuthSessionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = UsersContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
