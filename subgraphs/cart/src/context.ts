import type { RequestContext } from "@storefront/platform/context";
import type { CartDatabase } from "./db";
import type { Loaders } from "./loaders";

/** `cartToken` (the guest's `x-cart-token`, well-formed or absent) comes with the base context. */
export interface CartContext extends RequestContext {
  db: CartDatabase;
  loaders: Loaders;
}
