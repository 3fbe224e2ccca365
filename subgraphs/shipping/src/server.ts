import { defineSubgraph, type MessagingOptions } from "@storefront/platform/define-subgraph";
import type { ShippingContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { outbox } from "./db/schema";
import { shippingConfig, type ShippingConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { shipmentRequestHandler } from "./services/requests";
import { startSimulatedCarrier } from "./services/simulated-carrier";

export interface ShippingModuleOptions extends MessagingOptions {
  /** How often the simulated carrier looks for due shipments; default a quarter step (0.25–5 s). */
  simulatedCarrierIntervalMs?: number;
}

export const shippingSubgraph = defineSubgraph<
  ShippingConfig,
  typeof schema,
  ShippingContext,
  ShippingModuleOptions
>({
  name: "shipping",
  config: shippingConfig,
  database: { schema, migrationsFolder },
  resolvers,
  outbox,
  setup: async ({ config, options, db, log, keep, relay, consume }) => {
    const { stepSeconds, enabled } = config.simulatedCarrier;
    if (enabled) {
      keep(
        startSimulatedCarrier({
          db,
          relay,
          log: log.child({ component: "simulated-carrier" }),
          stepSeconds,
          intervalMs: options.simulatedCarrierIntervalMs ?? Math.min(Math.max(stepSeconds * 250, 250), 5_000),
        }),
      );
    }
    // Stopped first: it waits for in-flight requests to commit and be acked, then the carrier
    // and the relay publish what was committed before the database closes.
    await consume(
      { queue: config.shipmentRequestsQueue, bindings: ["orders.shipment-requested.v1"] },
      shipmentRequestHandler({
        db,
        relay,
        shop: config.shop,
        log: log.child({ component: "shipment-requests" }),
      }),
    );
    return {
      extendContext: (base): ShippingContext => ({ ...base, db, config, relay, loaders: createLoaders(db) }),
    };
  },
});

export const { module: shippingModule, start: startShippingSubgraph } = shippingSubgraph;
