/* eslint-disable */
// Generated from operations/shipping/ and the shipping subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
/**
 * A postal address to ship to. Shipping options are priced by the country alone, so only `country`
 * is required here; checkout also requires `fullName`, `line1`, `city` and `postalCode` and refuses
 * an address without them (BAD_USER_INPUT naming the field).
 */
export type ShippingAddressInput = {
  /** Town or city. */
  city?: string | null | undefined;
  /** ISO 3166-1 alpha-2 code, e.g. `US`. */
  country: string;
  /** The recipient's name. */
  fullName?: string | null | undefined;
  /** Street address. */
  line1?: string | null | undefined;
  /** Flat, suite, building … */
  line2?: string | null | undefined;
  /** A phone number for the carrier. */
  phone?: string | null | undefined;
  /** Postal or ZIP code; checked against the country's format where it is known. */
  postalCode?: string | null | undefined;
  /** State, province or county. */
  region?: string | null | undefined;
};

export type ShippingQuoteQueryVariables = Exact<{
  id: string | number;
  address: ShippingAddressInput;
}>;

export type ShippingQuoteQuery = { shippingQuote: { price: { amount: number; currency: string } } | null };

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

export const ShippingQuoteDocument = new TypedDocumentString(`
    query ShippingQuote($id: ID!, $address: ShippingAddressInput!) {
  shippingQuote(optionId: $id, address: $address) {
    price {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<ShippingQuoteQuery, ShippingQuoteQueryVariables>;
