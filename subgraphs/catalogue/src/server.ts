import path from "node:path";
import {
  createTokenVerifier,
  launchSubgraph,
  packageRoot,
  type Logger,
  type SubgraphModule,
} from "@storefront/platform";
import type { CatalogueContext } from "./context";
import { migrationsFolder, schema } from "./db";
import type { CatalogueConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { startReservationSweeper } from "./services/reservations";

export function catalogueModule(config: CatalogueConfig): SubgraphModule<typeof schema, CatalogueContext> {
  return {
    name: "catalogue",
    schemaFile: path.join(packageRoot(import.meta.url), "src/schema.graphql"),
    resolvers,
    database: { schema, migrationsFolder },
    setup({ db, log }) {
      const sweeper = startReservationSweeper(db, log, config.reservationSweepSeconds * 1000);
      return Promise.resolve({
        verifyToken: createTokenVerifier(config, { log }),
        extendContext: (base) => ({ ...base, db, loaders: createLoaders(db) }),
        stop: () => sweeper.stop(),
      });
    },
  };
}

export function startCatalogueSubgraph(config: CatalogueConfig, log?: Logger) {
  return launchSubgraph(catalogueModule(config), { ...config, log });
}
