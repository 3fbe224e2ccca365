import type { CatalogueContext } from "../context";
import * as admin from "../services/admin";

type Id = { id: string };
type Input = { input: unknown };

export const adminResolvers = {
  Mutation: {
    createProduct: (_: unknown, args: Input, ctx: CatalogueContext) => admin.createProduct(ctx, args.input),
    updateProduct: (_: unknown, args: Id & Input, ctx: CatalogueContext) =>
      admin.updateProduct(ctx, args.id, args.input),
    archiveProduct: (_: unknown, args: Id, ctx: CatalogueContext) => admin.archiveProduct(ctx, args.id),
    createVariant: (_: unknown, args: { productId: string } & Input, ctx: CatalogueContext) =>
      admin.createVariant(ctx, args.productId, args.input),
    updateVariant: (_: unknown, args: Id & Input, ctx: CatalogueContext) =>
      admin.updateVariant(ctx, args.id, args.input),
    archiveVariant: (_: unknown, args: Id, ctx: CatalogueContext) => admin.archiveVariant(ctx, args.id),
    createCategory: (_: unknown, args: Input, ctx: CatalogueContext) => admin.createCategory(ctx, args.input),
    updateCategory: (_: unknown, args: Id & Input, ctx: CatalogueContext) =>
      admin.updateCategory(ctx, args.id, args.input),
    deleteCategory: (_: unknown, args: Id, ctx: CatalogueContext) => admin.deleteCategory(ctx, args.id),
  },
};
