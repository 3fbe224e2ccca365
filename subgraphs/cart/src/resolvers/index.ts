import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { DateTimeScalar, mergeResolvers } from "@storefront/platform";
import type { CartContext } from "../context";
import { cartResolvers } from "./cart";
import { checkoutResolvers } from "./checkout";
import { editingResolvers } from "./editing";

export const resolvers = mergeResolvers<GraphQLResolverMap<CartContext>>(
  { DateTime: DateTimeScalar },
  cartResolvers,
  editingResolvers,
  checkoutResolvers,
);
