import path from "node:path";
import {
  createTokenVerifier,
  idleOutboxRelay,
  launchSubgraph,
  packageRoot,
  startOutboxRelay,
  type Logger,
  type Consumer,
  type MessageBus,
  type OutboxRelay,
  type SubgraphModule,
} from "@storefront/platform";
import type { OrdersContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { outbox } from "./db/schema";
import { serviceClients, type OrdersDependencies } from "./dependencies";
import type { OrdersConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { createCheckoutMetrics } from "./services/checkout-metrics";
import { startCheckoutRecovery } from "./services/recovery";
import { startLiveOrders, type LiveOrders } from "./services/live";
import { shipmentEventHandler } from "./services/shipment-events";

export interface OrdersModuleOptions {
  /** Where order events and shipment requests go (RabbitMQ, or the in-process bus when embedded). */
  bus: MessageBus;
  /** Off only in tests that need messages to stay in the outbox. */
  relay?: boolean;
  relayIntervalMs?: number;
  recoveryIntervalMs?: number;
}

export function ordersModule(
  config: OrdersConfig,
  options: OrdersModuleOptions,
): SubgraphModule<typeof schema, OrdersContext> {
  return {
    name: "orders",
    schemaFile: path.join(packageRoot(import.meta.url), "src/schema.graphql"),
    resolvers,
    database: { schema, migrationsFolder },
    async setup({ db, log, metrics }) {
      // Tests turn the relay off to leave messages in the outbox, as a crash after commit would.
      const relay: OutboxRelay =
        options.relay === false
          ? idleOutboxRelay(outbox)
          : startOutboxRelay({
              db,
              table: outbox,
              bus: options.bus,
              log: log.child({ component: "orders-outbox" }),
              intervalMs: options.relayIntervalMs ?? 500,
            });
      const deps: OrdersDependencies = {
        ...serviceClients(config),
        relay,
        config,
        metrics: createCheckoutMetrics(metrics.registry),
      };
      const recovery = startCheckoutRecovery(
        { db, deps, log: log.child({ component: "checkout-recovery" }), requestId: "checkout-recovery" },
        config.checkoutRecoverySeconds,
        options.recoveryIntervalMs ?? 10_000,
      );
      // Started one after another; if one cannot start, those before it are stopped again.
      const started: { stop(): Promise<void> }[] = [recovery, relay];
      const stopStarted = async () => {
        for (const part of started) await part.stop();
      };
      let shipmentEvents: Consumer;
      let live: LiveOrders;
      try {
        shipmentEvents = await options.bus.consume(
          {
            queue: config.shipmentEventsQueue,
            bindings: ["shipping.shipment-status-changed.v1"],
            prefetch: 16,
            deliveryLimit: 5,
          },
          shipmentEventHandler({ db, relay, log: log.child({ component: "shipment-events" }) }),
        );
        started.unshift({ stop: () => shipmentEvents.cancel() });
        live = await startLiveOrders({ bus: options.bus, db, log: log.child({ component: "live-orders" }) });
        started.unshift(live);
      } catch (error) {
        await stopStarted();
        throw error;
      }
      return {
        verifyToken: createTokenVerifier(config, { log }),
        extendContext: (base) => ({ ...base, db, deps, live, loaders: createLoaders(db) }),
        readiness: {
          broker: () => {
            if (!options.bus.isReady()) throw new Error("message bus not connected");
          },
        },
        stop: stopStarted,
      };
    },
  };
}

export function startOrdersSubgraph(config: OrdersConfig, options: OrdersModuleOptions, log?: Logger) {
  return launchSubgraph(ordersModule(config, options), { ...config, log });
}
