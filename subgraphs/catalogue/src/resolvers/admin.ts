import type { Resolvers } from "../generated/resolvers";

export const adminResolvers = {
  Mutation: {
    createProduct: (_, args, ctx) => ctx.useCases.createProduct(ctx, args.input),
    updateProduct: (_, args, ctx) => ctx.useCases.updateProduct(ctx, args.id, args.input),
    archiveProduct: (_, args, ctx) => ctx.useCases.archiveProduct(ctx, args.id),
    createVariant: (_, args, ctx) => ctx.useCases.createVariant(ctx, args.productId, args.input),
    updateVariant: (_, args, ctx) => ctx.useCases.updateVariant(ctx, args.id, args.input),
    archiveVariant: (_, args, ctx) => ctx.useCases.archiveVariant(ctx, args.id),
    createCategory: (_, args, ctx) => ctx.useCases.createCategory(ctx, args.input),
    updateCategory: (_, args, ctx) => ctx.useCases.updateCategory(ctx, args.id, args.input),
    deleteCategory: (_, args, ctx) => ctx.useCases.deleteCategory(ctx, args.id),
  },
} satisfies Resolvers;
