import { defineSubgraph } from "@storefront/platform/define-subgraph";
import type { CatalogueContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { catalogueConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { startReservationSweeper } from "./services/reservations";

export const catalogueSubgraph = defineSubgraph({
  name: "catalogue",
  config: catalogueConfig,
  database: { schema, migrationsFolder },
  resolvers,
  setup: ({ config, db, log, keep }) => {
    keep(startReservationSweeper(db, log, config.reservationSweepSeconds * 1000));
    return {
      extendContext: (base): CatalogueContext => ({ ...base, db, loaders: createLoaders(db) }),
    };
  },
});

export const { module: catalogueModule, start: startCatalogueSubgraph } = catalogueSubgraph;
