import { z } from "zod";
import { envFields, loadEnvOrExit, parseEnv, type EnvSource } from "@storefront/platform";

/** Every setting of the catalogue subgraph; the only place it reads the environment. */
export const catalogueEnvShape = {
  CATALOGUE_PORT: envFields.port(4002),
  CATALOGUE_DATABASE_URL: envFields.postgresUrl(),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: envFields.logLevel(),
  JWKS_URL: envFields.url().default("http://localhost:4001/.well-known/jwks.json"),
  SERVICE_TOKEN: envFields.serviceToken(),
  RESERVATION_SWEEP_SECONDS: envFields.seconds(15),
};

export interface CatalogueConfig {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<ReturnType<typeof envFields.logLevel>>;
  jwksUrl: string;
  serviceToken: string | undefined;
  /** How often expired stock reservations are looked for and released. */
  reservationSweepSeconds: number;
}

function toConfig(env: ReturnType<typeof parseEnv<typeof catalogueEnvShape>>): CatalogueConfig {
  return {
    port: env.CATALOGUE_PORT,
    databaseUrl: env.CATALOGUE_DATABASE_URL,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    jwksUrl: env.JWKS_URL,
    serviceToken: env.SERVICE_TOKEN,
    reservationSweepSeconds: env.RESERVATION_SWEEP_SECONDS,
  };
}

export function catalogueConfigFrom(source: EnvSource): CatalogueConfig {
  return toConfig(parseEnv(catalogueEnvShape, source));
}

export function loadCatalogueConfig(): CatalogueConfig {
  return toConfig(loadEnvOrExit(catalogueEnvShape, process.env));
}
