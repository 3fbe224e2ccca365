import path from "node:path";
import {
  createTokenVerifier,
  idleOutboxRelay,
  launchSubgraph,
  packageRoot,
  startOutboxRelay,
  type Logger,
  type MessageBus,
  type OutboxRelay,
  type SubgraphModule,
} from "@storefront/platform";
import type { ShippingContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { outbox } from "./db/schema";
import type { ShippingConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { shipmentRequestHandler, type ShipmentRequestHooks } from "./services/requests";
import { startSimulatedCarrier } from "./services/simulated-carrier";

/** Requests handled at once per replica: enough to overlap database round trips, few enough to stay fair. */
const REQUEST_PREFETCH = 16;
/** Deliveries of a request that keeps failing before it goes to `<queue>.dlq` for a person to look at. */
const REQUEST_DELIVERY_LIMIT = 5;

export interface ShippingModuleOptions {
  /** Where shipment requests come from and shipment events go (RabbitMQ, or the in-process bus). */
  bus: MessageBus;
  /** Off only in tests that need messages to stay in the outbox. */
  relay?: boolean;
  relayIntervalMs?: number;
  /** How often the simulated carrier looks for due shipments; default a quarter step (0.25–5 s). */
  simulatedCarrierIntervalMs?: number;
  /** Test-only observation and fault injection around each shipment request. */
  requestHooks?: ShipmentRequestHooks;
}

export function shippingModule(
  config: ShippingConfig,
  options: ShippingModuleOptions,
): SubgraphModule<typeof schema, ShippingContext> {
  return {
    name: "shipping",
    schemaFile: path.join(packageRoot(import.meta.url), "src/schema.graphql"),
    resolvers,
    database: { schema, migrationsFolder },
    async setup({ db, log }) {
      // Tests turn the relay off to leave messages in the outbox, as a crash after commit would.
      const relay: OutboxRelay =
        options.relay === false
          ? idleOutboxRelay(outbox)
          : startOutboxRelay({
              db,
              table: outbox,
              bus: options.bus,
              log: log.child({ component: "shipping-outbox" }),
              intervalMs: options.relayIntervalMs ?? 500,
            });
      const { stepSeconds, enabled } = config.simulatedCarrier;
      const carrier = enabled
        ? startSimulatedCarrier({
            db,
            relay,
            log: log.child({ component: "simulated-carrier" }),
            stepSeconds,
            intervalMs:
              options.simulatedCarrierIntervalMs ?? Math.min(Math.max(stepSeconds * 250, 250), 5_000),
          })
        : undefined;
      const stopBackground = async () => {
        await carrier?.stop();
        // One last pass for what the last handlers committed; anything left goes on the next start.
        await relay.drain();
        await relay.stop();
      };
      const requests = await options.bus
        .consume(
          {
            queue: config.shipmentRequestsQueue,
            bindings: ["orders.shipment-requested.v1"],
            prefetch: REQUEST_PREFETCH,
            deliveryLimit: REQUEST_DELIVERY_LIMIT,
          },
          shipmentRequestHandler({
            db,
            relay,
            shop: config.shop,
            log: log.child({ component: "shipment-requests" }),
            hooks: options.requestHooks,
          }),
        )
        .catch(async (error: unknown) => {
          // launchSubgraph only stops a runtime it was given; this one never got that far.
          await stopBackground();
          throw error;
        });
      return {
        verifyToken: createTokenVerifier(config, { log }),
        extendContext: (base) => ({ ...base, db, config, relay, loaders: createLoaders(db) }),
        readiness: {
          broker: () => {
            if (!options.bus.isReady()) throw new Error("message bus not connected");
          },
        },
        // The consumer first (it waits for in-flight requests to commit and be acked), then the
        // carrier and the relay, which publish what was committed before the database closes.
        stop: async () => {
          await requests.cancel();
          await stopBackground();
        },
      };
    },
  };
}

export function startShippingSubgraph(config: ShippingConfig, options: ShippingModuleOptions, log?: Logger) {
  return launchSubgraph(shippingModule(config, options), { ...config, log });
}
