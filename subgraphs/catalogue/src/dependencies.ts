import type { CatalogueDatabase } from "./db";

/**
 * What the catalogue use cases depend on, built once when the subgraph starts and handed to each
 * use case as its first parameter.
 */
export interface CatalogueDependencies {
  db: CatalogueDatabase;
}
