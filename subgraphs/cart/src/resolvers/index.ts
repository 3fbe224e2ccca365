import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { mergeResolvers } from "@storefront/platform/resolvers";
import { DateTimeScalar } from "@storefront/platform/scalars";
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
