import path from "node:path";
import {
  createTokenVerifier,
  launchSubgraph,
  packageRoot,
  type Logger,
  type SubgraphModule,
} from "@storefront/platform";
import type { PaymentsContext } from "./context";
import { migrationsFolder, schema } from "./db";
import type { PaymentsConfig } from "./env";
import { createLoaders } from "./loaders";
import { createTestModeProvider, type PaymentProvider } from "./providers";
import { resolvers } from "./resolvers";
import { startIdempotencyKeySweeper } from "./services/idempotency";

export interface PaymentsModuleOptions {
  /** The card processor; the test-mode fake when omitted. */
  provider?: PaymentProvider;
}

export function paymentsModule(
  config: PaymentsConfig,
  options: PaymentsModuleOptions = {},
): SubgraphModule<typeof schema, PaymentsContext> {
  const provider = options.provider ?? createTestModeProvider();
  return {
    name: "payments",
    schemaFile: path.join(packageRoot(import.meta.url), "src/schema.graphql"),
    resolvers,
    database: { schema, migrationsFolder },
    setup({ db, log }) {
      log.info({ provider: provider.name }, "payment provider");
      const sweeper = startIdempotencyKeySweeper(db, log, {
        ttlHours: config.idempotencyKeyTtlHours,
        intervalMs: config.idempotencyKeySweepSeconds * 1000,
      });
      return Promise.resolve({
        verifyToken: createTokenVerifier(config, { log }),
        extendContext: (base) => ({ ...base, db, provider, loaders: createLoaders(db) }),
        stop: () => sweeper.stop(),
      });
    },
  };
}

export function startPaymentsSubgraph(config: PaymentsConfig, log?: Logger) {
  return launchSubgraph(paymentsModule(config), { ...config, log });
}
