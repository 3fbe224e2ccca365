import { z } from "zod";
import { envFields, type SubgraphConfig } from "@storefront/platform/env";
import { subgraphConfigLoader, type MessagingConfig } from "@storefront/platform/subgraph-config";
import { isCountryCode } from "./services/zones";

export interface ShippingConfig extends SubgraphConfig, MessagingConfig {
  /** Durable queue shipment requests are consumed from. */
  shipmentRequestsQueue: string;
  /** Where shipments leave from (the origin of every rate) and the currency rates are in. */
  shop: { country: string; currency: string };
  /** A stand-in carrier that moves shipments along by itself, for demos and tests. */
  simulatedCarrier: { enabled: boolean; stepSeconds: number };
}

/** Every setting of the shipping subgraph; the only place it reads the environment. */
export const shippingConfig = subgraphConfigLoader(
  "shipping",
  {
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
  },
  (env, base): ShippingConfig => ({
    ...base,
    shipmentRequestsQueue: env.SHIPMENT_REQUESTS_QUEUE,
    shop: { country: env.SHOP_COUNTRY, currency: env.SHOP_CURRENCY },
    simulatedCarrier: { enabled: env.SIMULATED_CARRIER, stepSeconds: env.SIMULATED_CARRIER_STEP_SECONDS },
  }),
);

export const { shape: shippingEnvShape, from: shippingConfigFrom, load: loadShippingConfig } = shippingConfig;
