import type { RequestContext } from "@storefront/platform/context";
import type { OrdersDatabase } from "./db";
import type { OrdersDependencies } from "./dependencies";
import type { Loaders } from "./loaders";
import type { LiveOrders } from "./services/live";

export interface OrdersContext extends RequestContext {
  db: OrdersDatabase;
  loaders: Loaders;
  deps: OrdersDependencies;
  live: LiveOrders;
}
