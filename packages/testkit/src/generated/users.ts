/* eslint-disable */
// Generated from packages/testkit/src/operations/users/ and the users subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
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

export type TestAccountRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;

export type TestAccountRegisterMutation = {
  register:
    { __typename: "AuthError" } | { __typename: "AuthSession"; accessToken: string; user: { id: string } };
};

export type TestAccountSignInMutationVariables = Exact<{
  input: LoginInput;
}>;

export type TestAccountSignInMutation = {
  login: { __typename: "AuthError" } | { __typename: "AuthSession"; accessToken: string };
};

export type TestAccountPromoteMutationVariables = Exact<{
  userId: string | number;
}>;

export type TestAccountPromoteMutation = { setUserRole: { id: string } };

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

export const TestAccountRegisterDocument = new TypedDocumentString(`
    mutation TestAccountRegister($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on AuthSession {
      accessToken
      user {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestAccountRegisterMutation, TestAccountRegisterMutationVariables>;
export const TestAccountSignInDocument = new TypedDocumentString(`
    mutation TestAccountSignIn($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on AuthSession {
      accessToken
    }
  }
}
    `) as unknown as TypedDocumentString<TestAccountSignInMutation, TestAccountSignInMutationVariables>;
export const TestAccountPromoteDocument = new TypedDocumentString(`
    mutation TestAccountPromote($userId: ID!) {
  setUserRole(userId: $userId, role: ADMIN) {
    id
  }
}
    `) as unknown as TypedDocumentString<TestAccountPromoteMutation, TestAccountPromoteMutationVariables>;
