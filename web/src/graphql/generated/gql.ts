/* eslint-disable */
import * as types from "./graphql";
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  "mutation AddAddress($input: AddressInput!) {\n  addAddress(input: $input) {\n    ...AddressFields\n  }\n}": typeof types.AddAddressDocument;
  "fragment AddressFields on Address {\n  id\n  fullName\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n  phone\n  isDefault\n}": typeof types.AddressFieldsFragmentDoc;
  "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}": typeof types.LoginDocument;
  "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": typeof types.LogoutDocument;
  "query MyAddresses {\n  me {\n    id\n    addresses {\n      ...AddressFields\n    }\n  }\n}": typeof types.MyAddressesDocument;
  "mutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}": typeof types.RefreshDocument;
  "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}": typeof types.RegisterDocument;
  "mutation RemoveAddress($id: ID!) {\n  removeAddress(id: $id)\n}": typeof types.RemoveAddressDocument;
  "fragment SessionFields on AuthSession {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...Viewer\n  }\n}": typeof types.SessionFieldsFragmentDoc;
  "mutation SetDefaultAddress($id: ID!) {\n  setDefaultAddress(id: $id) {\n    ...AddressFields\n  }\n}": typeof types.SetDefaultAddressDocument;
  "mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n  updateAddress(id: $id, input: $input) {\n    ...AddressFields\n  }\n}": typeof types.UpdateAddressDocument;
  "fragment Viewer on User {\n  id\n  name\n  email\n  role\n}": typeof types.ViewerFragmentDoc;
  "mutation AdjustStock($variantId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(variantId: $variantId, delta: $delta, reason: $reason) {\n    ...AdminVariantFields\n  }\n}": typeof types.AdjustStockDocument;
  "query AdminProduct($id: ID!) {\n  product(id: $id) {\n    ...AdminProductFields\n  }\n}": typeof types.AdminProductDocument;
  "fragment AdminProductFields on Product {\n  id\n  sku\n  slug\n  name\n  status\n  price {\n    ...MoneyFields\n  }\n  variants {\n    ...AdminVariantFields\n  }\n}": typeof types.AdminProductFieldsFragmentDoc;
  "query AdminProducts($filter: ProductFilter, $first: Int!, $after: String) {\n  products(filter: $filter, sort: NEWEST, first: $first, after: $after) {\n    nodes {\n      ...AdminProductFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AdminProductsDocument;
  "fragment AdminShipmentFields on Shipment {\n  id\n  carrier\n  service\n  trackingNumber\n  status\n  exceptionReason\n  updatedAt\n  order {\n    id\n    status\n  }\n}": typeof types.AdminShipmentFieldsFragmentDoc;
  "query AdminShipments($status: ShipmentStatus, $first: Int!, $after: String) {\n  shipments(status: $status, first: $first, after: $after) {\n    nodes {\n      ...AdminShipmentFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AdminShipmentsDocument;
  "fragment AdminVariantFields on ProductVariant {\n  id\n  sku\n  name\n  status\n  stockOnHand\n  price {\n    ...MoneyFields\n  }\n}": typeof types.AdminVariantFieldsFragmentDoc;
  "mutation AdvanceShipment($id: ID!, $note: String) {\n  advanceShipment(id: $id, note: $note) {\n    ...AdminShipmentFields\n  }\n}": typeof types.AdvanceShipmentDocument;
  "mutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...AdminProductFields\n  }\n}": typeof types.ArchiveProductDocument;
  "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}": typeof types.CreateProductDocument;
  "mutation CreateVariant($productId: ID!, $input: CreateVariantInput!) {\n  createVariant(productId: $productId, input: $input) {\n    ...AdminVariantFields\n    product {\n      id\n      variants {\n        id\n      }\n    }\n  }\n}": typeof types.CreateVariantDocument;
  "mutation ReceiveStock($variantId: ID!, $quantity: Int!, $note: String) {\n  receiveStock(variantId: $variantId, quantity: $quantity, note: $note) {\n    ...AdminVariantFields\n  }\n}": typeof types.ReceiveStockDocument;
  "mutation ReportShipmentException($id: ID!, $reason: String!) {\n  reportShipmentException(id: $id, reason: $reason) {\n    ...AdminShipmentFields\n  }\n}": typeof types.ReportShipmentExceptionDocument;
  "query StockMovements($variantId: ID!, $first: Int!, $after: String) {\n  stockMovements(variantId: $variantId, first: $first, after: $after) {\n    nodes {\n      id\n      kind\n      quantity\n      note\n      createdAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.StockMovementsDocument;
  "mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}": typeof types.UpdateProductDocument;
  "mutation AddToCart($variantId: ID!, $quantity: Int!) {\n  addToCart(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}": typeof types.AddToCartDocument;
  "query Cart {\n  cart {\n    ...CartFields\n  }\n}": typeof types.CartDocument;
  "fragment CartErrorFields on CartError {\n  code\n  message\n  available\n}": typeof types.CartErrorFieldsFragmentDoc;
  "fragment CartFields on Cart {\n  id\n  itemCount\n  readyForCheckout\n  subtotal {\n    ...MoneyFields\n  }\n  lines {\n    id\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n    issue {\n      code\n      message\n      available\n    }\n    variant {\n      id\n      sku\n      name\n      stockOnHand\n      product {\n        id\n        slug\n        name\n        images {\n          url\n          alt\n        }\n      }\n    }\n  }\n}": typeof types.CartFieldsFragmentDoc;
  "mutation ClearCart {\n  clearCart {\n    ...CartFields\n  }\n}": typeof types.ClearCartDocument;
  "mutation MergeGuestCart($cartToken: String!) {\n  mergeGuestCart(cartToken: $cartToken) {\n    ...CartFields\n  }\n}": typeof types.MergeGuestCartDocument;
  "mutation RemoveFromCart($variantId: ID!) {\n  removeFromCart(variantId: $variantId) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}": typeof types.RemoveFromCartDocument;
  "mutation SetCartLineQuantity($variantId: ID!, $quantity: Int!) {\n  setCartLineQuantity(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}": typeof types.SetCartLineQuantityDocument;
  "query Categories {\n  categories {\n    ...CategoryNode\n    children {\n      ...CategoryNode\n      children {\n        ...CategoryNode\n      }\n    }\n  }\n}": typeof types.CategoriesDocument;
  "fragment CategoryNode on Category {\n  id\n  slug\n  name\n}": typeof types.CategoryNodeFragmentDoc;
  "mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    __typename\n    ... on Review {\n      ...ReviewFields\n      product {\n        id\n        averageRating\n        reviewCount\n      }\n    }\n    ... on ReviewError {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.CreateReviewDocument;
  "fragment MoneyFields on Money {\n  amount\n  currency\n}": typeof types.MoneyFieldsFragmentDoc;
  "fragment ProductCard on Product {\n  id\n  slug\n  name\n  price {\n    ...MoneyFields\n  }\n  images {\n    url\n    alt\n  }\n  inStock\n  averageRating\n  reviewCount\n}": typeof types.ProductCardFragmentDoc;
  'query ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    slug\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    images {\n      url\n      alt\n    }\n    attributes {\n      name\n      value\n    }\n    inStock\n    averageRating\n    reviewCount\n    category {\n      id\n      slug\n      name\n    }\n    variants {\n      id\n      sku\n      name\n      price {\n        ...MoneyFields\n      }\n      attributes {\n        name\n        value\n      }\n      stockOnHand\n      inStock\n    }\n    ... @defer(label: "reviews") {\n      reviews(first: 5) {\n        nodes {\n          ...ReviewFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}': typeof types.ProductPageDocument;
  "query ProductReviews($productId: ID!, $first: Int!, $after: String) {\n  product(id: $productId) {\n    id\n    reviews(first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.ProductReviewsDocument;
  "fragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  createdAt\n  author {\n    id\n    name\n  }\n}": typeof types.ReviewFieldsFragmentDoc;
  "query SearchProducts($filter: ProductFilter, $sort: ProductSort, $first: Int!, $after: String) {\n  products(filter: $filter, sort: $sort, first: $first, after: $after) {\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SearchProductsDocument;
  "mutation Checkout($input: CheckoutInput!) {\n  checkout(input: $input) {\n    __typename\n    ... on Order {\n      id\n      status\n    }\n    ... on CheckoutError {\n      code\n      message\n      order {\n        id\n        status\n      }\n      shortages {\n        requested\n        available\n        variant {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}": typeof types.CheckoutDocument;
  "query ShippingOptions($address: ShippingAddressInput!) {\n  shippingOptions(address: $address) {\n    id\n    carrier\n    service\n    speed\n    price {\n      ...MoneyFields\n    }\n    estimatedDeliveryDays {\n      min\n      max\n    }\n  }\n}": typeof types.ShippingOptionsDocument;
  "query MyOrders($first: Int!, $after: String) {\n  myOrders(first: $first, after: $after) {\n    nodes {\n      id\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n      lines {\n        productName\n        quantity\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.MyOrdersDocument;
  "fragment OrderDetails on Order {\n  id\n  status\n  createdAt\n  failureReason\n  subtotal {\n    ...MoneyFields\n  }\n  shippingTotal {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  lines {\n    sku\n    productName\n    variantName\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  shippingAddress {\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n  statusHistory {\n    status\n    note\n    at\n  }\n  payment {\n    status\n    cardBrand\n    cardLast4\n    failureMessage\n    amount {\n      ...MoneyFields\n    }\n  }\n  shipment {\n    id\n    carrier\n    service\n    trackingNumber\n    status\n    exceptionReason\n    estimatedDeliveryAt\n    events {\n      status\n      note\n      at\n    }\n  }\n}": typeof types.OrderDetailsFragmentDoc;
  "query OrderPage($id: ID!) {\n  order(id: $id) {\n    ...OrderDetails\n  }\n}": typeof types.OrderPageDocument;
  "subscription OrderStatusChanged($orderId: ID!, $afterSequence: Int) {\n  orderStatusChanged(orderId: $orderId, afterSequence: $afterSequence) {\n    orderId\n    status\n    previousStatus\n    sequence\n    changedAt\n    order {\n      ...OrderDetails\n    }\n  }\n}": typeof types.OrderStatusChangedDocument;
};
const documents: Documents = {
  "mutation AddAddress($input: AddressInput!) {\n  addAddress(input: $input) {\n    ...AddressFields\n  }\n}":
    types.AddAddressDocument,
  "fragment AddressFields on Address {\n  id\n  fullName\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n  phone\n  isDefault\n}":
    types.AddressFieldsFragmentDoc,
  "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}":
    types.LoginDocument,
  "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": types.LogoutDocument,
  "query MyAddresses {\n  me {\n    id\n    addresses {\n      ...AddressFields\n    }\n  }\n}":
    types.MyAddressesDocument,
  "mutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}":
    types.RefreshDocument,
  "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}":
    types.RegisterDocument,
  "mutation RemoveAddress($id: ID!) {\n  removeAddress(id: $id)\n}": types.RemoveAddressDocument,
  "fragment SessionFields on AuthSession {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...Viewer\n  }\n}":
    types.SessionFieldsFragmentDoc,
  "mutation SetDefaultAddress($id: ID!) {\n  setDefaultAddress(id: $id) {\n    ...AddressFields\n  }\n}":
    types.SetDefaultAddressDocument,
  "mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n  updateAddress(id: $id, input: $input) {\n    ...AddressFields\n  }\n}":
    types.UpdateAddressDocument,
  "fragment Viewer on User {\n  id\n  name\n  email\n  role\n}": types.ViewerFragmentDoc,
  "mutation AdjustStock($variantId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(variantId: $variantId, delta: $delta, reason: $reason) {\n    ...AdminVariantFields\n  }\n}":
    types.AdjustStockDocument,
  "query AdminProduct($id: ID!) {\n  product(id: $id) {\n    ...AdminProductFields\n  }\n}":
    types.AdminProductDocument,
  "fragment AdminProductFields on Product {\n  id\n  sku\n  slug\n  name\n  status\n  price {\n    ...MoneyFields\n  }\n  variants {\n    ...AdminVariantFields\n  }\n}":
    types.AdminProductFieldsFragmentDoc,
  "query AdminProducts($filter: ProductFilter, $first: Int!, $after: String) {\n  products(filter: $filter, sort: NEWEST, first: $first, after: $after) {\n    nodes {\n      ...AdminProductFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}":
    types.AdminProductsDocument,
  "fragment AdminShipmentFields on Shipment {\n  id\n  carrier\n  service\n  trackingNumber\n  status\n  exceptionReason\n  updatedAt\n  order {\n    id\n    status\n  }\n}":
    types.AdminShipmentFieldsFragmentDoc,
  "query AdminShipments($status: ShipmentStatus, $first: Int!, $after: String) {\n  shipments(status: $status, first: $first, after: $after) {\n    nodes {\n      ...AdminShipmentFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}":
    types.AdminShipmentsDocument,
  "fragment AdminVariantFields on ProductVariant {\n  id\n  sku\n  name\n  status\n  stockOnHand\n  price {\n    ...MoneyFields\n  }\n}":
    types.AdminVariantFieldsFragmentDoc,
  "mutation AdvanceShipment($id: ID!, $note: String) {\n  advanceShipment(id: $id, note: $note) {\n    ...AdminShipmentFields\n  }\n}":
    types.AdvanceShipmentDocument,
  "mutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...AdminProductFields\n  }\n}":
    types.ArchiveProductDocument,
  "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}":
    types.CreateProductDocument,
  "mutation CreateVariant($productId: ID!, $input: CreateVariantInput!) {\n  createVariant(productId: $productId, input: $input) {\n    ...AdminVariantFields\n    product {\n      id\n      variants {\n        id\n      }\n    }\n  }\n}":
    types.CreateVariantDocument,
  "mutation ReceiveStock($variantId: ID!, $quantity: Int!, $note: String) {\n  receiveStock(variantId: $variantId, quantity: $quantity, note: $note) {\n    ...AdminVariantFields\n  }\n}":
    types.ReceiveStockDocument,
  "mutation ReportShipmentException($id: ID!, $reason: String!) {\n  reportShipmentException(id: $id, reason: $reason) {\n    ...AdminShipmentFields\n  }\n}":
    types.ReportShipmentExceptionDocument,
  "query StockMovements($variantId: ID!, $first: Int!, $after: String) {\n  stockMovements(variantId: $variantId, first: $first, after: $after) {\n    nodes {\n      id\n      kind\n      quantity\n      note\n      createdAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}":
    types.StockMovementsDocument,
  "mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}":
    types.UpdateProductDocument,
  "mutation AddToCart($variantId: ID!, $quantity: Int!) {\n  addToCart(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}":
    types.AddToCartDocument,
  "query Cart {\n  cart {\n    ...CartFields\n  }\n}": types.CartDocument,
  "fragment CartErrorFields on CartError {\n  code\n  message\n  available\n}":
    types.CartErrorFieldsFragmentDoc,
  "fragment CartFields on Cart {\n  id\n  itemCount\n  readyForCheckout\n  subtotal {\n    ...MoneyFields\n  }\n  lines {\n    id\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n    issue {\n      code\n      message\n      available\n    }\n    variant {\n      id\n      sku\n      name\n      stockOnHand\n      product {\n        id\n        slug\n        name\n        images {\n          url\n          alt\n        }\n      }\n    }\n  }\n}":
    types.CartFieldsFragmentDoc,
  "mutation ClearCart {\n  clearCart {\n    ...CartFields\n  }\n}": types.ClearCartDocument,
  "mutation MergeGuestCart($cartToken: String!) {\n  mergeGuestCart(cartToken: $cartToken) {\n    ...CartFields\n  }\n}":
    types.MergeGuestCartDocument,
  "mutation RemoveFromCart($variantId: ID!) {\n  removeFromCart(variantId: $variantId) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}":
    types.RemoveFromCartDocument,
  "mutation SetCartLineQuantity($variantId: ID!, $quantity: Int!) {\n  setCartLineQuantity(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}":
    types.SetCartLineQuantityDocument,
  "query Categories {\n  categories {\n    ...CategoryNode\n    children {\n      ...CategoryNode\n      children {\n        ...CategoryNode\n      }\n    }\n  }\n}":
    types.CategoriesDocument,
  "fragment CategoryNode on Category {\n  id\n  slug\n  name\n}": types.CategoryNodeFragmentDoc,
  "mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    __typename\n    ... on Review {\n      ...ReviewFields\n      product {\n        id\n        averageRating\n        reviewCount\n      }\n    }\n    ... on ReviewError {\n      code\n      message\n      field\n    }\n  }\n}":
    types.CreateReviewDocument,
  "fragment MoneyFields on Money {\n  amount\n  currency\n}": types.MoneyFieldsFragmentDoc,
  "fragment ProductCard on Product {\n  id\n  slug\n  name\n  price {\n    ...MoneyFields\n  }\n  images {\n    url\n    alt\n  }\n  inStock\n  averageRating\n  reviewCount\n}":
    types.ProductCardFragmentDoc,
  'query ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    slug\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    images {\n      url\n      alt\n    }\n    attributes {\n      name\n      value\n    }\n    inStock\n    averageRating\n    reviewCount\n    category {\n      id\n      slug\n      name\n    }\n    variants {\n      id\n      sku\n      name\n      price {\n        ...MoneyFields\n      }\n      attributes {\n        name\n        value\n      }\n      stockOnHand\n      inStock\n    }\n    ... @defer(label: "reviews") {\n      reviews(first: 5) {\n        nodes {\n          ...ReviewFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}':
    types.ProductPageDocument,
  "query ProductReviews($productId: ID!, $first: Int!, $after: String) {\n  product(id: $productId) {\n    id\n    reviews(first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}":
    types.ProductReviewsDocument,
  "fragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  createdAt\n  author {\n    id\n    name\n  }\n}":
    types.ReviewFieldsFragmentDoc,
  "query SearchProducts($filter: ProductFilter, $sort: ProductSort, $first: Int!, $after: String) {\n  products(filter: $filter, sort: $sort, first: $first, after: $after) {\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}":
    types.SearchProductsDocument,
  "mutation Checkout($input: CheckoutInput!) {\n  checkout(input: $input) {\n    __typename\n    ... on Order {\n      id\n      status\n    }\n    ... on CheckoutError {\n      code\n      message\n      order {\n        id\n        status\n      }\n      shortages {\n        requested\n        available\n        variant {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}":
    types.CheckoutDocument,
  "query ShippingOptions($address: ShippingAddressInput!) {\n  shippingOptions(address: $address) {\n    id\n    carrier\n    service\n    speed\n    price {\n      ...MoneyFields\n    }\n    estimatedDeliveryDays {\n      min\n      max\n    }\n  }\n}":
    types.ShippingOptionsDocument,
  "query MyOrders($first: Int!, $after: String) {\n  myOrders(first: $first, after: $after) {\n    nodes {\n      id\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n      lines {\n        productName\n        quantity\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}":
    types.MyOrdersDocument,
  "fragment OrderDetails on Order {\n  id\n  status\n  createdAt\n  failureReason\n  subtotal {\n    ...MoneyFields\n  }\n  shippingTotal {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  lines {\n    sku\n    productName\n    variantName\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  shippingAddress {\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n  statusHistory {\n    status\n    note\n    at\n  }\n  payment {\n    status\n    cardBrand\n    cardLast4\n    failureMessage\n    amount {\n      ...MoneyFields\n    }\n  }\n  shipment {\n    id\n    carrier\n    service\n    trackingNumber\n    status\n    exceptionReason\n    estimatedDeliveryAt\n    events {\n      status\n      note\n      at\n    }\n  }\n}":
    types.OrderDetailsFragmentDoc,
  "query OrderPage($id: ID!) {\n  order(id: $id) {\n    ...OrderDetails\n  }\n}": types.OrderPageDocument,
  "subscription OrderStatusChanged($orderId: ID!, $afterSequence: Int) {\n  orderStatusChanged(orderId: $orderId, afterSequence: $afterSequence) {\n    orderId\n    status\n    previousStatus\n    sequence\n    changedAt\n    order {\n      ...OrderDetails\n    }\n  }\n}":
    types.OrderStatusChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation AddAddress($input: AddressInput!) {\n  addAddress(input: $input) {\n    ...AddressFields\n  }\n}",
): (typeof documents)["mutation AddAddress($input: AddressInput!) {\n  addAddress(input: $input) {\n    ...AddressFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment AddressFields on Address {\n  id\n  fullName\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n  phone\n  isDefault\n}",
): (typeof documents)["fragment AddressFields on Address {\n  id\n  fullName\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n  phone\n  isDefault\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}",
): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}",
): (typeof documents)["mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query MyAddresses {\n  me {\n    id\n    addresses {\n      ...AddressFields\n    }\n  }\n}",
): (typeof documents)["query MyAddresses {\n  me {\n    id\n    addresses {\n      ...AddressFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}",
): (typeof documents)["mutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}",
): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on AuthSession {\n      ...SessionFields\n    }\n    ... on AuthError {\n      code\n      message\n      retryAfterSeconds\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation RemoveAddress($id: ID!) {\n  removeAddress(id: $id)\n}",
): (typeof documents)["mutation RemoveAddress($id: ID!) {\n  removeAddress(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment SessionFields on AuthSession {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...Viewer\n  }\n}",
): (typeof documents)["fragment SessionFields on AuthSession {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    ...Viewer\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation SetDefaultAddress($id: ID!) {\n  setDefaultAddress(id: $id) {\n    ...AddressFields\n  }\n}",
): (typeof documents)["mutation SetDefaultAddress($id: ID!) {\n  setDefaultAddress(id: $id) {\n    ...AddressFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n  updateAddress(id: $id, input: $input) {\n    ...AddressFields\n  }\n}",
): (typeof documents)["mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n  updateAddress(id: $id, input: $input) {\n    ...AddressFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment Viewer on User {\n  id\n  name\n  email\n  role\n}",
): (typeof documents)["fragment Viewer on User {\n  id\n  name\n  email\n  role\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation AdjustStock($variantId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(variantId: $variantId, delta: $delta, reason: $reason) {\n    ...AdminVariantFields\n  }\n}",
): (typeof documents)["mutation AdjustStock($variantId: ID!, $delta: Int!, $reason: String!) {\n  adjustStock(variantId: $variantId, delta: $delta, reason: $reason) {\n    ...AdminVariantFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query AdminProduct($id: ID!) {\n  product(id: $id) {\n    ...AdminProductFields\n  }\n}",
): (typeof documents)["query AdminProduct($id: ID!) {\n  product(id: $id) {\n    ...AdminProductFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment AdminProductFields on Product {\n  id\n  sku\n  slug\n  name\n  status\n  price {\n    ...MoneyFields\n  }\n  variants {\n    ...AdminVariantFields\n  }\n}",
): (typeof documents)["fragment AdminProductFields on Product {\n  id\n  sku\n  slug\n  name\n  status\n  price {\n    ...MoneyFields\n  }\n  variants {\n    ...AdminVariantFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query AdminProducts($filter: ProductFilter, $first: Int!, $after: String) {\n  products(filter: $filter, sort: NEWEST, first: $first, after: $after) {\n    nodes {\n      ...AdminProductFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}",
): (typeof documents)["query AdminProducts($filter: ProductFilter, $first: Int!, $after: String) {\n  products(filter: $filter, sort: NEWEST, first: $first, after: $after) {\n    nodes {\n      ...AdminProductFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment AdminShipmentFields on Shipment {\n  id\n  carrier\n  service\n  trackingNumber\n  status\n  exceptionReason\n  updatedAt\n  order {\n    id\n    status\n  }\n}",
): (typeof documents)["fragment AdminShipmentFields on Shipment {\n  id\n  carrier\n  service\n  trackingNumber\n  status\n  exceptionReason\n  updatedAt\n  order {\n    id\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query AdminShipments($status: ShipmentStatus, $first: Int!, $after: String) {\n  shipments(status: $status, first: $first, after: $after) {\n    nodes {\n      ...AdminShipmentFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}",
): (typeof documents)["query AdminShipments($status: ShipmentStatus, $first: Int!, $after: String) {\n  shipments(status: $status, first: $first, after: $after) {\n    nodes {\n      ...AdminShipmentFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment AdminVariantFields on ProductVariant {\n  id\n  sku\n  name\n  status\n  stockOnHand\n  price {\n    ...MoneyFields\n  }\n}",
): (typeof documents)["fragment AdminVariantFields on ProductVariant {\n  id\n  sku\n  name\n  status\n  stockOnHand\n  price {\n    ...MoneyFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation AdvanceShipment($id: ID!, $note: String) {\n  advanceShipment(id: $id, note: $note) {\n    ...AdminShipmentFields\n  }\n}",
): (typeof documents)["mutation AdvanceShipment($id: ID!, $note: String) {\n  advanceShipment(id: $id, note: $note) {\n    ...AdminShipmentFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...AdminProductFields\n  }\n}",
): (typeof documents)["mutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    ...AdminProductFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}",
): (typeof documents)["mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    ...AdminProductFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation CreateVariant($productId: ID!, $input: CreateVariantInput!) {\n  createVariant(productId: $productId, input: $input) {\n    ...AdminVariantFields\n    product {\n      id\n      variants {\n        id\n      }\n    }\n  }\n}",
): (typeof documents)["mutation CreateVariant($productId: ID!, $input: CreateVariantInput!) {\n  createVariant(productId: $productId, input: $input) {\n    ...AdminVariantFields\n    product {\n      id\n      variants {\n        id\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation ReceiveStock($variantId: ID!, $quantity: Int!, $note: String) {\n  receiveStock(variantId: $variantId, quantity: $quantity, note: $note) {\n    ...AdminVariantFields\n  }\n}",
): (typeof documents)["mutation ReceiveStock($variantId: ID!, $quantity: Int!, $note: String) {\n  receiveStock(variantId: $variantId, quantity: $quantity, note: $note) {\n    ...AdminVariantFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation ReportShipmentException($id: ID!, $reason: String!) {\n  reportShipmentException(id: $id, reason: $reason) {\n    ...AdminShipmentFields\n  }\n}",
): (typeof documents)["mutation ReportShipmentException($id: ID!, $reason: String!) {\n  reportShipmentException(id: $id, reason: $reason) {\n    ...AdminShipmentFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query StockMovements($variantId: ID!, $first: Int!, $after: String) {\n  stockMovements(variantId: $variantId, first: $first, after: $after) {\n    nodes {\n      id\n      kind\n      quantity\n      note\n      createdAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}",
): (typeof documents)["query StockMovements($variantId: ID!, $first: Int!, $after: String) {\n  stockMovements(variantId: $variantId, first: $first, after: $after) {\n    nodes {\n      id\n      kind\n      quantity\n      note\n      createdAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}",
): (typeof documents)["mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n  updateProduct(id: $id, input: $input) {\n    ...AdminProductFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation AddToCart($variantId: ID!, $quantity: Int!) {\n  addToCart(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}",
): (typeof documents)["mutation AddToCart($variantId: ID!, $quantity: Int!) {\n  addToCart(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query Cart {\n  cart {\n    ...CartFields\n  }\n}",
): (typeof documents)["query Cart {\n  cart {\n    ...CartFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment CartErrorFields on CartError {\n  code\n  message\n  available\n}",
): (typeof documents)["fragment CartErrorFields on CartError {\n  code\n  message\n  available\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment CartFields on Cart {\n  id\n  itemCount\n  readyForCheckout\n  subtotal {\n    ...MoneyFields\n  }\n  lines {\n    id\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n    issue {\n      code\n      message\n      available\n    }\n    variant {\n      id\n      sku\n      name\n      stockOnHand\n      product {\n        id\n        slug\n        name\n        images {\n          url\n          alt\n        }\n      }\n    }\n  }\n}",
): (typeof documents)["fragment CartFields on Cart {\n  id\n  itemCount\n  readyForCheckout\n  subtotal {\n    ...MoneyFields\n  }\n  lines {\n    id\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n    issue {\n      code\n      message\n      available\n    }\n    variant {\n      id\n      sku\n      name\n      stockOnHand\n      product {\n        id\n        slug\n        name\n        images {\n          url\n          alt\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation ClearCart {\n  clearCart {\n    ...CartFields\n  }\n}",
): (typeof documents)["mutation ClearCart {\n  clearCart {\n    ...CartFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation MergeGuestCart($cartToken: String!) {\n  mergeGuestCart(cartToken: $cartToken) {\n    ...CartFields\n  }\n}",
): (typeof documents)["mutation MergeGuestCart($cartToken: String!) {\n  mergeGuestCart(cartToken: $cartToken) {\n    ...CartFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation RemoveFromCart($variantId: ID!) {\n  removeFromCart(variantId: $variantId) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}",
): (typeof documents)["mutation RemoveFromCart($variantId: ID!) {\n  removeFromCart(variantId: $variantId) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation SetCartLineQuantity($variantId: ID!, $quantity: Int!) {\n  setCartLineQuantity(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}",
): (typeof documents)["mutation SetCartLineQuantity($variantId: ID!, $quantity: Int!) {\n  setCartLineQuantity(variantId: $variantId, quantity: $quantity) {\n    cartToken\n    cart {\n      ...CartFields\n    }\n    error {\n      ...CartErrorFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query Categories {\n  categories {\n    ...CategoryNode\n    children {\n      ...CategoryNode\n      children {\n        ...CategoryNode\n      }\n    }\n  }\n}",
): (typeof documents)["query Categories {\n  categories {\n    ...CategoryNode\n    children {\n      ...CategoryNode\n      children {\n        ...CategoryNode\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment CategoryNode on Category {\n  id\n  slug\n  name\n}",
): (typeof documents)["fragment CategoryNode on Category {\n  id\n  slug\n  name\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    __typename\n    ... on Review {\n      ...ReviewFields\n      product {\n        id\n        averageRating\n        reviewCount\n      }\n    }\n    ... on ReviewError {\n      code\n      message\n      field\n    }\n  }\n}",
): (typeof documents)["mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    __typename\n    ... on Review {\n      ...ReviewFields\n      product {\n        id\n        averageRating\n        reviewCount\n      }\n    }\n    ... on ReviewError {\n      code\n      message\n      field\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment MoneyFields on Money {\n  amount\n  currency\n}",
): (typeof documents)["fragment MoneyFields on Money {\n  amount\n  currency\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment ProductCard on Product {\n  id\n  slug\n  name\n  price {\n    ...MoneyFields\n  }\n  images {\n    url\n    alt\n  }\n  inStock\n  averageRating\n  reviewCount\n}",
): (typeof documents)["fragment ProductCard on Product {\n  id\n  slug\n  name\n  price {\n    ...MoneyFields\n  }\n  images {\n    url\n    alt\n  }\n  inStock\n  averageRating\n  reviewCount\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    slug\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    images {\n      url\n      alt\n    }\n    attributes {\n      name\n      value\n    }\n    inStock\n    averageRating\n    reviewCount\n    category {\n      id\n      slug\n      name\n    }\n    variants {\n      id\n      sku\n      name\n      price {\n        ...MoneyFields\n      }\n      attributes {\n        name\n        value\n      }\n      stockOnHand\n      inStock\n    }\n    ... @defer(label: "reviews") {\n      reviews(first: 5) {\n        nodes {\n          ...ReviewFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    slug\n    name\n    description\n    price {\n      ...MoneyFields\n    }\n    images {\n      url\n      alt\n    }\n    attributes {\n      name\n      value\n    }\n    inStock\n    averageRating\n    reviewCount\n    category {\n      id\n      slug\n      name\n    }\n    variants {\n      id\n      sku\n      name\n      price {\n        ...MoneyFields\n      }\n      attributes {\n        name\n        value\n      }\n      stockOnHand\n      inStock\n    }\n    ... @defer(label: "reviews") {\n      reviews(first: 5) {\n        nodes {\n          ...ReviewFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query ProductReviews($productId: ID!, $first: Int!, $after: String) {\n  product(id: $productId) {\n    id\n    reviews(first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}",
): (typeof documents)["query ProductReviews($productId: ID!, $first: Int!, $after: String) {\n  product(id: $productId) {\n    id\n    reviews(first: $first, after: $after) {\n      nodes {\n        ...ReviewFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  createdAt\n  author {\n    id\n    name\n  }\n}",
): (typeof documents)["fragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  createdAt\n  author {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query SearchProducts($filter: ProductFilter, $sort: ProductSort, $first: Int!, $after: String) {\n  products(filter: $filter, sort: $sort, first: $first, after: $after) {\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}",
): (typeof documents)["query SearchProducts($filter: ProductFilter, $sort: ProductSort, $first: Int!, $after: String) {\n  products(filter: $filter, sort: $sort, first: $first, after: $after) {\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "mutation Checkout($input: CheckoutInput!) {\n  checkout(input: $input) {\n    __typename\n    ... on Order {\n      id\n      status\n    }\n    ... on CheckoutError {\n      code\n      message\n      order {\n        id\n        status\n      }\n      shortages {\n        requested\n        available\n        variant {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}",
): (typeof documents)["mutation Checkout($input: CheckoutInput!) {\n  checkout(input: $input) {\n    __typename\n    ... on Order {\n      id\n      status\n    }\n    ... on CheckoutError {\n      code\n      message\n      order {\n        id\n        status\n      }\n      shortages {\n        requested\n        available\n        variant {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query ShippingOptions($address: ShippingAddressInput!) {\n  shippingOptions(address: $address) {\n    id\n    carrier\n    service\n    speed\n    price {\n      ...MoneyFields\n    }\n    estimatedDeliveryDays {\n      min\n      max\n    }\n  }\n}",
): (typeof documents)["query ShippingOptions($address: ShippingAddressInput!) {\n  shippingOptions(address: $address) {\n    id\n    carrier\n    service\n    speed\n    price {\n      ...MoneyFields\n    }\n    estimatedDeliveryDays {\n      min\n      max\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query MyOrders($first: Int!, $after: String) {\n  myOrders(first: $first, after: $after) {\n    nodes {\n      id\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n      lines {\n        productName\n        quantity\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}",
): (typeof documents)["query MyOrders($first: Int!, $after: String) {\n  myOrders(first: $first, after: $after) {\n    nodes {\n      id\n      status\n      createdAt\n      total {\n        ...MoneyFields\n      }\n      lines {\n        productName\n        quantity\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment OrderDetails on Order {\n  id\n  status\n  createdAt\n  failureReason\n  subtotal {\n    ...MoneyFields\n  }\n  shippingTotal {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  lines {\n    sku\n    productName\n    variantName\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  shippingAddress {\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n  statusHistory {\n    status\n    note\n    at\n  }\n  payment {\n    status\n    cardBrand\n    cardLast4\n    failureMessage\n    amount {\n      ...MoneyFields\n    }\n  }\n  shipment {\n    id\n    carrier\n    service\n    trackingNumber\n    status\n    exceptionReason\n    estimatedDeliveryAt\n    events {\n      status\n      note\n      at\n    }\n  }\n}",
): (typeof documents)["fragment OrderDetails on Order {\n  id\n  status\n  createdAt\n  failureReason\n  subtotal {\n    ...MoneyFields\n  }\n  shippingTotal {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  lines {\n    sku\n    productName\n    variantName\n    quantity\n    unitPrice {\n      ...MoneyFields\n    }\n    lineTotal {\n      ...MoneyFields\n    }\n  }\n  shippingAddress {\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n  statusHistory {\n    status\n    note\n    at\n  }\n  payment {\n    status\n    cardBrand\n    cardLast4\n    failureMessage\n    amount {\n      ...MoneyFields\n    }\n  }\n  shipment {\n    id\n    carrier\n    service\n    trackingNumber\n    status\n    exceptionReason\n    estimatedDeliveryAt\n    events {\n      status\n      note\n      at\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "query OrderPage($id: ID!) {\n  order(id: $id) {\n    ...OrderDetails\n  }\n}",
): (typeof documents)["query OrderPage($id: ID!) {\n  order(id: $id) {\n    ...OrderDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "subscription OrderStatusChanged($orderId: ID!, $afterSequence: Int) {\n  orderStatusChanged(orderId: $orderId, afterSequence: $afterSequence) {\n    orderId\n    status\n    previousStatus\n    sequence\n    changedAt\n    order {\n      ...OrderDetails\n    }\n  }\n}",
): (typeof documents)["subscription OrderStatusChanged($orderId: ID!, $afterSequence: Int) {\n  orderStatusChanged(orderId: $orderId, afterSequence: $afterSequence) {\n    orderId\n    status\n    previousStatus\n    sequence\n    changedAt\n    order {\n      ...OrderDetails\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
