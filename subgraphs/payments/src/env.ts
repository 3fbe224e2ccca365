import { z } from "zod";
import { envFields, type SubgraphConfig } from "@storefront/platform/env";
import { subgraphConfigLoader } from "@storefront/platform/subgraph-config";

export interface PaymentsConfig extends SubgraphConfig {
  /** How long an idempotency key (and the result stored with it) is kept before it is swept. */
  idempotencyKeyTtlHours: number;
  idempotencyKeySweepSeconds: number;
}

/** Every setting of the payments subgraph; the only place it reads the environment. */
export const paymentsConfig = subgraphConfigLoader(
  "payments",
  {
    // A client may retry for up to a day (the orders saga, a mobile app coming back online);
    // a shorter memory would let a late retry charge or refund a second time.
    IDEMPOTENCY_KEY_TTL_HOURS: z.coerce
      .number()
      .int("must be a whole number of hours")
      .min(24, "must be at least 24 (hours): retries may arrive up to a day later")
      .max(24 * 366, "must be at most 8784 (a year)")
      .default(24),
    /** Expired keys are few and harmless until swept; a quarter-hourly sweep keeps the table small. */
    IDEMPOTENCY_KEY_SWEEP_SECONDS: envFields.seconds(15 * 60),
  },
  (env, base): PaymentsConfig => ({
    ...base,
    idempotencyKeyTtlHours: env.IDEMPOTENCY_KEY_TTL_HOURS,
    idempotencyKeySweepSeconds: env.IDEMPOTENCY_KEY_SWEEP_SECONDS,
  }),
);

export const { shape: paymentsEnvShape, from: paymentsConfigFrom, load: loadPaymentsConfig } = paymentsConfig;
