/* eslint-disable */
// Generated from packages/testkit/src/operations/catalogue/ and the catalogue subgraph's schema by `npm run codegen -w @storefront/contracts`; do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
export type AttributeInput = {
  name: string;
  value: string;
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

export type CreateVariantInput = {
  attributes?: Array<AttributeInput> | null | undefined;
  name: string;
  /** Minor units, in the product's currency; the product's price when omitted. */
  priceAmount?: number | null | undefined;
  sku: string;
};

export type ProductImageInput = {
  alt: string;
  url: string;
};

/** Fields left out are left as they are. */
export type UpdateVariantInput = {
  attributes?: Array<AttributeInput> | null | undefined;
  name?: string | null | undefined;
  priceAmount?: number | null | undefined;
};

export type VariantStockQueryVariables = Exact<{
  productId: string | number;
}>;

export type VariantStockQuery = { product: { variants: Array<{ id: string; stockOnHand: number }> } | null };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;

export type CreateProductMutation = { createProduct: { id: string } };

export type CreateVariantMutationVariables = Exact<{
  productId: string | number;
  input: CreateVariantInput;
}>;

export type CreateVariantMutation = { createVariant: { id: string; sku: string } };

export type ReceiveStockMutationVariables = Exact<{
  variantId: string | number;
  quantity: number;
}>;

export type ReceiveStockMutation = { receiveStock: { id: string } };

export type AdjustStockMutationVariables = Exact<{
  variantId: string | number;
  delta: number;
}>;

export type AdjustStockMutation = { adjustStock: { id: string } };

export type UpdateVariantMutationVariables = Exact<{
  variantId: string | number;
  input: UpdateVariantInput;
}>;

export type UpdateVariantMutation = { updateVariant: { id: string } };

export type ArchiveVariantMutationVariables = Exact<{
  variantId: string | number;
}>;

export type ArchiveVariantMutation = { archiveVariant: { id: string } };

export type ArchiveProductMutationVariables = Exact<{
  productId: string | number;
}>;

export type ArchiveProductMutation = { archiveProduct: { id: string } };

export type StockMovementsQueryVariables = Exact<{
  variantId: string | number;
}>;

export type StockMovementsQuery = { stockMovements: { nodes: Array<{ quantity: number }> } };

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

export const VariantStockDocument = new TypedDocumentString(`
    query VariantStock($productId: ID!) {
  product(id: $productId) {
    variants {
      id
      stockOnHand
    }
  }
}
    `) as unknown as TypedDocumentString<VariantStockQuery, VariantStockQueryVariables>;
export const CreateProductDocument = new TypedDocumentString(`
    mutation CreateProduct($input: CreateProductInput!) {
  createProduct(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateProductMutation, CreateProductMutationVariables>;
export const CreateVariantDocument = new TypedDocumentString(`
    mutation CreateVariant($productId: ID!, $input: CreateVariantInput!) {
  createVariant(productId: $productId, input: $input) {
    id
    sku
  }
}
    `) as unknown as TypedDocumentString<CreateVariantMutation, CreateVariantMutationVariables>;
export const ReceiveStockDocument = new TypedDocumentString(`
    mutation ReceiveStock($variantId: ID!, $quantity: Int!) {
  receiveStock(variantId: $variantId, quantity: $quantity, note: "fixture") {
    id
  }
}
    `) as unknown as TypedDocumentString<ReceiveStockMutation, ReceiveStockMutationVariables>;
export const AdjustStockDocument = new TypedDocumentString(`
    mutation AdjustStock($variantId: ID!, $delta: Int!) {
  adjustStock(variantId: $variantId, delta: $delta, reason: "stock count") {
    id
  }
}
    `) as unknown as TypedDocumentString<AdjustStockMutation, AdjustStockMutationVariables>;
export const UpdateVariantDocument = new TypedDocumentString(`
    mutation UpdateVariant($variantId: ID!, $input: UpdateVariantInput!) {
  updateVariant(id: $variantId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateVariantMutation, UpdateVariantMutationVariables>;
export const ArchiveVariantDocument = new TypedDocumentString(`
    mutation ArchiveVariant($variantId: ID!) {
  archiveVariant(id: $variantId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ArchiveVariantMutation, ArchiveVariantMutationVariables>;
export const ArchiveProductDocument = new TypedDocumentString(`
    mutation ArchiveProduct($productId: ID!) {
  archiveProduct(id: $productId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ArchiveProductMutation, ArchiveProductMutationVariables>;
export const StockMovementsDocument = new TypedDocumentString(`
    query StockMovements($variantId: ID!) {
  stockMovements(variantId: $variantId, first: 100) {
    nodes {
      quantity
    }
  }
}
    `) as unknown as TypedDocumentString<StockMovementsQuery, StockMovementsQueryVariables>;
