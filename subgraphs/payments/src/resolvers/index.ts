import { mergeResolvers } from "@storefront/platform/resolvers";
import { DateTimeScalar } from "@storefront/platform/scalars";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import type { PaymentsContext } from "../context";
import { paymentResolvers } from "./payments";
import { refundResolvers } from "./refunds";

export const resolvers = mergeResolvers<GraphQLResolverMap<PaymentsContext>>(
  { DateTime: DateTimeScalar },
  paymentResolvers,
  refundResolvers,
);
