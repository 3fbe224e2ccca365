import type { Resolvers } from "../generated/resolvers";
import * as admin from "../services/admin";

export const adminResolvers = {
  Mutation: {
    createProduct: (_, args, ctx) => admin.createProduct(ctx, args.input),
    updateProduct: (_, args, ctx) => admin.updateProduct(ctx, args.id, args.input),
    archiveProduct: (_, args, ctx) => admin.archiveProduct(ctx, args.id),
    createVariant: (_, args, ctx) => admin.createVariant(ctx, args.productId, args.input),
    updateVariant: (_, args, ctx) => admin.updateVariant(ctx, args.id, args.input),
    archiveVariant: (_, args, ctx) => admin.archiveVariant(ctx, args.id),
    createCategory: (_, args, ctx) => admin.createCategory(ctx, args.input),
    updateCategory: (_, args, ctx) => admin.updateCategory(ctx, args.id, args.input),
    deleteCategory: (_, args, ctx) => admin.deleteCategory(ctx, args.id),
  },
} satisfies Resolvers;
