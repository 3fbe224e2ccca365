import path from "node:path";
import {
  createTokenVerifier,
  launchSubgraph,
  packageRoot,
  type Logger,
  type SubgraphModule,
} from "@storefront/platform";
import type { CartContext } from "./context";
import { migrationsFolder, schema } from "./db";
import type { CartConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { createVariantLookup } from "./services/catalogue";
import { startGuestCartSweeper } from "./services/sweeper";

export function cartModule(config: CartConfig): SubgraphModule<typeof schema, CartContext> {
  return {
    name: "cart",
    schemaFile: path.join(packageRoot(import.meta.url), "src/schema.graphql"),
    resolvers,
    database: { schema, migrationsFolder },
    setup({ db, log }) {
      const lookupVariants = createVariantLookup({
        url: config.catalogueUrl,
        serviceToken: config.serviceToken,
      });
      const sweeper = startGuestCartSweeper(db, log, {
        ttlDays: config.guestCartTtlDays,
        intervalMs: config.guestCartSweepSeconds * 1000,
      });
      return Promise.resolve({
        verifyToken: createTokenVerifier(config, { log }),
        extendContext: (base) => ({
          ...base,
          db,
          loaders: createLoaders(db, lookupVariants, base.requestId),
        }),
        stop: () => sweeper.stop(),
      });
    },
  };
}

export function startCartSubgraph(config: CartConfig, log?: Logger) {
  return launchSubgraph(cartModule(config), { ...config, log });
}
