import path from "node:path";
import {
  createTokenVerifier,
  launchSubgraph,
  packageRoot,
  sendJson,
  type SubgraphModule,
  type Logger,
} from "@storefront/platform";
import type { UsersContext } from "./context";
import { migrationsFolder, schema } from "./db";
import type { UsersConfig } from "./env";
import { createLoaders } from "./loaders";
import { resolvers } from "./resolvers";
import { SigningKeys, defaultKeyTiming } from "./services/signing-keys";

export const JWKS_PATH = "/.well-known/jwks.json";

export function usersModule(config: UsersConfig): SubgraphModule<typeof schema, UsersContext> {
  return {
    name: "users",
    schemaFile: path.join(packageRoot(import.meta.url), "src/schema.graphql"),
    resolvers,
    database: { schema, migrationsFolder },
    async setup({ db }) {
      const keys = new SigningKeys(db, defaultKeyTiming(config.accessTokenTtlSeconds));
      await keys.init();
      return {
        // The users subgraph holds the keys, so it verifies against them directly.
        verifyToken: createTokenVerifier(keys.getKey),
        extendContext: (base) => ({
          ...base,
          db: db,
          keys,
          config,
          loaders: createLoaders(db),
          signedInNow: new Set(),
        }),
        routes: {
          [JWKS_PATH]: async (_req, res) =>
            sendJson(res, 200, await keys.jwks(), { "cache-control": "public, max-age=300" }),
        },
      };
    },
  };
}

export function startUsersSubgraph(config: UsersConfig, log?: Logger) {
  return launchSubgraph(usersModule(config), { ...config, log });
}
