import type { CartDatabase } from "./db";

/**
 * What the cart use cases depend on, built once when the subgraph starts and handed to each use
 * case as its first parameter. The catalogue is not here: it is asked through the request's
 * loaders, so one request asks it once.
 */
export interface CartDependencies {
  db: CartDatabase;
}
