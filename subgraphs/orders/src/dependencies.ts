import { type OutboxRelay } from "@storefront/platform/outbox";
import { createServiceClient, type ServiceClient } from "@storefront/platform/service-client";
import type { OrdersConfig } from "./env";
import type { CheckoutMetrics } from "./services/checkout-metrics";

/** The services the checkout saga talks to, and the relay that publishes what it decided. */
export interface OrdersDependencies {
  users: ServiceClient;
  catalogue: ServiceClient;
  cart: ServiceClient;
  payments: ServiceClient;
  shipping: ServiceClient;
  relay: OutboxRelay;
  config: OrdersConfig;
  metrics: CheckoutMetrics;
}

export function serviceClients(config: OrdersConfig) {
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
