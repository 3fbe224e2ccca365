/* eslint-disable */
// Generated from subgraphs/shipping/test/operations/shipping/ and the shipping subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
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

export type ShippingOptionFieldsFragment = {
  id: string;
  carrier: string;
  service: string;
  speed: ShippingSpeed;
  zone: ShippingZone;
  price: { amount: number; currency: string };
  estimatedDeliveryDays: { min: number; max: number };
  estimatedDeliveryDate: { earliest: string; latest: string };
};

export type ShippingOptionsQueryVariables = Exact<{
  address: ShippingAddressInput;
}>;

export type ShippingOptionsQuery = {
  shippingOptions: Array<{
    id: string;
    carrier: string;
    service: string;
    speed: ShippingSpeed;
    zone: ShippingZone;
    price: { amount: number; currency: string };
    estimatedDeliveryDays: { min: number; max: number };
    estimatedDeliveryDate: { earliest: string; latest: string };
  }>;
};

export type ShippingQuoteQueryVariables = Exact<{
  id: string | number;
  address: ShippingAddressInput;
}>;

export type ShippingQuoteQuery = {
  shippingQuote: {
    id: string;
    carrier: string;
    service: string;
    speed: ShippingSpeed;
    zone: ShippingZone;
    price: { amount: number; currency: string };
    estimatedDeliveryDays: { min: number; max: number };
    estimatedDeliveryDate: { earliest: string; latest: string };
  } | null;
};

export type ShipmentFieldsFragment = {
  id: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  status: ShipmentStatus;
  exceptionReason: string | null;
  estimatedDeliveryAt: string | null;
  createdAt: string;
  updatedAt: string;
  events: Array<{ status: ShipmentStatus; note: string | null; at: string }>;
  order: { id: string };
};

export type ShipmentQueryVariables = Exact<{
  id: string | number;
}>;

export type ShipmentQuery = {
  shipment: {
    id: string;
    carrier: string;
    service: string;
    trackingNumber: string;
    status: ShipmentStatus;
    exceptionReason: string | null;
    estimatedDeliveryAt: string | null;
    createdAt: string;
    updatedAt: string;
    events: Array<{ status: ShipmentStatus; note: string | null; at: string }>;
    order: { id: string };
  } | null;
};

export type AdvanceShipmentMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;

export type AdvanceShipmentMutation = {
  advanceShipment: {
    id: string;
    carrier: string;
    service: string;
    trackingNumber: string;
    status: ShipmentStatus;
    exceptionReason: string | null;
    estimatedDeliveryAt: string | null;
    createdAt: string;
    updatedAt: string;
    events: Array<{ status: ShipmentStatus; note: string | null; at: string }>;
    order: { id: string };
  };
};

export type ReportShipmentExceptionMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type ReportShipmentExceptionMutation = {
  reportShipmentException: {
    id: string;
    carrier: string;
    service: string;
    trackingNumber: string;
    status: ShipmentStatus;
    exceptionReason: string | null;
    estimatedDeliveryAt: string | null;
    createdAt: string;
    updatedAt: string;
    events: Array<{ status: ShipmentStatus; note: string | null; at: string }>;
    order: { id: string };
  };
};

export type OrderShipmentsQueryVariables = Exact<{
  representations:
    | Array<{ __typename: string; [field: string]: unknown }>
    | { __typename: string; [field: string]: unknown };
}>;

export type OrderShipmentsQuery = {
  _entities: Array<{
    id: string;
    shipment: {
      id: string;
      trackingNumber: string;
      status: ShipmentStatus;
      events: Array<{ status: ShipmentStatus; at: string }>;
      order: { id: string };
    } | null;
  } | null>;
};

export type ShipmentSummaryQueryVariables = Exact<{
  id: string | number;
}>;

export type ShipmentSummaryQuery = {
  shipment: { id: string; trackingNumber: string; order: { id: string } } | null;
};

