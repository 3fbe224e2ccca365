import { defineSubgraph } from "@storefront/platform/define-subgraph";
import type { CartContext } from "./context";
import { migrationsFolder, schema } from "./db";
import type { CartDependencies } from "./dependencies";
import { cartConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { createVariantLookup } from "./services/catalogue";
import { startGuestCartSweeper } from "./services/sweeper";
import { bindUseCases } from "./use-cases";

export const cartSubgraph = defineSubgraph({
  name: "cart",
  config: cartConfig,
  database: { schema, migrationsFolder },
  resolvers,
  setup: ({ config, db, log, keep }) => {
    const lookupVariants = createVariantLookup({
      url: config.catalogueUrl,
      serviceToken: config.serviceToken,
    });
    keep(
      startGuestCartSweeper(db, log, {
        ttlDays: config.guestCartTtlDays,
        intervalMs: config.guestCartSweepSeconds * 1000,
      }),
    );
    const deps: CartDependencies = { db };
    const useCases = bindUseCases(deps);
    return {
      extendContext: (base): CartContext => ({
        ...base,
        loaders: createLoaders(db, lookupVariants, base.requestId),
        useCases,
      }),
    };
  },
});

export const { module: cartModule, start: startCartSubgraph } = cartSubgraph;
