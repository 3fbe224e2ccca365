import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { mergeResolvers } from "@storefront/platform/resolvers";
import { DateTimeScalar } from "@storefront/platform/scalars";
import type { UsersContext } from "../context";
import { addressResolvers } from "./addresses";
import { adminResolvers } from "./admin";
import { authResolvers } from "./auth";
import { userResolvers } from "./user";

export const resolvers = mergeResolvers<GraphQLResolverMap<UsersContext>>(
  { DateTime: DateTimeScalar },
  authResolvers,
  addressResolvers,
  adminResolvers,
  userResolvers,
);
