import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { DateTimeScalar, mergeResolvers } from "@storefront/platform";
import type { OrdersContext } from "../context";
import { orderResolvers } from "./orders";

export const resolvers = mergeResolvers<GraphQLResolverMap<OrdersContext>>(
  { DateTime: DateTimeScalar },
  orderResolvers,
);
