import { mergeResolvers } from "@storefront/platform/resolvers";
import { DateTimeScalar } from "@storefront/platform/scalars";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import type { ShippingContext } from "../context";
import { rateResolvers } from "./rates";
import { shipmentResolvers } from "./shipments";

export const resolvers = mergeResolvers<GraphQLResolverMap<ShippingContext>>(
  { DateTime: DateTimeScalar },
  rateResolvers,
  shipmentResolvers,
);
