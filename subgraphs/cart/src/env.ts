import { z } from "zod";
import { envFields, type SubgraphConfig } from "@storefront/platform/env";
import { subgraphConfigLoader } from "@storefront/platform/subgraph-config";
import { subgraphUrl } from "@storefront/contracts/topology";

export interface CartConfig extends SubgraphConfig {
  /** GraphQL endpoint of the catalogue subgraph, asked for current prices and stock. */
  catalogueUrl: string;
  /** A guest cart untouched for this many days is deleted. */
  guestCartTtlDays: number;
  /** How often the guest-cart sweep runs. */
  guestCartSweepSeconds: number;
}

/** Every setting of the cart subgraph; the only place it reads the environment. */
export const cartConfig = subgraphConfigLoader(
  "cart",
  {
    CATALOGUE_URL: envFields.url().default(subgraphUrl("catalogue")),
    GUEST_CART_TTL_DAYS: z.coerce.number().int().positive().max(3650).default(30),
    GUEST_CART_SWEEP_SECONDS: envFields.seconds(3600),
  },
  (env, base): CartConfig => ({
    ...base,
    catalogueUrl: env.CATALOGUE_URL,
    guestCartTtlDays: env.GUEST_CART_TTL_DAYS,
    guestCartSweepSeconds: env.GUEST_CART_SWEEP_SECONDS,
  }),
);

export const { shape: cartEnvShape, from: cartConfigFrom, load: loadCartConfig } = cartConfig;
