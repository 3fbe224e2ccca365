import path from "node:path";
import {
  REVOKED_SESSIONS_PATH,
  runInBackground,
  createTokenVerifier,
  launchSubgraph,
  packageRoot,
  sendJson,
  startPeriodicTask,
  type RevokedSessionsPage,
  type SubgraphModule,
  type Logger,
} from "@storefront/platform";
import type { UsersContext } from "./context";
import { migrationsFolder, schema } from "./db";
import type { UsersConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { revokedSessionsSince } from "./services/sessions";
import { SigningKeys, defaultKeyTiming } from "./services/signing-keys";
import { sweepLoginAttempts } from "./services/throttle";

export const JWKS_PATH = "/.well-known/jwks.json";

export function usersModule(config: UsersConfig): SubgraphModule<typeof schema, UsersContext> {
  return {
    name: "users",
    schemaFile: path.join(packageRoot(import.meta.url), "src/schema.graphql"),
    resolvers,
    database: { schema, migrationsFolder },
    async setup({ db, log }) {
      const keys = new SigningKeys(
        db,
        defaultKeyTiming(config.accessTokenTtlSeconds, config.signingKeyRefreshSeconds * 1000),
      );
      await keys.init();
      const refreshing = keys.startRefreshing(log);
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
      const sweeping = startPeriodicTask({
        name: "login-attempts-sweeper",
        intervalMs: config.loginAttemptSweepSeconds * 1000,
        log,
        task: () => sweepLoginAttempts(db, config.throttle.windowSeconds),
      });
      return {
        stop: async () => {
          await sweeping.stop();
          await refreshing.stop();
        },
        // The users subgraph holds the keys and the sessions, so it verifies against them directly.
        verifyToken: createTokenVerifier(keys.getKey, {
          revocations: revokedSessions,
          refreshMs: config.sessionRevocationRefreshMs,
          log,
        }),
        extendContext: (base) => ({
          ...base,
          db: db,
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
  };
}

export function startUsersSubgraph(config: UsersConfig, log?: Logger) {
  return launchSubgraph(usersModule(config), { ...config, log });
}
