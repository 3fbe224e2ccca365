import { defineSubgraph } from "@storefront/platform/define-subgraph";
import type { CatalogueContext } from "./context";
import { migrationsFolder, schema } from "./db";
import type { CatalogueDependencies } from "./dependencies";
import { catalogueConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { startReservationSweeper } from "./services/reservations";
import { bindUseCases } from "./use-cases";

export const catalogueSubgraph = defineSubgraph({
  name: "catalogue",
  config: catalogueConfig,
  database: { schema, migrationsFolder },
  resolvers,
  setup: ({ config, db, log, keep }) => {
    keep(startReservationSweeper(db, log, config.reservationSweepSeconds * 1000));
    const deps: CatalogueDependencies = { db };
    const useCases = bindUseCases(deps);
    return {
      extendContext: (base): CatalogueContext => ({ ...base, loaders: createLoaders(db), useCases }),
    };
  },
});

export const { module: catalogueModule, start: startCatalogueSubgraph } = catalogueSubgraph;
