import { isAdmin } from "@storefront/platform/visibility";
import type { Resolvers } from "../generated/resolvers";

const money = (row: { priceAmount: number; currency: string }) => ({
  amount: row.priceAmount,
  currency: row.currency,
});
const attributeList = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([name, value]) => ({ name, value }));

export const browseResolvers = {
  Query: {
    products: (_, args, ctx) => ctx.useCases.findProducts(ctx, args),
    product: (_, args, ctx) => ctx.useCases.findProduct(ctx, args),
    categories: (_, __, ctx) => ctx.useCases.rootCategories(ctx),
    category: (_, args, ctx) => ctx.useCases.findCategory(ctx, args),
  },
  Category: {
    __resolveReference: (ref, ctx) => ctx.loaders.categoryById.load(ref.id),
    parent: (category, _, ctx) =>
      category.parentId ? ctx.loaders.categoryById.load(category.parentId) : null,
    children: (category, _, ctx) => ctx.loaders.categoriesByParentId.load(category.id),
    products: (category, args, ctx) =>
      ctx.useCases.findProducts(ctx, { ...args, filter: { categoryId: category.id } }),
  },
  Product: {
    // Entity references come from orders and carts: archived products still resolve for them.
    __resolveReference: (ref, ctx) => ctx.loaders.productById.load(ref.id),
    price: money,
    attributes: (product) => attributeList(product.attributes),
    category: (product, _, ctx) =>
      product.categoryId ? ctx.loaders.categoryById.load(product.categoryId) : null,
    variants: async (product, _, ctx) => {
      const all = await ctx.loaders.variantsByProductId.load(product.id);
      return isAdmin(ctx.viewer) ? all : all.filter((variant) => variant.status === "ACTIVE");
    },
    inStock: async (product, _, ctx) =>
      (await ctx.loaders.variantsByProductId.load(product.id)).some(
        (v) => v.status === "ACTIVE" && v.stockOnHand > 0,
      ),
  },
  ProductVariant: {
    __resolveReference: (ref, ctx) => ctx.loaders.variantById.load(ref.id),
    price: money,
    attributes: (variant) => attributeList(variant.attributes),
    inStock: (variant) => variant.status === "ACTIVE" && variant.stockOnHand > 0,
    // A foreign key keeps a variant's product (archived or not), so the load finds it.
    product: async (variant, _, ctx) => (await ctx.loaders.productById.load(variant.productId))!,
  },
} satisfies Resolvers;
