/* eslint-disable */
// Generated from subgraphs/orders/test/operations/catalogue/ and the catalogue subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type ReservationStatus = "COMMITTED" | "HELD" | "RELEASED";

export type ReleaseReservationMutationVariables = Exact<{
  id: string | number;
}>;

export type ReleaseReservationMutation = { releaseReservation: { status: ReservationStatus } };

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

export const ReleaseReservationDocument = new TypedDocumentString(`
    mutation ReleaseReservation($id: ID!) {
  releaseReservation(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<ReleaseReservationMutation, ReleaseReservationMutationVariables>;
