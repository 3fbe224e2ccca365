import type { OutboxRelay, RequestContext } from "@storefront/platform";
import type { ShippingDatabase } from "./db";
import type { ShippingConfig } from "./env";
import type { Loaders } from "./loaders";

export interface ShippingContext extends RequestContext {
  db: ShippingDatabase;
  loaders: Loaders;
  config: ShippingConfig;
  /** Nudged after a commit that enqueued messages, so they go out without waiting for a tick. */
  relay: OutboxRelay;
}
