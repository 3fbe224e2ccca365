import { z } from "zod";
import { envFields } from "@storefront/platform/env";
import { subgraphConfigLoader, type SubgraphCoreConfig } from "@storefront/platform/subgraph-config";

/** The token issuer's settings: it verifies tokens against its own keys, so it has no JWKS_URL. */
export interface UsersConfig extends SubgraphCoreConfig {
  accessTokenTtlSeconds: number;
  signingKeyRefreshSeconds: number;
  loginAttemptSweepSeconds: number;
  refreshTokenTtlSeconds: number;
  sessionRevocationRefreshMs: number;
  throttle: { windowSeconds: number; maxFailuresPerAccount: number; maxFailuresPerAddress: number };
}

/** Every setting of the users subgraph; the only place it reads the environment. */
export const usersConfig = subgraphConfigLoader(
  "users",
  {
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
  },
  (env, base): UsersConfig => ({
    ...base,
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
  }),
);

export const { shape: usersEnvShape, from: usersConfigFrom, load: loadUsersConfig } = usersConfig;
