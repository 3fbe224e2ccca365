/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
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

export type AttributeInput = {
  name: string;
  value: string;
};

/** Machine-readable reasons an authentication mutation did not succeed. */
export type AuthErrorCode = "EMAIL_TAKEN" | "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS";

/**
 * A card as the customer typed it. Sent to the card processor only; never stored or logged.
 * Public because the orders subgraph's checkout takes the same input type.
 */
export type CardInput = {
  /** The 3 or 4 digit security code. */
  cvc: string;
  /** 1 to 12. */
  expMonth: number;
  /** Four digits, e.g. 2030. */
  expYear: number;
  /** Digits; spaces and dashes are ignored. Never stored. */
  number: string;
};

export type CartErrorCode =
  /** The cart already has the most distinct lines it may hold (100). */
  | "CART_FULL"
  /** The variant is priced in another currency than the items already in the cart. */
  | "CURRENCY_MISMATCH"
  /** Fewer units are on hand than the line would hold; `available` says how many. */
  | "INSUFFICIENT_STOCK"
  /** A line holds at most 99 units; `available` is that limit. */
  | "LINE_LIMIT_EXCEEDED"
  /** The cart has no line for this variant (or there is no cart yet). */
  | "LINE_NOT_FOUND"
  /** The variant or its product is no longer on sale. */
  | "UNAVAILABLE"
  /** No variant with this id exists in the catalogue. */
  | "VARIANT_NOT_FOUND";

export type CartLineIssueCode =
  /** Fewer units are on hand than the line holds; `available` says how many. */
  | "INSUFFICIENT_STOCK"
  /** The variant has no stock on hand. */
  | "OUT_OF_STOCK"
  /** The variant or its product was taken off sale, or no longer exists. */
  | "UNAVAILABLE";

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
  idempotencyKey: string;
  /** …or an address given here (exactly one of the two). */
  shippingAddress?: ShippingAddressInput | null | undefined;
  /** One of the signed-in user's saved addresses… */
  shippingAddressId?: string | number | null | undefined;
  /** One of `shippingOptions(address)`; its rate for the address becomes the order's shipping total. */
  shippingOptionId: string | number;
};

export type CreateProductInput = {
  attributes?: Array<AttributeInput> | null | undefined;
  categoryId?: string | number | null | undefined;
  /** ISO 4217, e.g. USD. */
  currency: string;
  description?: string | null | undefined;
  images?: Array<ProductImageInput> | null | undefined;
  name: string;
  /** Minor units. */
  priceAmount: number;
  sku: string;
  /** Derived from the name when omitted. */
  slug?: string | null | undefined;
};

export type CreateReviewInput = {
  body: string;
  productId: string | number;
  /** 1 to 5. */
  rating: number;
  title?: string | null | undefined;
};

export type CreateVariantInput = {
  attributes?: Array<AttributeInput> | null | undefined;
  name: string;
  /** Minor units, in the product's currency; the product's price when omitted. */
  priceAmount?: number | null | undefined;
  sku: string;
};

