import {
  configLoader,
  envFields,
  subgraphConfig,
  subgraphEnvShape,
  type SubgraphConfig,
} from "@storefront/platform";
import { subgraphs as topology } from "@storefront/contracts/topology";

/** Every setting of the catalogue subgraph; the only place it reads the environment. */
export const catalogueEnvShape = {
  CATALOGUE_PORT: envFields.port(topology.catalogue.port),
  CATALOGUE_METRICS_PORT: envFields.port(topology.catalogue.metricsPort),
  CATALOGUE_DATABASE_URL: envFields.postgresUrl(),
  ...subgraphEnvShape,
  RESERVATION_SWEEP_SECONDS: envFields.seconds(15),
};

export interface CatalogueConfig extends SubgraphConfig {
  /** How often expired stock reservations are looked for and released. */
  reservationSweepSeconds: number;
}

const loader = configLoader(catalogueEnvShape, (env): CatalogueConfig => ({
  ...subgraphConfig(env, {
    port: env.CATALOGUE_PORT,
    metricsPort: env.CATALOGUE_METRICS_PORT,
    databaseUrl: env.CATALOGUE_DATABASE_URL,
  }),
  reservationSweepSeconds: env.RESERVATION_SWEEP_SECONDS,
}));

export const catalogueConfigFrom = loader.from;
export const loadCatalogueConfig = loader.load;
