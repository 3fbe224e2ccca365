import type { RequestContext } from "@storefront/platform/context";
import type { CatalogueDatabase } from "./db";
import type { Loaders } from "./loaders";

export interface CatalogueContext extends RequestContext {
  db: CatalogueDatabase;
  loaders: Loaders;
}
