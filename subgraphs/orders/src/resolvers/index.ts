import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { mergeResolvers } from "@storefront/platform/resolvers";
import { DateTimeScalar } from "@storefront/platform/scalars";
import type { OrdersContext } from "../context";
import { orderResolvers } from "./orders";

export const resolvers = mergeResolvers<GraphQLResolverMap<OrdersContext>>(
  { DateTime: DateTimeScalar },
  orderResolvers,
);
