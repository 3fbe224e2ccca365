import { mergeResolvers } from "@storefront/platform/resolvers";
import { DateTimeScalar } from "@storefront/platform/scalars";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import type { CatalogueContext } from "../context";
import { adminResolvers } from "./admin";
import { browseResolvers } from "./browse";
import { reviewResolvers } from "./reviews";
import { stockResolvers } from "./stock";

export const resolvers = mergeResolvers<GraphQLResolverMap<CatalogueContext>>(
  { DateTime: DateTimeScalar },
  browseResolvers,
  adminResolvers,
  reviewResolvers,
  stockResolvers,
);
