import { envFields, type SubgraphConfig } from "@storefront/platform/env";
import { subgraphConfigLoader } from "@storefront/platform/subgraph-config";

export interface CatalogueConfig extends SubgraphConfig {
  /** How often expired stock reservations are looked for and released. */
  reservationSweepSeconds: number;
}

/** Every setting of the catalogue subgraph; the only place it reads the environment. */
export const catalogueConfig = subgraphConfigLoader(
  "catalogue",
  { RESERVATION_SWEEP_SECONDS: envFields.seconds(15) },
  (env, base): CatalogueConfig => ({ ...base, reservationSweepSeconds: env.RESERVATION_SWEEP_SECONDS }),
);

export const {
  shape: catalogueEnvShape,
  from: catalogueConfigFrom,
  load: loadCatalogueConfig,
} = catalogueConfig;
