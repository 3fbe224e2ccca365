import path from "node:path";
import {
  createTokenVerifier,
  launchSubgraph,
  packageRoot,
  startOutboxRelay,
  type Logger,
  type MessageBus,
  type SubgraphModule,
} from "@storefront/platform";
import type { OrdersContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { outbox } from "./db/schema";
import { serviceClients, type OrdersDependencies } from "./dependencies";
import type { OrdersConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { startCheckoutRecovery } from "./services/recovery";

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
    setup({ db, log }) {
      const relay = startOutboxRelay({
        db,
        table: outbox,
        bus: options.bus,
        log: log.child({ component: "orders-outbox" }),
        intervalMs: options.relay === false ? 2_147_483_647 : (options.relayIntervalMs ?? 500),
      });
      const deps: OrdersDependencies = {
        ...serviceClients(config),
        relay:
          options.relay === false
            ? { nudge: () => {}, drain: () => Promise.resolve(0), stop: () => relay.stop() }
            : relay,
        config,
      };
      const recovery = startCheckoutRecovery(
        { db, deps, log: log.child({ component: "checkout-recovery" }), requestId: "checkout-recovery" },
        config.checkoutRecoverySeconds,
        options.recoveryIntervalMs ?? 10_000,
      );
      return Promise.resolve({
        verifyToken: createTokenVerifier({ jwksUrl: config.jwksUrl }),
        extendContext: (base) => ({ ...base, db, deps, loaders: createLoaders(db) }),
        readiness: {
          broker: () => {
            if (!options.bus.isReady()) throw new Error("message bus not connected");
          },
        },
        stop: async () => {
          await recovery.stop();
          await relay.stop();
        },
      });
    },
  };
}

export function startOrdersSubgraph(config: OrdersConfig, options: OrdersModuleOptions, log?: Logger) {
  return launchSubgraph(ordersModule(config, options), {
    port: config.port,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logLevel: config.logLevel,
    serviceToken: config.serviceToken,
    ...(log ? { log } : {}),
  });
}
