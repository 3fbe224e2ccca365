import { defineSubgraph } from "@storefront/platform/define-subgraph";
import type { PaymentsContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { paymentsConfig, type PaymentsConfig } from "./env";
import { createLoaders } from "./loaders";
import { createTestModeProvider, type PaymentProvider } from "./providers";
import { resolvers } from "./resolvers";
import { startIdempotencyKeySweeper } from "./services/idempotency";

export interface PaymentsModuleOptions {
  /** The card processor; the test-mode fake when omitted. */
  provider?: PaymentProvider;
}

export const paymentsSubgraph = defineSubgraph<
  PaymentsConfig,
  typeof schema,
  PaymentsContext,
  PaymentsModuleOptions
>({
  name: "payments",
  config: paymentsConfig,
  database: { schema, migrationsFolder },
  resolvers,
  setup: ({ config, options, db, log, keep }) => {
    const provider = options.provider ?? createTestModeProvider();
    log.info({ provider: provider.name }, "payment provider");
    keep(
      startIdempotencyKeySweeper(db, log, {
        ttlHours: config.idempotencyKeyTtlHours,
        intervalMs: config.idempotencyKeySweepSeconds * 1000,
      }),
    );
    return {
      extendContext: (base): PaymentsContext => ({ ...base, db, provider, loaders: createLoaders(db) }),
    };
  },
});

export const { module: paymentsModule, start: startPaymentsSubgraph } = paymentsSubgraph;
