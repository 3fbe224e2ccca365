import type { CatalogueContext } from "../context";
import { isAdmin } from "@storefront/platform";
import type { CategoryRow } from "../db/schema";
import type { ProductRecord, VariantWithStock } from "../loaders";
import {
  findCategory,
  findProduct,
  findProducts,
  rootCategories,
  type ProductPageArgs,
  type ProductSort,
} from "../services/browse";

const money = (row: { priceAmount: number; currency: string }) => ({
  amount: row.priceAmount,
  currency: row.currency,
});
const attributeList = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([name, value]) => ({ name, value }));

export const browseResolvers = {
  Query: {
    products: (_: unknown, args: ProductPageArgs, ctx: CatalogueContext) => findProducts(ctx, args),
    product: (_: unknown, args: { id?: string; slug?: string }, ctx: CatalogueContext) =>
      findProduct(ctx, args),
    categories: (_: unknown, __: unknown, ctx: CatalogueContext) => rootCategories(ctx),
    category: (_: unknown, args: { id?: string; slug?: string }, ctx: CatalogueContext) =>
      findCategory(ctx, args),
  },
  Category: {
    __resolveReference: (ref: { id: string }, ctx: CatalogueContext) => ctx.loaders.categoryById.load(ref.id),
    parent: (category: CategoryRow, _: unknown, ctx: CatalogueContext) =>
      category.parentId ? ctx.loaders.categoryById.load(category.parentId) : null,
    children: (category: CategoryRow, _: unknown, ctx: CatalogueContext) =>
      ctx.loaders.categoriesByParentId.load(category.id),
    products: (
      category: CategoryRow,
      args: { first?: number; after?: string; sort?: ProductSort },
      ctx: CatalogueContext,
    ) => findProducts(ctx, { ...args, filter: { categoryId: category.id } }),
  },
  Product: {
    // Entity references come from orders and carts: archived products still resolve for them.
    __resolveReference: (ref: { id: string }, ctx: CatalogueContext) => ctx.loaders.productById.load(ref.id),
    price: money,
    attributes: (product: ProductRecord) => attributeList(product.attributes),
    category: (product: ProductRecord, _: unknown, ctx: CatalogueContext) =>
      product.categoryId ? ctx.loaders.categoryById.load(product.categoryId) : null,
    variants: async (product: ProductRecord, _: unknown, ctx: CatalogueContext) => {
      const all = await ctx.loaders.variantsByProductId.load(product.id);
      return isAdmin(ctx.viewer) ? all : all.filter((variant) => variant.status === "ACTIVE");
    },
    inStock: async (product: ProductRecord, _: unknown, ctx: CatalogueContext) =>
      (await ctx.loaders.variantsByProductId.load(product.id)).some(
        (v) => v.status === "ACTIVE" && v.stockOnHand > 0,
      ),
  },
  ProductVariant: {
    __resolveReference: (ref: { id: string }, ctx: CatalogueContext) => ctx.loaders.variantById.load(ref.id),
    price: money,
    attributes: (variant: VariantWithStock) => attributeList(variant.attributes),
    inStock: (variant: VariantWithStock) => variant.status === "ACTIVE" && variant.stockOnHand > 0,
    product: (variant: VariantWithStock, _: unknown, ctx: CatalogueContext) =>
      ctx.loaders.productById.load(variant.productId),
  },
};
