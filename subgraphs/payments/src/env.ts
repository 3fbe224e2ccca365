import { z } from "zod";
import { envFields, loadEnvOrExit, parseEnv, type EnvSource } from "@storefront/platform";

/** Every setting of the payments subgraph; the only place it reads the environment. */
export const paymentsEnvShape = {
  PAYMENTS_PORT: envFields.port(4005),
  PAYMENTS_DATABASE_URL: envFields.postgresUrl(),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: envFields.logLevel(),
  JWKS_URL: envFields.url().default("http://localhost:4001/.well-known/jwks.json"),
  SERVICE_TOKEN: envFields.serviceToken(),
  // A client may retry for up to a day (the orders saga, a mobile app coming back online);
  // a shorter memory would let a late retry charge or refund a second time.
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce
    .number()
    .int("must be a whole number of hours")
    .min(24, "must be at least 24 (hours): retries may arrive up to a day later")
    .max(24 * 366, "must be at most 8784 (a year)")
    .default(24),
};

export interface PaymentsConfig {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<ReturnType<typeof envFields.logLevel>>;
  jwksUrl: string;
  serviceToken: string | undefined;
  /** How long an idempotency key (and the result stored with it) is kept before it is swept. */
  idempotencyKeyTtlHours: number;
}

function toConfig(env: ReturnType<typeof parseEnv<typeof paymentsEnvShape>>): PaymentsConfig {
  return {
    port: env.PAYMENTS_PORT,
    databaseUrl: env.PAYMENTS_DATABASE_URL,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    jwksUrl: env.JWKS_URL,
    serviceToken: env.SERVICE_TOKEN,
    idempotencyKeyTtlHours: env.IDEMPOTENCY_KEY_TTL_HOURS,
  };
}

export function paymentsConfigFrom(source: EnvSource): PaymentsConfig {
  return toConfig(parseEnv(paymentsEnvShape, source));
}

export function loadPaymentsConfig(): PaymentsConfig {
  return toConfig(loadEnvOrExit(paymentsEnvShape, process.env));
}
