import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { DateTimeScalar, mergeResolvers } from "@storefront/platform";
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
