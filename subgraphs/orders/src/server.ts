import { defineSubgraph, type MessagingOptions } from "@storefront/platform/define-subgraph";
import type { OrdersContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { outbox } from "./db/schema";
import { serviceClients, type OrdersDependencies } from "./dependencies";
import { ordersConfig, type OrdersConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { createCheckoutMetrics } from "./services/checkout-metrics";
import { startLiveOrders } from "./services/live";
import { startCheckoutRecovery } from "./services/recovery";
import { shipmentEventHandler } from "./services/shipment-events";
import { bindUseCases } from "./use-cases";

export interface OrdersModuleOptions extends MessagingOptions {
  recoveryIntervalMs?: number;
}

export const ordersSubgraph = defineSubgraph<OrdersConfig, typeof schema, OrdersContext, OrdersModuleOptions>(
  {
    name: "orders",
    config: ordersConfig,
    database: { schema, migrationsFolder },
    resolvers,
    outbox,
    setup: async ({ config, options, db, log, metrics, keep, bus, relay, consume }) => {
      const clients = serviceClients(config);
      const checkoutMetrics = createCheckoutMetrics(metrics.registry);
      keep(
        startCheckoutRecovery(
          { db, ...clients, relay, config, metrics: checkoutMetrics },
          { log: log.child({ component: "checkout-recovery" }), requestId: "checkout-recovery" },
          config.checkoutRecoverySeconds,
          options.recoveryIntervalMs ?? 10_000,
        ),
      );
      await consume(
        { queue: config.shipmentEventsQueue, bindings: ["shipping.shipment-status-changed.v1"] },
        shipmentEventHandler({ db, relay, log: log.child({ component: "shipment-events" }) }),
      );
      const live = keep(await startLiveOrders({ bus, db, log: log.child({ component: "live-orders" }) }));
      const deps: OrdersDependencies = { db, ...clients, relay, config, metrics: checkoutMetrics, live };
      const useCases = bindUseCases(deps);
      return {
        extendContext: (base): OrdersContext => ({ ...base, useCases, loaders: createLoaders(db) }),
      };
    },
  },
);

export const { module: ordersModule, start: startOrdersSubgraph } = ordersSubgraph;
