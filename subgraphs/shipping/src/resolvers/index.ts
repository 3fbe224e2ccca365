import { DateTimeScalar, mergeResolvers } from "@storefront/platform";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import type { ShippingContext } from "../context";
import { rateResolvers } from "./rates";
import { shipmentResolvers } from "./shipments";

export const resolvers = mergeResolvers<GraphQLResolverMap<ShippingContext>>(
  { DateTime: DateTimeScalar },
  rateResolvers,
  shipmentResolvers,
);
