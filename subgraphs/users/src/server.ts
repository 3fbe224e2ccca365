import {
  REVOKED_SESSIONS_PATH,
  createTokenVerifier,
  type RevokedSessionsPage,
} from "@storefront/platform/auth";
import { defineSubgraph } from "@storefront/platform/define-subgraph";
import { sendJson } from "@storefront/platform/http";
import { startPeriodicTask } from "@storefront/platform/periodic";
import { runInBackground } from "@storefront/platform/request-scope";
import type { UsersContext } from "./context";
import { migrationsFolder, schema } from "./db";
import { usersConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { revokedSessionsSince } from "./services/sessions";
import { SigningKeys, defaultKeyTiming } from "./services/signing-keys";
import { sweepLoginAttempts } from "./services/throttle";

export const JWKS_PATH = "/.well-known/jwks.json";

export const usersSubgraph = defineSubgraph({
  name: "users",
  config: usersConfig,
  database: { schema, migrationsFolder },
  resolvers,
  setup: async ({ config, db, log, keep }) => {
    const keys = new SigningKeys(
      db,
      defaultKeyTiming(config.accessTokenTtlSeconds, config.signingKeyRefreshSeconds * 1000),
    );
    await keys.init();
    keep(keys.startRefreshing(log));
    // Read by every verifier every second or so: housekeeping, not a caller's work.
    const revokedSessions = async (after: string | undefined): Promise<RevokedSessionsPage> =>
      runInBackground("session-revocations", async () => ({
        ...(await revokedSessionsSince(
          db,
          after ? new Date(after) : undefined,
          config.accessTokenTtlSeconds,
        )),
        refreshMs: config.sessionRevocationRefreshMs,
      }));
    keep(
      startPeriodicTask({
        name: "login-attempts-sweeper",
        intervalMs: config.loginAttemptSweepSeconds * 1000,
        log,
        task: () => sweepLoginAttempts(db, config.throttle.windowSeconds),
      }),
    );
    return {
      // The users subgraph holds the keys and the sessions, so it verifies against them directly.
      verifyToken: createTokenVerifier(keys.getKey, {
        revocations: revokedSessions,
        refreshMs: config.sessionRevocationRefreshMs,
        log,
      }),
      extendContext: (base): UsersContext => ({
        ...base,
        db,
        keys,
        config,
        loaders: createLoaders(db),
        signedInNow: new Set(),
      }),
      routes: {
        [JWKS_PATH]: (_req, res) =>
          sendJson(res, 200, keys.jwks(), { "cache-control": "public, max-age=300" }),
        [REVOKED_SESSIONS_PATH]: async (req, res) => {
          const after = new URL(req.url ?? "/", "http://localhost").searchParams.get("after");
          if (after !== null && Number.isNaN(Date.parse(after))) {
            return sendJson(res, 400, { error: "`after` must be a cursor this feed returned." });
          }
          sendJson(res, 200, await revokedSessions(after ?? undefined), { "cache-control": "no-store" });
        },
      },
    };
  },
});

export const { module: usersModule, start: startUsersSubgraph } = usersSubgraph;
