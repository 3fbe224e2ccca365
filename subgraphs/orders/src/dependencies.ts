import { type OutboxRelay } from "@storefront/platform/outbox";
import { createServiceClient, type ServiceClient } from "@storefront/platform/service-client";
import type { OrdersDatabase } from "./db";
import type { OrdersConfig } from "./env";
import type { CheckoutMetrics } from "./services/checkout-metrics";
import type { LiveOrders } from "./services/live";

/**
 * Everything the orders use cases depend on, built once when the subgraph starts and handed to
 * each use case as its first parameter: the database, the typed clients of the services the
 * checkout saga talks to, the relay that publishes what it decided, configuration, metrics and
 * the live status feed.
 */
export interface OrdersDependencies extends ServiceClients {
  db: OrdersDatabase;
  relay: OutboxRelay;
  config: OrdersConfig;
  metrics: CheckoutMetrics;
  live: LiveOrders;
}

export interface ServiceClients {
  users: ServiceClient;
  catalogue: ServiceClient;
  cart: ServiceClient;
  payments: ServiceClient;
  shipping: ServiceClient;
}

export function serviceClients(config: OrdersConfig): ServiceClients {
  const client = (service: keyof OrdersConfig["urls"]) =>
    createServiceClient({ service, url: config.urls[service], serviceToken: config.serviceToken });
  return {
    users: client("users"),
    catalogue: client("catalogue"),
    cart: client("cart"),
    payments: client("payments"),
    shipping: client("shipping"),
  };
}
