import { z } from "zod";
import { envFields, loadEnvOrExit, parseEnv, type EnvSource } from "@storefront/platform";
import { subgraphs as topology } from "@storefront/contracts/topology";

/** Every setting of the users subgraph; the only place it reads the environment. */
export const usersEnvShape = {
  USERS_PORT: envFields.port(topology.users.port),
  USERS_METRICS_PORT: envFields.port(topology.users.metricsPort),
  USERS_DATABASE_URL: envFields.postgresUrl(),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: envFields.logLevel(),
  ACCESS_TOKEN_TTL_SECONDS: envFields.seconds(15 * 60),
  /** How often each replica re-reads the signing keys (rotations made elsewhere reach it). */
  SIGNING_KEY_REFRESH_SECONDS: envFields.seconds(60),
  /** How often expired sign-in attempt counters are removed. */
  LOGIN_ATTEMPT_SWEEP_SECONDS: envFields.seconds(60),
  REFRESH_TOKEN_TTL_SECONDS: envFields.seconds(30 * 24 * 60 * 60),
  /** How often verifiers (router, every subgraph) re-read the revoked sessions; a session ends everywhere within about this. */
  SESSION_REVOCATION_REFRESH_MS: z.coerce.number().int().min(250).max(30_000).default(1_000),
  LOGIN_THROTTLE_WINDOW_SECONDS: envFields.seconds(15 * 60),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
};

export interface UsersConfig {
  port: number;
  /** Where `/metrics` is served, apart from the public port. */
  metricsPort: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<ReturnType<typeof envFields.logLevel>>;
  accessTokenTtlSeconds: number;
  signingKeyRefreshSeconds: number;
  loginAttemptSweepSeconds: number;
  refreshTokenTtlSeconds: number;
  sessionRevocationRefreshMs: number;
  throttle: { windowSeconds: number; maxFailuresPerAccount: number; maxFailuresPerAddress: number };
}

function toConfig(env: ReturnType<typeof parseEnv<typeof usersEnvShape>>): UsersConfig {
  return {
    port: env.USERS_PORT,
    metricsPort: env.USERS_METRICS_PORT,
    databaseUrl: env.USERS_DATABASE_URL,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    signingKeyRefreshSeconds: env.SIGNING_KEY_REFRESH_SECONDS,
    loginAttemptSweepSeconds: env.LOGIN_ATTEMPT_SWEEP_SECONDS,
    refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
    sessionRevocationRefreshMs: env.SESSION_REVOCATION_REFRESH_MS,
    throttle: {
      windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
  };
}

export function usersConfigFrom(source: EnvSource): UsersConfig {
  return toConfig(parseEnv(usersEnvShape, source));
}

export function loadUsersConfig(): UsersConfig {
  return toConfig(loadEnvOrExit(usersEnvShape, process.env));
}
