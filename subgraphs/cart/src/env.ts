import { z } from "zod";
import {
  configLoader,
  envFields,
  subgraphConfig,
  subgraphEnvShape,
  type SubgraphConfig,
} from "@storefront/platform";
import { subgraphUrl, subgraphs as topology } from "@storefront/contracts/topology";

/** Every setting of the cart subgraph; the only place it reads the environment. */
export const cartEnvShape = {
  CART_PORT: envFields.port(topology.cart.port),
  CART_METRICS_PORT: envFields.port(topology.cart.metricsPort),
  CART_DATABASE_URL: envFields.postgresUrl(),
  ...subgraphEnvShape,
  CATALOGUE_URL: envFields.url().default(subgraphUrl("catalogue")),
  GUEST_CART_TTL_DAYS: z.coerce.number().int().positive().max(3650).default(30),
  GUEST_CART_SWEEP_SECONDS: envFields.seconds(3600),
};

export interface CartConfig extends SubgraphConfig {
  /** GraphQL endpoint of the catalogue subgraph, asked for current prices and stock. */
  catalogueUrl: string;
  /** A guest cart untouched for this many days is deleted. */
  guestCartTtlDays: number;
  /** How often the guest-cart sweep runs. */
  guestCartSweepSeconds: number;
}

const loader = configLoader(cartEnvShape, (env): CartConfig => ({
  ...subgraphConfig(env, {
    port: env.CART_PORT,
    metricsPort: env.CART_METRICS_PORT,
    databaseUrl: env.CART_DATABASE_URL,
  }),
  catalogueUrl: env.CATALOGUE_URL,
  guestCartTtlDays: env.GUEST_CART_TTL_DAYS,
  guestCartSweepSeconds: env.GUEST_CART_SWEEP_SECONDS,
}));

export const cartConfigFrom = loader.from;
export const loadCartConfig = loader.load;