export type LoginInput = {
  email: string;
  password: string;
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

export type ProductFilter = {
  /** This category and all categories below it. */
  categoryId?: string | number | null | undefined;
  /** Only products with at least one variant in stock. */
  inStock?: boolean | null | undefined;
  /** Highest `price.amount`, inclusive, in minor units. */
  maxPrice?: number | null | undefined;
  /** Lowest `price.amount`, inclusive, in minor units. */
  minPrice?: number | null | undefined;
  /** Full-text search over name (weighted higher) and description. Supports quotes, `or` and `-word`. */
  query?: string | null | undefined;
};

export type ProductImageInput = {
  alt: string;
  url: string;
};

export type ProductSort =
  | "NEWEST"
  | "PRICE_ASC"
  | "PRICE_DESC"
  /** Highest average rating first; unrated products last. */
  | "RATING"
  /** Best match for `filter.query` first; without a query, the same as NEWEST. */
  | "RELEVANCE";

export type ProductStatus =
  /** On sale and visible in the storefront. */
  | "ACTIVE"
  /** No longer sold; kept for order history. Hidden from browsing and search. */
  | "ARCHIVED";

export type RegisterInput = {
  email: string;
  name: string;
  /** At least 12 characters. */
  password: string;
};

export type ReviewErrorCode =
  /** This customer has already reviewed this product; edit that review instead. */
  | "ALREADY_REVIEWED"
  /** A field is missing, too long or otherwise not acceptable; see `field`. */
  | "INVALID_INPUT"
  /** The rating is not a whole number from 1 to 5. */
  | "INVALID_RATING"
  | "PRODUCT_NOT_FOUND";

/** What a signed-in user may do. ADMIN manages the shop. */
export type Role = "ADMIN" | "CUSTOMER";

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

export type StockMovementKind = "ADJUSTMENT" | "RECEIPT" | "RELEASE" | "RESERVATION" | "SALE";

/** Fields left out are left as they are. */
export type UpdateProductInput = {
  attributes?: Array<AttributeInput> | null | undefined;
  categoryId?: string | number | null | undefined;
  description?: string | null | undefined;
  images?: Array<ProductImageInput> | null | undefined;
  name?: string | null | undefined;
  priceAmount?: number | null | undefined;
  slug?: string | null | undefined;
};

export type AddAddressMutationVariables = Exact<{
  input: AddressInput;
}>;

export type AddAddressMutation = {
  __typename: "Mutation";
  addAddress: {
    __typename: "Address";
    id: string;
    fullName: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
    phone: string | null;
    isDefault: boolean;
  };
};

export type AddressFieldsFragment = {
  __typename: "Address";
  id: string;
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
  isDefault: boolean;
};

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;

export type LoginMutation = {
  __typename: "Mutation";
  login:
    | { __typename: "AuthError"; code: AuthErrorCode; message: string; retryAfterSeconds: number | null }
    | {
        __typename: "AuthSession";
        accessToken: string;
        accessTokenExpiresAt: string;
        refreshToken: string;
        user: { __typename: "User"; id: string; name: string; email: string | null; role: Role | null };
      };
};

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;

export type LogoutMutation = { __typename: "Mutation"; logout: boolean };

export type MyAddressesQueryVariables = Exact<{ [key: string]: never }>;

export type MyAddressesQuery = {
  __typename: "Query";
  me: {
    __typename: "User";
    id: string;
    addresses: Array<{
      __typename: "Address";
      id: string;
      fullName: string;
      line1: string;
      line2: string | null;
      city: string;
      region: string | null;
      postalCode: string;
      country: string;
      phone: string | null;
      isDefault: boolean;
    }>;
  } | null;
};

export type RefreshMutationVariables = Exact<{
  refreshToken: string;
}>;

export type RefreshMutation = {
  __typename: "Mutation";
  refresh: {
    __typename: "AuthSession";
    accessToken: string;
    accessTokenExpiresAt: string;
    refreshToken: string;
    user: { __typename: "User"; id: string; name: string; email: string | null; role: Role | null };
  };
};

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;

export type RegisterMutation = {
  __typename: "Mutation";
  register:
    | { __typename: "AuthError"; code: AuthErrorCode; message: string; retryAfterSeconds: number | null }
    | {
        __typename: "AuthSession";
        accessToken: string;
        accessTokenExpiresAt: string;
        refreshToken: string;
        user: { __typename: "User"; id: string; name: string; email: string | null; role: Role | null };
      };
};

export type RemoveAddressMutationVariables = Exact<{
  id: string | number;
}>;

export type RemoveAddressMutation = { __typename: "Mutation"; removeAddress: string };

export type SessionFieldsFragment = {
  __typename: "AuthSession";
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: { __typename: "User"; id: string; name: string; email: string | null; role: Role | null };
};

export type SetDefaultAddressMutationVariables = Exact<{
  id: string | number;
}>;

export type SetDefaultAddressMutation = {
  __typename: "Mutation";
  setDefaultAddress: {
    __typename: "Address";
    id: string;
    fullName: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
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
  __typename: "Mutation";
  updateAddress: {
    __typename: "Address";
    id: string;
    fullName: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
    phone: string | null;
    isDefault: boolean;
  };
};

export type ViewerFragment = {
  __typename: "User";
  id: string;
  name: string;
  email: string | null;
  role: Role | null;
};

export type AdjustStockMutationVariables = Exact<{
  variantId: string | number;
  delta: number;
  reason: string;
}>;

export type AdjustStockMutation = {
  __typename: "Mutation";
  adjustStock: {
    __typename: "ProductVariant";
    id: string;
    sku: string;
    name: string;
    status: ProductStatus;
    stockOnHand: number;
    price: { __typename: "Money"; amount: number; currency: string };
  };
};

export type AdminProductQueryVariables = Exact<{
  id: string | number;
}>;

export type AdminProductQuery = {
  __typename: "Query";
  product: {
    __typename: "Product";
    id: string;
    sku: string;
    slug: string;
    name: string;
    status: ProductStatus;
    price: { __typename: "Money"; amount: number; currency: string };
    variants: Array<{
      __typename: "ProductVariant";
      id: string;
      sku: string;
      name: string;
      status: ProductStatus;
      stockOnHand: number;
      price: { __typename: "Money"; amount: number; currency: string };
    }>;
  } | null;
};

export type AdminProductFieldsFragment = {
  __typename: "Product";
  id: string;
  sku: string;
  slug: string;
  name: string;
  status: ProductStatus;
  price: { __typename: "Money"; amount: number; currency: string };
  variants: Array<{
    __typename: "ProductVariant";
    id: string;
    sku: string;
    name: string;
    status: ProductStatus;
    stockOnHand: number;
    price: { __typename: "Money"; amount: number; currency: string };
  }>;
};

export type AdminProductsQueryVariables = Exact<{
  filter?: ProductFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type AdminProductsQuery = {
  __typename: "Query";
  products: {
    __typename: "ProductConnection";
    nodes: Array<{
      __typename: "Product";
      id: string;
      sku: string;
      slug: string;
      name: string;
      status: ProductStatus;
      price: { __typename: "Money"; amount: number; currency: string };
      variants: Array<{
        __typename: "ProductVariant";
        id: string;
        sku: string;
        name: string;
        status: ProductStatus;
        stockOnHand: number;
        price: { __typename: "Money"; amount: number; currency: string };
      }>;
    }>;
    pageInfo: { __typename: "PageInfo"; hasNextPage: boolean; endCursor: string | null };
  };
};

export type AdminShipmentFieldsFragment = {
  __typename: "Shipment";
  id: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  status: ShipmentStatus;
  exceptionReason: string | null;
  updatedAt: string;
  order: { __typename: "Order"; id: string; status: OrderStatus };
};

export type AdminShipmentsQueryVariables = Exact<{
  status?: ShipmentStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type AdminShipmentsQuery = {
  __typename: "Query";
  shipments: {
    __typename: "ShipmentConnection";
    nodes: Array<{
      __typename: "Shipment";
      id: string;
      carrier: string;
      service: string;
      trackingNumber: string;
      status: ShipmentStatus;
      exceptionReason: string | null;
      updatedAt: string;
      order: { __typename: "Order"; id: string; status: OrderStatus };
    }>;
    pageInfo: { __typename: "PageInfo"; hasNextPage: boolean; endCursor: string | null };
  };
};

export type AdminVariantFieldsFragment = {
  __typename: "ProductVariant";
  id: string;
  sku: string;
  name: string;
  status: ProductStatus;
  stockOnHand: number;
  price: { __typename: "Money"; amount: number; currency: string };
};

export type AdvanceShipmentMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;

export type AdvanceShipmentMutation = {
  __typename: "Mutation";
  advanceShipment: {
    __typename: "Shipment";
    id: string;
    carrier: string;
    service: string;
    trackingNumber: string;
    status: ShipmentStatus;
    exceptionReason: string | null;
    updatedAt: string;
    order: { __typename: "Order"; id: string; status: OrderStatus };
  };
};

export type ArchiveProductMutationVariables = Exact<{
  id: string | number;
}>;

export type ArchiveProductMutation = {
  __typename: "Mutation";
  archiveProduct: {
    __typename: "Product";
    id: string;
    sku: string;
    slug: string;
    name: string;
    status: ProductStatus;
    price: { __typename: "Money"; amount: number; currency: string };
    variants: Array<{
      __typename: "ProductVariant";
      id: string;
      sku: string;
      name: string;
      status: ProductStatus;
      stockOnHand: number;
      price: { __typename: "Money"; amount: number; currency: string };
    }>;
  };
};

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;

export type CreateProductMutation = {
  __typename: "Mutation";
  createProduct: {
    __typename: "Product";
    id: string;
    sku: string;
    slug: string;
    name: string;
    status: ProductStatus;
    price: { __typename: "Money"; amount: number; currency: string };
    variants: Array<{
      __typename: "ProductVariant";
      id: string;
      sku: string;
      name: string;
      status: ProductStatus;
      stockOnHand: number;
      price: { __typename: "Money"; amount: number; currency: string };
    }>;
  };
};

export type CreateVariantMutationVariables = Exact<{
  productId: string | number;
  input: CreateVariantInput;
}>;

export type CreateVariantMutation = {
  __typename: "Mutation";
  createVariant: {
    __typename: "ProductVariant";
    id: string;
    sku: string;
    name: string;
    status: ProductStatus;
    stockOnHand: number;
    product: {
      __typename: "Product";
      id: string;
      variants: Array<{ __typename: "ProductVariant"; id: string }>;
    };
    price: { __typename: "Money"; amount: number; currency: string };
  };
};

export type ReceiveStockMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
  note?: string | null | undefined;
}>;

export type ReceiveStockMutation = {
  __typename: "Mutation";
  receiveStock: {
    __typename: "ProductVariant";
    id: string;
    sku: string;
    name: string;
    status: ProductStatus;
    stockOnHand: number;
    price: { __typename: "Money"; amount: number; currency: string };
  };
};

export type ReportShipmentExceptionMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type ReportShipmentExceptionMutation = {
  __typename: "Mutation";
  reportShipmentException: {
    __typename: "Shipment";
    id: string;
    carrier: string;
    service: string;
    trackingNumber: string;
    status: ShipmentStatus;
    exceptionReason: string | null;
    updatedAt: string;
    order: { __typename: "Order"; id: string; status: OrderStatus };
  };
};

export type StockMovementsQueryVariables = Exact<{
  variantId: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type StockMovementsQuery = {
  __typename: "Query";
  stockMovements: {
    __typename: "StockMovementConnection";
    nodes: Array<{
      __typename: "StockMovement";
      id: string;
      kind: StockMovementKind;
      quantity: number;
      note: string | null;
      createdAt: string;
    }>;
    pageInfo: { __typename: "PageInfo"; hasNextPage: boolean; endCursor: string | null };
  };
};

export type UpdateProductMutationVariables = Exact<{
  id: string | number;
  input: UpdateProductInput;
}>;

export type UpdateProductMutation = {
  __typename: "Mutation";
  updateProduct: {
    __typename: "Product";
    id: string;
    sku: string;
    slug: string;
    name: string;
    status: ProductStatus;
    price: { __typename: "Money"; amount: number; currency: string };
    variants: Array<{
      __typename: "ProductVariant";
      id: string;
      sku: string;
      name: string;
      status: ProductStatus;
      stockOnHand: number;
      price: { __typename: "Money"; amount: number; currency: string };
    }>;
  };
};

export type AddToCartMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
}>;

export type AddToCartMutation = {
  __typename: "Mutation";
  addToCart: {
    __typename: "CartPayload";
    cartToken: string | null;
    cart: {
      __typename: "Cart";
      id: string;
      itemCount: number;
      readyForCheckout: boolean;
      subtotal: { __typename: "Money"; amount: number; currency: string } | null;
      lines: Array<{
        __typename: "CartLine";
        id: string;
        quantity: number;
        unitPrice: { __typename: "Money"; amount: number; currency: string } | null;
        lineTotal: { __typename: "Money"; amount: number; currency: string } | null;
        issue: {
          __typename: "CartLineIssue";
          code: CartLineIssueCode;
          message: string;
          available: number;
        } | null;
        variant: {
          __typename: "ProductVariant";
          id: string;
          sku: string;
          name: string;
          stockOnHand: number;
          product: {
            __typename: "Product";
            id: string;
            slug: string;
            name: string;
            images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
          };
        };
      }>;
    } | null;
    error: { __typename: "CartError"; code: CartErrorCode; message: string; available: number | null } | null;
  };
};

export type CartQueryVariables = Exact<{ [key: string]: never }>;

export type CartQuery = {
  __typename: "Query";
  cart: {
    __typename: "Cart";
    id: string;
    itemCount: number;
    readyForCheckout: boolean;
    subtotal: { __typename: "Money"; amount: number; currency: string } | null;
    lines: Array<{
      __typename: "CartLine";
      id: string;
      quantity: number;
      unitPrice: { __typename: "Money"; amount: number; currency: string } | null;
      lineTotal: { __typename: "Money"; amount: number; currency: string } | null;
      issue: {
        __typename: "CartLineIssue";
        code: CartLineIssueCode;
        message: string;
        available: number;
      } | null;
      variant: {
        __typename: "ProductVariant";
        id: string;
        sku: string;
        name: string;
        stockOnHand: number;
        product: {
          __typename: "Product";
          id: string;
          slug: string;
          name: string;
          images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
        };
      };
    }>;
  } | null;
};

export type CartErrorFieldsFragment = {
  __typename: "CartError";
  code: CartErrorCode;
  message: string;
  available: number | null;
};

export type CartFieldsFragment = {
  __typename: "Cart";
  id: string;
  itemCount: number;
  readyForCheckout: boolean;
  subtotal: { __typename: "Money"; amount: number; currency: string } | null;
  lines: Array<{
    __typename: "CartLine";
    id: string;
    quantity: number;
    unitPrice: { __typename: "Money"; amount: number; currency: string } | null;
    lineTotal: { __typename: "Money"; amount: number; currency: string } | null;
    issue: {
      __typename: "CartLineIssue";
      code: CartLineIssueCode;
      message: string;
      available: number;
    } | null;
    variant: {
      __typename: "ProductVariant";
      id: string;
      sku: string;
      name: string;
      stockOnHand: number;
      product: {
        __typename: "Product";
        id: string;
        slug: string;
        name: string;
        images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
      };
    };
  }>;
};

export type ClearCartMutationVariables = Exact<{ [key: string]: never }>;

export type ClearCartMutation = {
  __typename: "Mutation";
  clearCart: {
    __typename: "Cart";
    id: string;
    itemCount: number;
    readyForCheckout: boolean;
    subtotal: { __typename: "Money"; amount: number; currency: string } | null;
    lines: Array<{
      __typename: "CartLine";
      id: string;
      quantity: number;
      unitPrice: { __typename: "Money"; amount: number; currency: string } | null;
      lineTotal: { __typename: "Money"; amount: number; currency: string } | null;
      issue: {
        __typename: "CartLineIssue";
        code: CartLineIssueCode;
        message: string;
        available: number;
      } | null;
      variant: {
        __typename: "ProductVariant";
        id: string;
        sku: string;
        name: string;
        stockOnHand: number;
        product: {
          __typename: "Product";
          id: string;
          slug: string;
          name: string;
          images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
        };
      };
    }>;
  };
};

export type MergeGuestCartMutationVariables = Exact<{
  cartToken: string;
}>;

export type MergeGuestCartMutation = {
  __typename: "Mutation";
  mergeGuestCart: {
    __typename: "Cart";
    id: string;
    itemCount: number;
    readyForCheckout: boolean;
    subtotal: { __typename: "Money"; amount: number; currency: string } | null;
    lines: Array<{
      __typename: "CartLine";
      id: string;
      quantity: number;
      unitPrice: { __typename: "Money"; amount: number; currency: string } | null;
      lineTotal: { __typename: "Money"; amount: number; currency: string } | null;
      issue: {
        __typename: "CartLineIssue";
        code: CartLineIssueCode;
        message: string;
        available: number;
      } | null;
      variant: {
        __typename: "ProductVariant";
        id: string;
        sku: string;
        name: string;
        stockOnHand: number;
        product: {
          __typename: "Product";
          id: string;
          slug: string;
          name: string;
          images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
        };
      };
    }>;
  };
};

export type RemoveFromCartMutationVariables = Exact<{
  variantId: string | number;
}>;

export type RemoveFromCartMutation = {
  __typename: "Mutation";
  removeFromCart: {
    __typename: "CartPayload";
    cartToken: string | null;
    cart: {
      __typename: "Cart";
      id: string;
      itemCount: number;
      readyForCheckout: boolean;
      subtotal: { __typename: "Money"; amount: number; currency: string } | null;
      lines: Array<{
        __typename: "CartLine";
        id: string;
        quantity: number;
        unitPrice: { __typename: "Money"; amount: number; currency: string } | null;
        lineTotal: { __typename: "Money"; amount: number; currency: string } | null;
        issue: {
          __typename: "CartLineIssue";
          code: CartLineIssueCode;
          message: string;
          available: number;
        } | null;
        variant: {
          __typename: "ProductVariant";
          id: string;
          sku: string;
          name: string;
          stockOnHand: number;
          product: {
            __typename: "Product";
            id: string;
            slug: string;
            name: string;
            images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
          };
        };
      }>;
    } | null;
    error: { __typename: "CartError"; code: CartErrorCode; message: string; available: number | null } | null;
  };
};

export type SetCartLineQuantityMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
}>;

export type SetCartLineQuantityMutation = {
  __typename: "Mutation";
  setCartLineQuantity: {
    __typename: "CartPayload";
    cartToken: string | null;
    cart: {
      __typename: "Cart";
      id: string;
      itemCount: number;
      readyForCheckout: boolean;
      subtotal: { __typename: "Money"; amount: number; currency: string } | null;
      lines: Array<{
        __typename: "CartLine";
        id: string;
        quantity: number;
        unitPrice: { __typename: "Money"; amount: number; currency: string } | null;
        lineTotal: { __typename: "Money"; amount: number; currency: string } | null;
        issue: {
          __typename: "CartLineIssue";
          code: CartLineIssueCode;
          message: string;
          available: number;
        } | null;
        variant: {
          __typename: "ProductVariant";
          id: string;
          sku: string;
          name: string;
          stockOnHand: number;
          product: {
            __typename: "Product";
            id: string;
            slug: string;
            name: string;
            images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
          };
        };
      }>;
    } | null;
    error: { __typename: "CartError"; code: CartErrorCode; message: string; available: number | null } | null;
  };
};

export type CategoriesQueryVariables = Exact<{ [key: string]: never }>;

export type CategoriesQuery = {
  __typename: "Query";
  categories: Array<{
    __typename: "Category";
    id: string;
    slug: string;
    name: string;
    children: Array<{
      __typename: "Category";
      id: string;
      slug: string;
      name: string;
      children: Array<{ __typename: "Category"; id: string; slug: string; name: string }>;
    }>;
  }>;
};

export type CategoryNodeFragment = { __typename: "Category"; id: string; slug: string; name: string };

export type CreateReviewMutationVariables = Exact<{
  input: CreateReviewInput;
}>;

export type CreateReviewMutation = {
  __typename: "Mutation";
  createReview:
    | {
        __typename: "Review";
        id: string;
        rating: number;
        title: string | null;
        body: string;
        createdAt: string;
        product: { __typename: "Product"; id: string; averageRating: number | null; reviewCount: number };
        author: { __typename: "User"; id: string; name: string };
      }
    | { __typename: "ReviewError"; code: ReviewErrorCode; message: string; field: string | null };
};

export type MoneyFieldsFragment = { __typename: "Money"; amount: number; currency: string };

export type ProductCardFragment = {
  __typename: "Product";
  id: string;
  slug: string;
  name: string;
  inStock: boolean;
  averageRating: number | null;
  reviewCount: number;
  price: { __typename: "Money"; amount: number; currency: string };
  images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
};

export type ProductPageQueryVariables = Exact<{
  slug: string;
}>;

export type ProductPageQuery = {
  __typename: "Query";
  product:
    | ({
        __typename: "Product";
        id: string;
        sku: string;
        slug: string;
        name: string;
        description: string;
        inStock: boolean;
        averageRating: number | null;
        reviewCount: number;
        price: { __typename: "Money"; amount: number; currency: string };
        images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
        attributes: Array<{ __typename: "Attribute"; name: string; value: string }>;
        category: { __typename: "Category"; id: string; slug: string; name: string } | null;
        variants: Array<{
          __typename: "ProductVariant";
          id: string;
          sku: string;
          name: string;
          stockOnHand: number;
          inStock: boolean;
          price: { __typename: "Money"; amount: number; currency: string };
          attributes: Array<{ __typename: "Attribute"; name: string; value: string }>;
        }>;
      } & (
        | {
            __typename: "Product";
            reviews: {
              __typename: "ReviewConnection";
              nodes: Array<{
                __typename: "Review";
                id: string;
                rating: number;
                title: string | null;
                body: string;
                createdAt: string;
                author: { __typename: "User"; id: string; name: string };
              }>;
              pageInfo: { __typename: "PageInfo"; hasNextPage: boolean; endCursor: string | null };
            };
          }
        | { __typename: "Product"; reviews?: never }
      ))
    | null;
};

export type ProductReviewsQueryVariables = Exact<{
  productId: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type ProductReviewsQuery = {
  __typename: "Query";
  product: {
    __typename: "Product";
    id: string;
    reviews: {
      __typename: "ReviewConnection";
      nodes: Array<{
        __typename: "Review";
        id: string;
        rating: number;
        title: string | null;
        body: string;
        createdAt: string;
        author: { __typename: "User"; id: string; name: string };
      }>;
      pageInfo: { __typename: "PageInfo"; hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

export type ReviewFieldsFragment = {
  __typename: "Review";
  id: string;
  rating: number;
  title: string | null;
  body: string;
  createdAt: string;
  author: { __typename: "User"; id: string; name: string };
};

export type SearchProductsQueryVariables = Exact<{
  filter?: ProductFilter | null | undefined;
  sort?: ProductSort | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type SearchProductsQuery = {
  __typename: "Query";
  products: {
    __typename: "ProductConnection";
    nodes: Array<{
      __typename: "Product";
      id: string;
      slug: string;
      name: string;
      inStock: boolean;
      averageRating: number | null;
      reviewCount: number;
      price: { __typename: "Money"; amount: number; currency: string };
      images: Array<{ __typename: "ProductImage"; url: string; alt: string }>;
    }>;
    pageInfo: { __typename: "PageInfo"; hasNextPage: boolean; endCursor: string | null };
  };
};

export type CheckoutMutationVariables = Exact<{
  input: CheckoutInput;
}>;

export type CheckoutMutation = {
  __typename: "Mutation";
  checkout:
    | {
        __typename: "CheckoutError";
        code: CheckoutErrorCode;
        message: string;
        order: { __typename: "Order"; id: string; status: OrderStatus } | null;
        shortages: Array<{
          __typename: "StockShortage";
          requested: number;
          available: number;
          variant: {
            __typename: "ProductVariant";
            id: string;
            sku: string;
            name: string;
            product: { __typename: "Product"; id: string; name: string };
          };
        }>;
      }
    | { __typename: "Order"; id: string; status: OrderStatus };
};

export type ShippingOptionsQueryVariables = Exact<{
  address: ShippingAddressInput;
}>;

export type ShippingOptionsQuery = {
  __typename: "Query";
  shippingOptions: Array<{
    __typename: "ShippingOption";
    id: string;
    carrier: string;
    service: string;
    speed: ShippingSpeed;
    price: { __typename: "Money"; amount: number; currency: string };
    estimatedDeliveryDays: { __typename: "DeliveryDays"; min: number; max: number };
  }>;
};

export type MyOrdersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;

export type MyOrdersQuery = {
  __typename: "Query";
  myOrders: {
    __typename: "OrderConnection";
    nodes: Array<{
      __typename: "Order";
      id: string;
      status: OrderStatus;
      createdAt: string;
      total: { __typename: "Money"; amount: number; currency: string };
      lines: Array<{ __typename: "OrderLine"; productName: string; quantity: number }>;
    }>;
    pageInfo: { __typename: "PageInfo"; hasNextPage: boolean; endCursor: string | null };
  };
};

export type OrderDetailsFragment = {
  __typename: "Order";
  id: string;
  status: OrderStatus;
  createdAt: string;
  failureReason: string | null;
  subtotal: { __typename: "Money"; amount: number; currency: string };
  shippingTotal: { __typename: "Money"; amount: number; currency: string };
  total: { __typename: "Money"; amount: number; currency: string };
  lines: Array<{
    __typename: "OrderLine";
    sku: string;
    productName: string;
    variantName: string;
    quantity: number;
    unitPrice: { __typename: "Money"; amount: number; currency: string };
    lineTotal: { __typename: "Money"; amount: number; currency: string };
  }>;
  shippingAddress: {
    __typename: "OrderAddress";
    fullName: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
  };
  statusHistory: Array<{
    __typename: "OrderStatusChange";
    status: OrderStatus;
    note: string | null;
    at: string;
  }>;
  payment: {
    __typename: "Payment";
    status: PaymentStatus;
    cardBrand: string;
    cardLast4: string;
    failureMessage: string | null;
    amount: { __typename: "Money"; amount: number; currency: string };
  } | null;
  shipment: {
    __typename: "Shipment";
    id: string;
    carrier: string;
    service: string;
    trackingNumber: string;
    status: ShipmentStatus;
    exceptionReason: string | null;
    estimatedDeliveryAt: string | null;
    events: Array<{ __typename: "ShipmentEvent"; status: ShipmentStatus; note: string | null; at: string }>;
  } | null;
};

export type OrderPageQueryVariables = Exact<{
  id: string | number;
}>;

export type OrderPageQuery = {
  __typename: "Query";
  order: {
    __typename: "Order";
    id: string;
    status: OrderStatus;
    createdAt: string;
    failureReason: string | null;
    subtotal: { __typename: "Money"; amount: number; currency: string };
    shippingTotal: { __typename: "Money"; amount: number; currency: string };
    total: { __typename: "Money"; amount: number; currency: string };
    lines: Array<{
      __typename: "OrderLine";
      sku: string;
      productName: string;
      variantName: string;
      quantity: number;
      unitPrice: { __typename: "Money"; amount: number; currency: string };
      lineTotal: { __typename: "Money"; amount: number; currency: string };
    }>;
    shippingAddress: {
      __typename: "OrderAddress";
      fullName: string;
      line1: string;
      line2: string | null;
      city: string;
      region: string | null;
      postalCode: string;
      country: string;
    };
    statusHistory: Array<{
      __typename: "OrderStatusChange";
      status: OrderStatus;
      note: string | null;
      at: string;
    }>;
    payment: {
      __typename: "Payment";
      status: PaymentStatus;
      cardBrand: string;
      cardLast4: string;
      failureMessage: string | null;
      amount: { __typename: "Money"; amount: number; currency: string };
    } | null;
    shipment: {
      __typename: "Shipment";
      id: string;
      carrier: string;
      service: string;
      trackingNumber: string;
      status: ShipmentStatus;
      exceptionReason: string | null;
      estimatedDeliveryAt: string | null;
      events: Array<{ __typename: "ShipmentEvent"; status: ShipmentStatus; note: string | null; at: string }>;
    } | null;
  } | null;
};

export type OrderStatusChangedSubscriptionVariables = Exact<{
  orderId: string | number;
  afterSequence?: number | null | undefined;
}>;

export type OrderStatusChangedSubscription = {
  __typename: "Subscription";
  orderStatusChanged: {
    __typename: "OrderStatusEvent";
    orderId: string;
    status: OrderStatus;
    previousStatus: OrderStatus | null;
    sequence: number;
    changedAt: string;
    order: {
      __typename: "Order";
      id: string;
      status: OrderStatus;
      createdAt: string;
      failureReason: string | null;
      subtotal: { __typename: "Money"; amount: number; currency: string };
      shippingTotal: { __typename: "Money"; amount: number; currency: string };
      total: { __typename: "Money"; amount: number; currency: string };
      lines: Array<{
        __typename: "OrderLine";
        sku: string;
        productName: string;
        variantName: string;
        quantity: number;
        unitPrice: { __typename: "Money"; amount: number; currency: string };
        lineTotal: { __typename: "Money"; amount: number; currency: string };
      }>;
      shippingAddress: {
        __typename: "OrderAddress";
        fullName: string;
        line1: string;
        line2: string | null;
        city: string;
        region: string | null;
        postalCode: string;
        country: string;
      };
      statusHistory: Array<{
        __typename: "OrderStatusChange";
        status: OrderStatus;
        note: string | null;
        at: string;
      }>;
      payment: {
        __typename: "Payment";
        status: PaymentStatus;
        cardBrand: string;
        cardLast4: string;
        failureMessage: string | null;
        amount: { __typename: "Money"; amount: number; currency: string };
      } | null;
      shipment: {
        __typename: "Shipment";
        id: string;
        carrier: string;
        service: string;
        trackingNumber: string;
        status: ShipmentStatus;
        exceptionReason: string | null;
        estimatedDeliveryAt: string | null;
        events: Array<{
          __typename: "ShipmentEvent";
          status: ShipmentStatus;
          note: string | null;
          at: string;
        }>;
      } | null;
    };
  };
};

export const AddressFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AddressFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Address" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "fullName" } },
          { kind: "Field", name: { kind: "Name", value: "line1" } },
          { kind: "Field", name: { kind: "Name", value: "line2" } },
          { kind: "Field", name: { kind: "Name", value: "city" } },
          { kind: "Field", name: { kind: "Name", value: "region" } },
          { kind: "Field", name: { kind: "Name", value: "postalCode" } },
          { kind: "Field", name: { kind: "Name", value: "country" } },
          { kind: "Field", name: { kind: "Name", value: "phone" } },
          { kind: "Field", name: { kind: "Name", value: "isDefault" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddressFieldsFragment, unknown>;
export const ViewerFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "Viewer" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "User" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "email" } },
          { kind: "Field", name: { kind: "Name", value: "role" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ViewerFragment, unknown>;
export const SessionFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SessionFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthSession" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "accessToken" } },
          { kind: "Field", name: { kind: "Name", value: "accessTokenExpiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "refreshToken" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "Viewer" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "Viewer" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "User" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "email" } },
          { kind: "Field", name: { kind: "Name", value: "role" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionFieldsFragment, unknown>;
export const MoneyFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MoneyFieldsFragment, unknown>;
export const AdminVariantFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminVariantFieldsFragment, unknown>;
export const AdminProductFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminProductFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "variants" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminProductFieldsFragment, unknown>;
export const AdminShipmentFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminShipmentFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Shipment" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "carrier" } },
          { kind: "Field", name: { kind: "Name", value: "service" } },
          { kind: "Field", name: { kind: "Name", value: "trackingNumber" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "exceptionReason" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "order" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminShipmentFieldsFragment, unknown>;
export const CartErrorFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartErrorFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CartError" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "code" } },
          { kind: "Field", name: { kind: "Name", value: "message" } },
          { kind: "Field", name: { kind: "Name", value: "available" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CartErrorFieldsFragment, unknown>;
export const CartFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Cart" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "itemCount" } },
          { kind: "Field", name: { kind: "Name", value: "readyForCheckout" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "issue" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "available" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variant" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "slug" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "images" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "url" } },
                                  { kind: "Field", name: { kind: "Name", value: "alt" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CartFieldsFragment, unknown>;
export const CategoryNodeFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CategoryNode" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Category" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CategoryNodeFragment, unknown>;
export const ProductCardFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ProductCard" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "images" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "url" } },
                { kind: "Field", name: { kind: "Name", value: "alt" } },
              ],
            },
          },
          { kind: "Field", name: { kind: "Name", value: "inStock" } },
          { kind: "Field", name: { kind: "Name", value: "averageRating" } },
          { kind: "Field", name: { kind: "Name", value: "reviewCount" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProductCardFragment, unknown>;
export const ReviewFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ReviewFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Review" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "rating" } },
          { kind: "Field", name: { kind: "Name", value: "title" } },
          { kind: "Field", name: { kind: "Name", value: "body" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReviewFieldsFragment, unknown>;
export const OrderDetailsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "OrderDetails" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Order" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "failureReason" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shippingTotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "total" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "sku" } },
                { kind: "Field", name: { kind: "Name", value: "productName" } },
                { kind: "Field", name: { kind: "Name", value: "variantName" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shippingAddress" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "fullName" } },
                { kind: "Field", name: { kind: "Name", value: "line1" } },
                { kind: "Field", name: { kind: "Name", value: "line2" } },
                { kind: "Field", name: { kind: "Name", value: "city" } },
                { kind: "Field", name: { kind: "Name", value: "region" } },
                { kind: "Field", name: { kind: "Name", value: "postalCode" } },
                { kind: "Field", name: { kind: "Name", value: "country" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "statusHistory" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "note" } },
                { kind: "Field", name: { kind: "Name", value: "at" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "payment" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "cardBrand" } },
                { kind: "Field", name: { kind: "Name", value: "cardLast4" } },
                { kind: "Field", name: { kind: "Name", value: "failureMessage" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "amount" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shipment" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "carrier" } },
                { kind: "Field", name: { kind: "Name", value: "service" } },
                { kind: "Field", name: { kind: "Name", value: "trackingNumber" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "exceptionReason" } },
                { kind: "Field", name: { kind: "Name", value: "estimatedDeliveryAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "events" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                      { kind: "Field", name: { kind: "Name", value: "note" } },
                      { kind: "Field", name: { kind: "Name", value: "at" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrderDetailsFragment, unknown>;
export const AddAddressDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddAddress" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "AddressInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addAddress" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AddressFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AddressFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Address" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "fullName" } },
          { kind: "Field", name: { kind: "Name", value: "line1" } },
          { kind: "Field", name: { kind: "Name", value: "line2" } },
          { kind: "Field", name: { kind: "Name", value: "city" } },
          { kind: "Field", name: { kind: "Name", value: "region" } },
          { kind: "Field", name: { kind: "Name", value: "postalCode" } },
          { kind: "Field", name: { kind: "Name", value: "country" } },
          { kind: "Field", name: { kind: "Name", value: "phone" } },
          { kind: "Field", name: { kind: "Name", value: "isDefault" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddAddressMutation, AddAddressMutationVariables>;
export const LoginDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "Login" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "LoginInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "login" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "__typename" } },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthSession" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "SessionFields" } }],
                  },
                },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthError" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "retryAfterSeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "Viewer" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "User" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "email" } },
          { kind: "Field", name: { kind: "Name", value: "role" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SessionFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthSession" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "accessToken" } },
          { kind: "Field", name: { kind: "Name", value: "accessTokenExpiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "refreshToken" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "Viewer" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "Logout" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "refreshToken" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "logout" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "refreshToken" },
                value: { kind: "Variable", name: { kind: "Name", value: "refreshToken" } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MyAddressesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "MyAddresses" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "me" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "addresses" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AddressFields" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AddressFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Address" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "fullName" } },
          { kind: "Field", name: { kind: "Name", value: "line1" } },
          { kind: "Field", name: { kind: "Name", value: "line2" } },
          { kind: "Field", name: { kind: "Name", value: "city" } },
          { kind: "Field", name: { kind: "Name", value: "region" } },
          { kind: "Field", name: { kind: "Name", value: "postalCode" } },
          { kind: "Field", name: { kind: "Name", value: "country" } },
          { kind: "Field", name: { kind: "Name", value: "phone" } },
          { kind: "Field", name: { kind: "Name", value: "isDefault" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyAddressesQuery, MyAddressesQueryVariables>;
export const RefreshDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "Refresh" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "refreshToken" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "refresh" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "refreshToken" },
                value: { kind: "Variable", name: { kind: "Name", value: "refreshToken" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "SessionFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "Viewer" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "User" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "email" } },
          { kind: "Field", name: { kind: "Name", value: "role" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SessionFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthSession" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "accessToken" } },
          { kind: "Field", name: { kind: "Name", value: "accessTokenExpiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "refreshToken" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "Viewer" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RefreshMutation, RefreshMutationVariables>;
export const RegisterDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "Register" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "RegisterInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "register" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "__typename" } },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthSession" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "SessionFields" } }],
                  },
                },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthError" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "retryAfterSeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "Viewer" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "User" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "email" } },
          { kind: "Field", name: { kind: "Name", value: "role" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SessionFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "AuthSession" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "accessToken" } },
          { kind: "Field", name: { kind: "Name", value: "accessTokenExpiresAt" } },
          { kind: "Field", name: { kind: "Name", value: "refreshToken" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "user" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "Viewer" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const RemoveAddressDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RemoveAddress" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "removeAddress" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveAddressMutation, RemoveAddressMutationVariables>;
export const SetDefaultAddressDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetDefaultAddress" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setDefaultAddress" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AddressFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AddressFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Address" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "fullName" } },
          { kind: "Field", name: { kind: "Name", value: "line1" } },
          { kind: "Field", name: { kind: "Name", value: "line2" } },
          { kind: "Field", name: { kind: "Name", value: "city" } },
          { kind: "Field", name: { kind: "Name", value: "region" } },
          { kind: "Field", name: { kind: "Name", value: "postalCode" } },
          { kind: "Field", name: { kind: "Name", value: "country" } },
          { kind: "Field", name: { kind: "Name", value: "phone" } },
          { kind: "Field", name: { kind: "Name", value: "isDefault" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetDefaultAddressMutation, SetDefaultAddressMutationVariables>;
export const UpdateAddressDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateAddress" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "AddressInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateAddress" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AddressFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AddressFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Address" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "fullName" } },
          { kind: "Field", name: { kind: "Name", value: "line1" } },
          { kind: "Field", name: { kind: "Name", value: "line2" } },
          { kind: "Field", name: { kind: "Name", value: "city" } },
          { kind: "Field", name: { kind: "Name", value: "region" } },
          { kind: "Field", name: { kind: "Name", value: "postalCode" } },
          { kind: "Field", name: { kind: "Name", value: "country" } },
          { kind: "Field", name: { kind: "Name", value: "phone" } },
          { kind: "Field", name: { kind: "Name", value: "isDefault" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateAddressMutation, UpdateAddressMutationVariables>;
export const AdjustStockDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AdjustStock" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "delta" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "reason" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "adjustStock" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "variantId" },
                value: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "delta" },
                value: { kind: "Variable", name: { kind: "Name", value: "delta" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "reason" },
                value: { kind: "Variable", name: { kind: "Name", value: "reason" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdjustStockMutation, AdjustStockMutationVariables>;
export const AdminProductDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "AdminProduct" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "product" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminProductFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminProductFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "variants" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminProductQuery, AdminProductQueryVariables>;
export const AdminProductsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "AdminProducts" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ProductFilter" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "products" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "sort" },
                value: { kind: "EnumValue", value: "NEWEST" },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "nodes" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "AdminProductFields" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                      { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminProductFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "variants" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminProductsQuery, AdminProductsQueryVariables>;
export const AdminShipmentsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "AdminShipments" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "status" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ShipmentStatus" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "shipments" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "status" },
                value: { kind: "Variable", name: { kind: "Name", value: "status" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "nodes" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "AdminShipmentFields" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                      { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminShipmentFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Shipment" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "carrier" } },
          { kind: "Field", name: { kind: "Name", value: "service" } },
          { kind: "Field", name: { kind: "Name", value: "trackingNumber" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "exceptionReason" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "order" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminShipmentsQuery, AdminShipmentsQueryVariables>;
export const AdvanceShipmentDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AdvanceShipment" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "note" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "advanceShipment" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "note" },
                value: { kind: "Variable", name: { kind: "Name", value: "note" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminShipmentFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminShipmentFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Shipment" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "carrier" } },
          { kind: "Field", name: { kind: "Name", value: "service" } },
          { kind: "Field", name: { kind: "Name", value: "trackingNumber" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "exceptionReason" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "order" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdvanceShipmentMutation, AdvanceShipmentMutationVariables>;
export const ArchiveProductDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "ArchiveProduct" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "archiveProduct" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminProductFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminProductFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "variants" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ArchiveProductMutation, ArchiveProductMutationVariables>;
export const CreateProductDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CreateProduct" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "CreateProductInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "createProduct" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminProductFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminProductFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "variants" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateProductMutation, CreateProductMutationVariables>;
export const CreateVariantDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CreateVariant" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "productId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "CreateVariantInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "createVariant" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "productId" },
                value: { kind: "Variable", name: { kind: "Name", value: "productId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "product" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "variants" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateVariantMutation, CreateVariantMutationVariables>;
export const ReceiveStockDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "ReceiveStock" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "quantity" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "note" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "receiveStock" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "variantId" },
                value: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "quantity" },
                value: { kind: "Variable", name: { kind: "Name", value: "quantity" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "note" },
                value: { kind: "Variable", name: { kind: "Name", value: "note" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReceiveStockMutation, ReceiveStockMutationVariables>;
export const ReportShipmentExceptionDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "ReportShipmentException" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "reason" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "reportShipmentException" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "reason" },
                value: { kind: "Variable", name: { kind: "Name", value: "reason" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminShipmentFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminShipmentFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Shipment" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "carrier" } },
          { kind: "Field", name: { kind: "Name", value: "service" } },
          { kind: "Field", name: { kind: "Name", value: "trackingNumber" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "exceptionReason" } },
          { kind: "Field", name: { kind: "Name", value: "updatedAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "order" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportShipmentExceptionMutation, ReportShipmentExceptionMutationVariables>;
export const StockMovementsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "StockMovements" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "stockMovements" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "variantId" },
                value: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "nodes" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "kind" } },
                      { kind: "Field", name: { kind: "Name", value: "quantity" } },
                      { kind: "Field", name: { kind: "Name", value: "note" } },
                      { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                      { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StockMovementsQuery, StockMovementsQueryVariables>;
export const UpdateProductDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateProduct" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "UpdateProductInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateProduct" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminProductFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminVariantFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ProductVariant" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "AdminProductFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "sku" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "variants" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "AdminVariantFields" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateProductMutation, UpdateProductMutationVariables>;
export const AddToCartDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddToCart" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "quantity" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addToCart" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "variantId" },
                value: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "quantity" },
                value: { kind: "Variable", name: { kind: "Name", value: "quantity" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "cartToken" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cart" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CartFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "error" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "CartErrorFields" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Cart" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "itemCount" } },
          { kind: "Field", name: { kind: "Name", value: "readyForCheckout" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "issue" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "available" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variant" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "slug" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "images" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "url" } },
                                  { kind: "Field", name: { kind: "Name", value: "alt" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartErrorFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CartError" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "code" } },
          { kind: "Field", name: { kind: "Name", value: "message" } },
          { kind: "Field", name: { kind: "Name", value: "available" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddToCartMutation, AddToCartMutationVariables>;
export const CartDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Cart" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "cart" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CartFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Cart" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "itemCount" } },
          { kind: "Field", name: { kind: "Name", value: "readyForCheckout" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "issue" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "available" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variant" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "slug" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "images" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "url" } },
                                  { kind: "Field", name: { kind: "Name", value: "alt" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CartQuery, CartQueryVariables>;
export const ClearCartDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "ClearCart" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "clearCart" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CartFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Cart" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "itemCount" } },
          { kind: "Field", name: { kind: "Name", value: "readyForCheckout" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "issue" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "available" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variant" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "slug" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "images" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "url" } },
                                  { kind: "Field", name: { kind: "Name", value: "alt" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ClearCartMutation, ClearCartMutationVariables>;
export const MergeGuestCartDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "MergeGuestCart" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "cartToken" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "mergeGuestCart" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "cartToken" },
                value: { kind: "Variable", name: { kind: "Name", value: "cartToken" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CartFields" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Cart" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "itemCount" } },
          { kind: "Field", name: { kind: "Name", value: "readyForCheckout" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "issue" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "available" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variant" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "slug" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "images" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "url" } },
                                  { kind: "Field", name: { kind: "Name", value: "alt" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MergeGuestCartMutation, MergeGuestCartMutationVariables>;
export const RemoveFromCartDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RemoveFromCart" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "removeFromCart" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "variantId" },
                value: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "cartToken" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cart" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CartFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "error" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "CartErrorFields" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Cart" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "itemCount" } },
          { kind: "Field", name: { kind: "Name", value: "readyForCheckout" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "issue" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "available" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variant" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "slug" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "images" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "url" } },
                                  { kind: "Field", name: { kind: "Name", value: "alt" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartErrorFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CartError" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "code" } },
          { kind: "Field", name: { kind: "Name", value: "message" } },
          { kind: "Field", name: { kind: "Name", value: "available" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveFromCartMutation, RemoveFromCartMutationVariables>;
export const SetCartLineQuantityDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetCartLineQuantity" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "quantity" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setCartLineQuantity" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "variantId" },
                value: { kind: "Variable", name: { kind: "Name", value: "variantId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "quantity" },
                value: { kind: "Variable", name: { kind: "Name", value: "quantity" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "cartToken" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cart" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CartFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "error" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "CartErrorFields" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Cart" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "itemCount" } },
          { kind: "Field", name: { kind: "Name", value: "readyForCheckout" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "issue" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "available" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variant" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "slug" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "images" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "url" } },
                                  { kind: "Field", name: { kind: "Name", value: "alt" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CartErrorFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CartError" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "code" } },
          { kind: "Field", name: { kind: "Name", value: "message" } },
          { kind: "Field", name: { kind: "Name", value: "available" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetCartLineQuantityMutation, SetCartLineQuantityMutationVariables>;
export const CategoriesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Categories" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "categories" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "CategoryNode" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "children" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "CategoryNode" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "children" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "CategoryNode" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CategoryNode" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Category" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CategoriesQuery, CategoriesQueryVariables>;
export const CreateReviewDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CreateReview" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "CreateReviewInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "createReview" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "__typename" } },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Review" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "ReviewFields" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "product" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "averageRating" } },
                            { kind: "Field", name: { kind: "Name", value: "reviewCount" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ReviewError" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      { kind: "Field", name: { kind: "Name", value: "field" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ReviewFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Review" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "rating" } },
          { kind: "Field", name: { kind: "Name", value: "title" } },
          { kind: "Field", name: { kind: "Name", value: "body" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateReviewMutation, CreateReviewMutationVariables>;
export const ProductPageDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ProductPage" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "slug" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "product" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "slug" },
                value: { kind: "Variable", name: { kind: "Name", value: "slug" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "sku" } },
                { kind: "Field", name: { kind: "Name", value: "slug" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "description" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "price" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "images" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "url" } },
                      { kind: "Field", name: { kind: "Name", value: "alt" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "attributes" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                    ],
                  },
                },
                { kind: "Field", name: { kind: "Name", value: "inStock" } },
                { kind: "Field", name: { kind: "Name", value: "averageRating" } },
                { kind: "Field", name: { kind: "Name", value: "reviewCount" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "category" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "slug" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "variants" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "sku" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "price" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "attributes" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "value" } },
                          ],
                        },
                      },
                      { kind: "Field", name: { kind: "Name", value: "stockOnHand" } },
                      { kind: "Field", name: { kind: "Name", value: "inStock" } },
                    ],
                  },
                },
                {
                  kind: "InlineFragment",
                  directives: [
                    {
                      kind: "Directive",
                      name: { kind: "Name", value: "defer" },
                      arguments: [
                        {
                          kind: "Argument",
                          name: { kind: "Name", value: "label" },
                          value: { kind: "StringValue", value: "reviews", block: false },
                        },
                      ],
                    },
                  ],
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "reviews" },
                        arguments: [
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "first" },
                            value: { kind: "IntValue", value: "5" },
                          },
                        ],
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "nodes" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "FragmentSpread", name: { kind: "Name", value: "ReviewFields" } },
                                ],
                              },
                            },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "pageInfo" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                                  { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ReviewFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Review" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "rating" } },
          { kind: "Field", name: { kind: "Name", value: "title" } },
          { kind: "Field", name: { kind: "Name", value: "body" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProductPageQuery, ProductPageQueryVariables>;
export const ProductReviewsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ProductReviews" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "productId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "product" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "productId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reviews" },
                  arguments: [
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "first" },
                      value: { kind: "Variable", name: { kind: "Name", value: "first" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "after" },
                      value: { kind: "Variable", name: { kind: "Name", value: "after" } },
                    },
                  ],
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "nodes" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "ReviewFields" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "pageInfo" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                            { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ReviewFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Review" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "rating" } },
          { kind: "Field", name: { kind: "Name", value: "title" } },
          { kind: "Field", name: { kind: "Name", value: "body" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "author" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProductReviewsQuery, ProductReviewsQueryVariables>;
export const SearchProductsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "SearchProducts" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ProductFilter" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "sort" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ProductSort" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "products" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "sort" },
                value: { kind: "Variable", name: { kind: "Name", value: "sort" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "nodes" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "ProductCard" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                      { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ProductCard" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Product" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "slug" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "price" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "images" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "url" } },
                { kind: "Field", name: { kind: "Name", value: "alt" } },
              ],
            },
          },
          { kind: "Field", name: { kind: "Name", value: "inStock" } },
          { kind: "Field", name: { kind: "Name", value: "averageRating" } },
          { kind: "Field", name: { kind: "Name", value: "reviewCount" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SearchProductsQuery, SearchProductsQueryVariables>;
export const CheckoutDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "Checkout" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "CheckoutInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "checkout" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "__typename" } },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Order" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                    ],
                  },
                },
                {
                  kind: "InlineFragment",
                  typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CheckoutError" } },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                      { kind: "Field", name: { kind: "Name", value: "message" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "order" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "status" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "shortages" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "requested" } },
                            { kind: "Field", name: { kind: "Name", value: "available" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "variant" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "id" } },
                                  { kind: "Field", name: { kind: "Name", value: "sku" } },
                                  { kind: "Field", name: { kind: "Name", value: "name" } },
                                  {
                                    kind: "Field",
                                    name: { kind: "Name", value: "product" },
                                    selectionSet: {
                                      kind: "SelectionSet",
                                      selections: [
                                        { kind: "Field", name: { kind: "Name", value: "id" } },
                                        { kind: "Field", name: { kind: "Name", value: "name" } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CheckoutMutation, CheckoutMutationVariables>;
export const ShippingOptionsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ShippingOptions" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "address" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "ShippingAddressInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "shippingOptions" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "address" },
                value: { kind: "Variable", name: { kind: "Name", value: "address" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "carrier" } },
                { kind: "Field", name: { kind: "Name", value: "service" } },
                { kind: "Field", name: { kind: "Name", value: "speed" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "price" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "estimatedDeliveryDays" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "min" } },
                      { kind: "Field", name: { kind: "Name", value: "max" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ShippingOptionsQuery, ShippingOptionsQueryVariables>;
export const MyOrdersDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "MyOrders" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Int" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "myOrders" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "nodes" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                      { kind: "Field", name: { kind: "Name", value: "createdAt" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "total" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "lines" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "productName" } },
                            { kind: "Field", name: { kind: "Name", value: "quantity" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                      { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyOrdersQuery, MyOrdersQueryVariables>;
export const OrderPageDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "OrderPage" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "order" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "OrderDetails" } }],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "OrderDetails" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Order" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "failureReason" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shippingTotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "total" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "sku" } },
                { kind: "Field", name: { kind: "Name", value: "productName" } },
                { kind: "Field", name: { kind: "Name", value: "variantName" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shippingAddress" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "fullName" } },
                { kind: "Field", name: { kind: "Name", value: "line1" } },
                { kind: "Field", name: { kind: "Name", value: "line2" } },
                { kind: "Field", name: { kind: "Name", value: "city" } },
                { kind: "Field", name: { kind: "Name", value: "region" } },
                { kind: "Field", name: { kind: "Name", value: "postalCode" } },
                { kind: "Field", name: { kind: "Name", value: "country" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "statusHistory" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "note" } },
                { kind: "Field", name: { kind: "Name", value: "at" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "payment" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "cardBrand" } },
                { kind: "Field", name: { kind: "Name", value: "cardLast4" } },
                { kind: "Field", name: { kind: "Name", value: "failureMessage" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "amount" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shipment" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "carrier" } },
                { kind: "Field", name: { kind: "Name", value: "service" } },
                { kind: "Field", name: { kind: "Name", value: "trackingNumber" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "exceptionReason" } },
                { kind: "Field", name: { kind: "Name", value: "estimatedDeliveryAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "events" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                      { kind: "Field", name: { kind: "Name", value: "note" } },
                      { kind: "Field", name: { kind: "Name", value: "at" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrderPageQuery, OrderPageQueryVariables>;
export const OrderStatusChangedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "OrderStatusChanged" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "orderId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "afterSequence" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "orderStatusChanged" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "orderId" },
                value: { kind: "Variable", name: { kind: "Name", value: "orderId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "afterSequence" },
                value: { kind: "Variable", name: { kind: "Name", value: "afterSequence" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "orderId" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "previousStatus" } },
                { kind: "Field", name: { kind: "Name", value: "sequence" } },
                { kind: "Field", name: { kind: "Name", value: "changedAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "order" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "OrderDetails" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "MoneyFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Money" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "amount" } },
          { kind: "Field", name: { kind: "Name", value: "currency" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "OrderDetails" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Order" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "status" } },
          { kind: "Field", name: { kind: "Name", value: "createdAt" } },
          { kind: "Field", name: { kind: "Name", value: "failureReason" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "subtotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shippingTotal" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "total" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "lines" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "sku" } },
                { kind: "Field", name: { kind: "Name", value: "productName" } },
                { kind: "Field", name: { kind: "Name", value: "variantName" } },
                { kind: "Field", name: { kind: "Name", value: "quantity" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "unitPrice" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "lineTotal" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shippingAddress" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "fullName" } },
                { kind: "Field", name: { kind: "Name", value: "line1" } },
                { kind: "Field", name: { kind: "Name", value: "line2" } },
                { kind: "Field", name: { kind: "Name", value: "city" } },
                { kind: "Field", name: { kind: "Name", value: "region" } },
                { kind: "Field", name: { kind: "Name", value: "postalCode" } },
                { kind: "Field", name: { kind: "Name", value: "country" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "statusHistory" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "note" } },
                { kind: "Field", name: { kind: "Name", value: "at" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "payment" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "cardBrand" } },
                { kind: "Field", name: { kind: "Name", value: "cardLast4" } },
                { kind: "Field", name: { kind: "Name", value: "failureMessage" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "amount" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "MoneyFields" } }],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "shipment" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "carrier" } },
                { kind: "Field", name: { kind: "Name", value: "service" } },
                { kind: "Field", name: { kind: "Name", value: "trackingNumber" } },
                { kind: "Field", name: { kind: "Name", value: "status" } },
                { kind: "Field", name: { kind: "Name", value: "exceptionReason" } },
                { kind: "Field", name: { kind: "Name", value: "estimatedDeliveryAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "events" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "status" } },
                      { kind: "Field", name: { kind: "Name", value: "note" } },
                      { kind: "Field", name: { kind: "Name", value: "at" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OrderStatusChangedSubscription, OrderStatusChangedSubscriptionVariables>;
