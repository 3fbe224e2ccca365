import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { users, type User } from "../data";

const byId = new Map(users.map((user) => [user.id, user]));

export const resolvers: GraphQLResolverMap<unknown> = {
  Query: {
    me: () => users[0],
    users: () => users,
  },
  User: {
    __resolveReference: (reference: Pick<User, "id">) => byId.get(reference.id),
  },
};
