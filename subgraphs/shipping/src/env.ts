import { z } from "zod";
import {
  configLoader,
  envFields,
  subgraphConfig,
  subgraphEnvShape,
  type SubgraphConfig,
} from "@storefront/platform";
import { queueName, subgraphs as topology } from "@storefront/contracts/topology";
import { isCountryCode } from "./services/zones";

/** Every setting of the shipping subgraph; the only place it reads the environment. */
export const shippingEnvShape = {
  SHIPPING_PORT: envFields.port(topology.shipping.port),
  SHIPPING_METRICS_PORT: envFields.port(topology.shipping.metricsPort),
  SHIPPING_DATABASE_URL: envFields.postgresUrl(),
  ...subgraphEnvShape,
  AMQP_URL: envFields.amqpUrl(),
  AMQP_EXCHANGE: envFields.amqpExchange(),
  SHIPMENT_REQUESTS_QUEUE: envFields.queueName(queueName("shipping", "SHIPMENT_REQUESTS_QUEUE")),
  SHOP_COUNTRY: z
    .string()
    .refine(isCountryCode, "must be an ISO 3166-1 alpha-2 country code in capitals, e.g. US")
    .default("US"),
  SHOP_CURRENCY: z
    .string()
    .refine(
      (code) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code),
      "must be an ISO 4217 currency code in capitals, e.g. USD",
    )
    .default("USD"),
  SIMULATED_CARRIER: envFields.bool(false),
  SIMULATED_CARRIER_STEP_SECONDS: envFields.seconds(20),
};

export interface ShippingConfig extends SubgraphConfig {
  /** Read by main.ts only: the module itself is handed a bus. */
  amqpUrl: string | undefined;
  amqpExchange: string;
  /** Durable queue shipment requests are consumed from. */
  shipmentRequestsQueue: string;
  /** Where shipments leave from (the origin of every rate) and the currency rates are in. */
  shop: { country: string; currency: string };
  /** A stand-in carrier that moves shipments along by itself, for demos and tests. */
  simulatedCarrier: { enabled: boolean; stepSeconds: number };
}

const loader = configLoader(shippingEnvShape, (env): ShippingConfig => ({
  ...subgraphConfig(env, {
    port: env.SHIPPING_PORT,
    metricsPort: env.SHIPPING_METRICS_PORT,
    databaseUrl: env.SHIPPING_DATABASE_URL,
  }),
  amqpUrl: env.AMQP_URL,
  amqpExchange: env.AMQP_EXCHANGE,
  shipmentRequestsQueue: env.SHIPMENT_REQUESTS_QUEUE,
  shop: { country: env.SHOP_COUNTRY, currency: env.SHOP_CURRENCY },
  simulatedCarrier: { enabled: env.SIMULATED_CARRIER, stepSeconds: env.SIMULATED_CARRIER_STEP_SECONDS },
}));

export const shippingConfigFrom = loader.from;
export const loadShippingConfig = loader.load;