export type ShipmentsQueryVariables = Exact<{
  status?: ShipmentStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ShipmentsQuery = {
  shipments: {
    edges: Array<{ cursor: string; node: { id: string; status: ShipmentStatus } }>;
    nodes: Array<{ id: string; createdAt: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type AdvanceShipmentIdMutationVariables = Exact<{
  id: string | number;
}>;

export type AdvanceShipmentIdMutation = { advanceShipment: { id: string } };

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
export const ShippingOptionFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ShippingOptionFields on ShippingOption {
  id
  carrier
  service
  speed
  zone
  price {
    amount
    currency
  }
  estimatedDeliveryDays {
    min
    max
  }
  estimatedDeliveryDate {
    earliest
    latest
  }
}
    `,
  { fragmentName: "ShippingOptionFields" },
) as unknown as TypedDocumentString<ShippingOptionFieldsFragment, unknown>;
export const ShipmentFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ShipmentFields on Shipment {
  id
  carrier
  service
  trackingNumber
  status
  exceptionReason
  estimatedDeliveryAt
  createdAt
  updatedAt
  events {
    status
    note
    at
  }
  order {
    id
  }
}
    `,
  { fragmentName: "ShipmentFields" },
) as unknown as TypedDocumentString<ShipmentFieldsFragment, unknown>;
export const ShippingOptionsDocument = new TypedDocumentString(`
    query ShippingOptions($address: ShippingAddressInput!) {
  shippingOptions(address: $address) {
    ...ShippingOptionFields
  }
}
    fragment ShippingOptionFields on ShippingOption {
  id
  carrier
  service
  speed
  zone
  price {
    amount
    currency
  }
  estimatedDeliveryDays {
    min
    max
  }
  estimatedDeliveryDate {
    earliest
    latest
  }
}`) as unknown as TypedDocumentString<ShippingOptionsQuery, ShippingOptionsQueryVariables>;
export const ShippingQuoteDocument = new TypedDocumentString(`
    query ShippingQuote($id: ID!, $address: ShippingAddressInput!) {
  shippingQuote(optionId: $id, address: $address) {
    ...ShippingOptionFields
  }
}
    fragment ShippingOptionFields on ShippingOption {
  id
  carrier
  service
  speed
  zone
  price {
    amount
    currency
  }
  estimatedDeliveryDays {
    min
    max
  }
  estimatedDeliveryDate {
    earliest
    latest
  }
}`) as unknown as TypedDocumentString<ShippingQuoteQuery, ShippingQuoteQueryVariables>;
export const ShipmentDocument = new TypedDocumentString(`
    query Shipment($id: ID!) {
  shipment(id: $id) {
    ...ShipmentFields
  }
}
    fragment ShipmentFields on Shipment {
  id
  carrier
  service
  trackingNumber
  status
  exceptionReason
  estimatedDeliveryAt
  createdAt
  updatedAt
  events {
    status
    note
    at
  }
  order {
    id
  }
}`) as unknown as TypedDocumentString<ShipmentQuery, ShipmentQueryVariables>;
export const AdvanceShipmentDocument = new TypedDocumentString(`
    mutation AdvanceShipment($id: ID!, $note: String) {
  advanceShipment(id: $id, note: $note) {
    ...ShipmentFields
  }
}
    fragment ShipmentFields on Shipment {
  id
  carrier
  service
  trackingNumber
  status
  exceptionReason
  estimatedDeliveryAt
  createdAt
  updatedAt
  events {
    status
    note
    at
  }
  order {
    id
  }
}`) as unknown as TypedDocumentString<AdvanceShipmentMutation, AdvanceShipmentMutationVariables>;
export const ReportShipmentExceptionDocument = new TypedDocumentString(`
    mutation ReportShipmentException($id: ID!, $reason: String!) {
  reportShipmentException(id: $id, reason: $reason) {
    ...ShipmentFields
  }
}
    fragment ShipmentFields on Shipment {
  id
  carrier
  service
  trackingNumber
  status
  exceptionReason
  estimatedDeliveryAt
  createdAt
  updatedAt
  events {
    status
    note
    at
  }
  order {
    id
  }
}`) as unknown as TypedDocumentString<
  ReportShipmentExceptionMutation,
  ReportShipmentExceptionMutationVariables
>;
export const OrderShipmentsDocument = new TypedDocumentString(`
    query OrderShipments($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Order {
      id
      shipment {
        id
        trackingNumber
        status
        events {
          status
          at
        }
        order {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrderShipmentsQuery, OrderShipmentsQueryVariables>;
export const ShipmentSummaryDocument = new TypedDocumentString(`
    query ShipmentSummary($id: ID!) {
  shipment(id: $id) {
    id
    trackingNumber
    order {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ShipmentSummaryQuery, ShipmentSummaryQueryVariables>;
export const ShipmentsDocument = new TypedDocumentString(`
    query Shipments($status: ShipmentStatus, $first: Int, $after: String) {
  shipments(status: $status, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        status
      }
    }
    nodes {
      id
      createdAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ShipmentsQuery, ShipmentsQueryVariables>;
export const AdvanceShipmentIdDocument = new TypedDocumentString(`
    mutation AdvanceShipmentId($id: ID!) {
  advanceShipment(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdvanceShipmentIdMutation, AdvanceShipmentIdMutationVariables>;
