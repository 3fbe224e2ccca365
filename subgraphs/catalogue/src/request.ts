import type { RequestContext } from "@storefront/platform/context";
import type { Loaders } from "./loaders";

/**
 * What a use case knows of the request it serves: the caller, the request id and logger, and
 * the request's DataLoaders. The database comes separately, as the use case's dependencies.
 */
export interface CatalogueRequest extends RequestContext {
  loaders: Loaders;
}
