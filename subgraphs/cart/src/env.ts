import { z } from "zod";
import { envFields, loadEnvOrExit, parseEnv, type EnvSource } from "@storefront/platform";

/** Every setting of the cart subgraph; the only place it reads the environment. */
export const cartEnvShape = {
  CART_PORT: envFields.port(4003),
  CART_DATABASE_URL: envFields.postgresUrl(),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: envFields.logLevel(),
  JWKS_URL: envFields.url().default("http://localhost:4001/.well-known/jwks.json"),
  SERVICE_TOKEN: envFields.serviceToken(),
  CATALOGUE_URL: envFields.url().default("http://localhost:4002/graphql"),
  GUEST_CART_TTL_DAYS: z.coerce.number().int().positive().max(3650).default(30),
  GUEST_CART_SWEEP_SECONDS: envFields.seconds(3600),
};

export interface CartConfig {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<ReturnType<typeof envFields.logLevel>>;
  jwksUrl: string;
  /** Sent to the catalogue with every variant lookup; `npm start` fills it in when unset. */
  serviceToken: string | undefined;
  /** GraphQL endpoint of the catalogue subgraph, asked for current prices and stock. */
  catalogueUrl: string;
  /** A guest cart untouched for this many days is deleted. */
  guestCartTtlDays: number;
  /** How often the guest-cart sweep runs. */
  guestCartSweepSeconds: number;
}

function toConfig(env: ReturnType<typeof parseEnv<typeof cartEnvShape>>): CartConfig {
  return {
    port: env.CART_PORT,
    databaseUrl: env.CART_DATABASE_URL,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    jwksUrl: env.JWKS_URL,
    serviceToken: env.SERVICE_TOKEN,
    catalogueUrl: env.CATALOGUE_URL,
    guestCartTtlDays: env.GUEST_CART_TTL_DAYS,
    guestCartSweepSeconds: env.GUEST_CART_SWEEP_SECONDS,
  };
}

export function cartConfigFrom(source: EnvSource): CartConfig {
  return toConfig(parseEnv(cartEnvShape, source));
}

export function loadCartConfig(): CartConfig {
  return toConfig(loadEnvOrExit(cartEnvShape, process.env));
}
