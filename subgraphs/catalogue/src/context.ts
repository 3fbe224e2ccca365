import type { CatalogueRequest } from "./request";
import type { CatalogueUseCases } from "./use-cases";

/**
 * The GraphQL context: the request, plus the subgraph's use cases already bound to their
 * dependencies at start-up. Resolvers are a static map, so this is how they reach the use cases;
 * the use cases themselves take their dependencies as a parameter and never read them from here.
 */
export interface CatalogueContext extends CatalogueRequest {
  useCases: CatalogueUseCases;
}
