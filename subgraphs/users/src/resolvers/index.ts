import { DateTimeScalar } from "@storefront/platform";
import { addressResolvers } from "./addresses";
import { adminResolvers } from "./admin";
import { authResolvers } from "./auth";
import { userResolvers } from "./user";

export const resolvers = {
  DateTime: DateTimeScalar,
  Query: adminResolvers.Query,
  Mutation: { ...authResolvers.Mutation, ...addressResolvers.Mutation, ...adminResolvers.Mutation },
  AuthResult: authResolvers.AuthResult,
  AuditEvent: adminResolvers.AuditEvent,
  User: userResolvers.User,
};
