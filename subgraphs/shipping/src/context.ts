import type { RequestContext } from "@storefront/platform/context";
import type { OutboxRelay } from "@storefront/platform/outbox";
import type { ShippingDatabase } from "./db";
import type { ShippingConfig } from "./env";
import type { Loaders } from "./loaders";

export interface ShippingContext extends RequestContext {
  db: ShippingDatabase;
  loaders: Loaders;
  config: ShippingConfig;
  /** What requests write their messages through (`inTransactionWithOutbox`), woken after each commit. */
  relay: OutboxRelay;
}
