import { composeServices } from "@apollo/composition";
import { SUBGRAPH_NAMES, subgraphTypeDefs, type SubgraphName } from "./subgraphs/index";

/**
 * The demo's supergraph, composed once with @apollo/composition (the library the project's own
 * `npm run compose` uses) and handed as the same file to every gateway.
 */
export function composeDemoSupergraph(urls: Record<SubgraphName, string>): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: subgraphTypeDefs(name), url: urls[name] })),
  );
  if (result.errors) {
    throw new Error(`demo subgraphs do not compose:\n${result.errors.map((e) => e.message).join("\n")}`);
  }
  return result.supergraphSdl;
}
