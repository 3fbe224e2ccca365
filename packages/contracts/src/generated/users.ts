/* eslint-disable */
// Generated from operations/users/ and the users subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type CheckoutAddressBookQueryVariables = Exact<{
  r:
    | Array<{ __typename: string; [field: string]: unknown }>
    | { __typename: string; [field: string]: unknown };
}>;

export type CheckoutAddressBookQuery = {
  _entities: Array<{
    addresses: Array<{
      id: string;
      fullName: string;
      line1: string;
      line2: string | null;
      city: string;
      region: string | null;
      postalCode: string;
      country: string;
      phone: string | null;
    }>;
  } | null>;
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

export const CheckoutAddressBookDocument = new TypedDocumentString(`
    query CheckoutAddressBook($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on User {
      addresses {
        id
        fullName
        line1
        line2
        city
        region
        postalCode
        country
        phone
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CheckoutAddressBookQuery, CheckoutAddressBookQueryVariables>;
