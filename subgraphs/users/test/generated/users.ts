/* eslint-disable */
// Generated from subgraphs/users/test/operations/users/ and the users subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type AddressInput = {
  city: string;
  country: string;
  fullName: string;
  /** Make this the default address. */
  isDefault?: boolean | null | undefined;
  line1: string;
  line2?: string | null | undefined;
  phone?: string | null | undefined;
  postalCode: string;
  region?: string | null | undefined;
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

/** Machine-readable reasons an authentication mutation did not succeed. */
export type AuthErrorCode = "EMAIL_TAKEN" | "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS";

export type ChangePasswordInput = {
  currentPassword: string;
  /** At least 12 characters. */
  newPassword: string;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type RegisterInput = {
  email: string;
  name: string;
  /** At least 12 characters. */
  password: string;
};

/** What a signed-in user may do. ADMIN manages the shop. */
export type Role = "ADMIN" | "CUSTOMER";

export type AddressFieldsFragment = {
  id: string;
  fullName: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  phone: string | null;
  isDefault: boolean;
};

export type AddressBookQueryVariables = Exact<{ [key: string]: never }>;

export type AddressBookQuery = {
  me: {
    addresses: Array<{
      id: string;
      fullName: string;
      line1: string;
      city: string;
      postalCode: string;
      country: string;
      phone: string | null;
      isDefault: boolean;
    }>;
    defaultAddress: { id: string } | null;
  } | null;
};

export type AddAddressMutationVariables = Exact<{
  input: AddressInput;
}>;

export type AddAddressMutation = {
  addAddress: {
    id: string;
    fullName: string;
    line1: string;
    city: string;
    postalCode: string;
    country: string;
    phone: string | null;
    isDefault: boolean;
  };
};

export type UpdateAddressMutationVariables = Exact<{
  id: string | number;
  input: AddressInput;
}>;

export type UpdateAddressMutation = {
  updateAddress: {
    id: string;
    fullName: string;
    line1: string;
    city: string;
    postalCode: string;
    country: string;
    phone: string | null;
    isDefault: boolean;
  };
};

export type SetDefaultAddressMutationVariables = Exact<{
  id: string | number;
}>;

export type SetDefaultAddressMutation = { setDefaultAddress: { id: string } };

export type RemoveAddressMutationVariables = Exact<{
  id: string | number;
}>;

export type RemoveAddressMutation = { removeAddress: string };

export type SetUserRoleMutationVariables = Exact<{
  id: string | number;
  role: Role;
}>;

export type SetUserRoleMutation = { setUserRole: { id: string; role: Role | null } };

export type UsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type UsersQuery = {
  users: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
};

export type AuditLogQueryVariables = Exact<{
  userId?: string | number | null | undefined;
}>;

export type AuditLogQuery = {
  auditLog: {
    nodes: Array<{ type: AuditEventType; user: { id: string } | null }>;
    pageInfo: { hasNextPage: boolean };
  };
};

export type MeIdQueryVariables = Exact<{ [key: string]: never }>;

export type MeIdQuery = { me: { id: string } | null };

export type MeWithEmailQueryVariables = Exact<{ [key: string]: never }>;

export type MeWithEmailQuery = { me: { id: string; email: string | null } | null };

export type UserEntitiesQueryVariables = Exact<{
  representations:
    | Array<{ __typename: string; [field: string]: unknown }>
    | { __typename: string; [field: string]: unknown };
}>;

export type UserEntitiesQuery = {
  _entities: Array<{ id: string; name: string; email: string | null; role: Role | null } | null>;
};

export type UserEntityAddressesQueryVariables = Exact<{
  representations:
    | Array<{ __typename: string; [field: string]: unknown }>
    | { __typename: string; [field: string]: unknown };
}>;

export type UserEntityAddressesQuery = { _entities: Array<{ addresses: Array<{ id: string }> } | null> };

type SessionFields_AuthError_Fragment = {
  __typename: "AuthError";
  code: AuthErrorCode;
  message: string;
  retryAfterSeconds: number | null;
};

type SessionFields_AuthSession_Fragment = {
  __typename: "AuthSession";
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  user: { id: string; email: string | null; role: Role | null };
};

export type SessionFieldsFragment = SessionFields_AuthError_Fragment | SessionFields_AuthSession_Fragment;

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;

export type RegisterMutation = {
  register:
    | { __typename: "AuthError"; code: AuthErrorCode; message: string; retryAfterSeconds: number | null }
    | {
        __typename: "AuthSession";
        accessToken: string;
        refreshToken: string;
        accessTokenExpiresAt: string;
        user: { id: string; email: string | null; role: Role | null };
      };
};

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;

export type LoginMutation = {
  login:
    | { __typename: "AuthError"; code: AuthErrorCode; message: string; retryAfterSeconds: number | null }
    | {
        __typename: "AuthSession";
        accessToken: string;
        refreshToken: string;
        accessTokenExpiresAt: string;
        user: { id: string; email: string | null; role: Role | null };
      };
};

export type RefreshMutationVariables = Exact<{
  token: string;
}>;

export type RefreshMutation = {
  refresh: { __typename: "AuthSession"; accessToken: string; refreshToken: string; user: { id: string } };
};

export type LogoutMutationVariables = Exact<{
  token: string;
}>;

export type LogoutMutation = { logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;

export type ChangePasswordMutation = { changePassword: boolean };

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
export const AddressFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment AddressFields on Address {
  id
  fullName
  line1
  city
  postalCode
  country
  phone
  isDefault
}
    `,
  { fragmentName: "AddressFields" },
) as unknown as TypedDocumentString<AddressFieldsFragment, unknown>;
export const SessionFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment SessionFields on AuthResult {
  __typename
  ... on AuthSession {
    accessToken
    refreshToken
    accessTokenExpiresAt
    user {
      id
      email
      role
    }
  }
  ... on AuthError {
    code
    message
    retryAfterSeconds
  }
}
    `,
  { fragmentName: "SessionFields" },
) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const AddressBookDocument = new TypedDocumentString(`
    query AddressBook {
  me {
    addresses {
      ...AddressFields
    }
    defaultAddress {
      id
    }
  }
}
    fragment AddressFields on Address {
  id
  fullName
  line1
  city
  postalCode
  country
  phone
  isDefault
}`) as unknown as TypedDocumentString<AddressBookQuery, AddressBookQueryVariables>;
export const AddAddressDocument = new TypedDocumentString(`
    mutation AddAddress($input: AddressInput!) {
  addAddress(input: $input) {
    ...AddressFields
  }
}
    fragment AddressFields on Address {
  id
  fullName
  line1
  city
  postalCode
  country
  phone
  isDefault
}`) as unknown as TypedDocumentString<AddAddressMutation, AddAddressMutationVariables>;
export const UpdateAddressDocument = new TypedDocumentString(`
    mutation UpdateAddress($id: ID!, $input: AddressInput!) {
  updateAddress(id: $id, input: $input) {
    ...AddressFields
  }
}
    fragment AddressFields on Address {
  id
  fullName
  line1
  city
  postalCode
  country
  phone
  isDefault
}`) as unknown as TypedDocumentString<UpdateAddressMutation, UpdateAddressMutationVariables>;
export const SetDefaultAddressDocument = new TypedDocumentString(`
    mutation SetDefaultAddress($id: ID!) {
  setDefaultAddress(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetDefaultAddressMutation, SetDefaultAddressMutationVariables>;
export const RemoveAddressDocument = new TypedDocumentString(`
    mutation RemoveAddress($id: ID!) {
  removeAddress(id: $id)
}
    `) as unknown as TypedDocumentString<RemoveAddressMutation, RemoveAddressMutationVariables>;
export const SetUserRoleDocument = new TypedDocumentString(`
    mutation SetUserRole($id: ID!, $role: Role!) {
  setUserRole(userId: $id, role: $role) {
    id
    role
  }
}
    `) as unknown as TypedDocumentString<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($first: Int, $after: String) {
  users(first: $first, after: $after) {
    nodes {
      id
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($userId: ID) {
  auditLog(userId: $userId) {
    nodes {
      type
      user {
        id
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const MeIdDocument = new TypedDocumentString(`
    query MeId {
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<MeIdQuery, MeIdQueryVariables>;
export const MeWithEmailDocument = new TypedDocumentString(`
    query MeWithEmail {
  me {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<MeWithEmailQuery, MeWithEmailQueryVariables>;
export const UserEntitiesDocument = new TypedDocumentString(`
    query UserEntities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on User {
      id
      name
      email
      role
    }
  }
}
    `) as unknown as TypedDocumentString<UserEntitiesQuery, UserEntitiesQueryVariables>;
export const UserEntityAddressesDocument = new TypedDocumentString(`
    query UserEntityAddresses($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on User {
      addresses {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UserEntityAddressesQuery, UserEntityAddressesQueryVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  register(input: $input) {
    ...SessionFields
  }
}
    fragment SessionFields on AuthResult {
  __typename
  ... on AuthSession {
    accessToken
    refreshToken
    accessTokenExpiresAt
    user {
      id
      email
      role
    }
  }
  ... on AuthError {
    code
    message
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    ...SessionFields
  }
}
    fragment SessionFields on AuthResult {
  __typename
  ... on AuthSession {
    accessToken
    refreshToken
    accessTokenExpiresAt
    user {
      id
      email
      role
    }
  }
  ... on AuthError {
    code
    message
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh($token: String!) {
  refresh(refreshToken: $token) {
    __typename
    accessToken
    refreshToken
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($token: String!) {
  logout(refreshToken: $token)
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
