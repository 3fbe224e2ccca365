/**
 * The four subgraphs of the classic federation demo (accounts, inventory, products, reviews), as
 * the public gateway benchmarks run them: in-memory data and synchronous resolvers, so that the
 * time of a request is spent in the gateway under test rather than behind it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { resolvers as accounts } from "./accounts";
import { resolvers as inventory } from "./inventory";
import { resolvers as products } from "./products";
import { resolvers as reviews } from "./reviews";

const resolversByName = { accounts, inventory, products, reviews } satisfies Record<
  string,
  GraphQLResolverMap<unknown>
>;
export type SubgraphName = keyof typeof resolversByName;
export const SUBGRAPH_NAMES = Object.keys(resolversByName) as SubgraphName[];

export function isSubgraphName(name: string): name is SubgraphName {
  return name in resolversByName;
}

export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(readFileSync(path.join(import.meta.dirname, `${name}.graphql`), "utf8"));
}

export function subgraphSchema(name: SubgraphName): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(name), resolvers: resolversByName[name] });
}
