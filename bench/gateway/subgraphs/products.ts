import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { products, type Product } from "../data";

const byUpc = new Map(products.map((product) => [product.upc, product]));

export const resolvers: GraphQLResolverMap<unknown> = {
  Query: {
    topProducts: (_: unknown, args: { first: number }) => products.slice(0, args.first),
  },
  Product: {
    __resolveReference: (reference: Pick<Product, "upc">) => byUpc.get(reference.upc),
  },
};
