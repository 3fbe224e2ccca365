import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { inStock, type Product } from "../data";

/** What the gateway sends for a product: its key, and price and weight where the estimate needs them. */
type ProductReference = Pick<Product, "upc"> & Partial<Pick<Product, "price" | "weight">>;

export const resolvers: GraphQLResolverMap<unknown> = {
  Product: {
    __resolveReference: (reference: ProductReference) => ({ ...reference, inStock: inStock(reference.upc) }),
    shippingEstimate: (product: ProductReference) => {
      if (product.price === undefined || product.weight === undefined) return null;
      return product.price > 1000 ? 0 : Math.round(product.weight * 0.5);
    },
  },
};
