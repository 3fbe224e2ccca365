import { type Logger } from "@storefront/platform/logger";
import { type RequestContext } from "@storefront/platform/context";
import { launchSubgraph, type RunningSubgraph, type SubgraphModule } from "@storefront/platform/launch";
import { createTestDatabase } from "./database";
import { testEnv } from "./env";

export interface TestSubgraph<TSchema extends Record<string, unknown>> extends RunningSubgraph<TSchema> {
  databaseUrl: string | undefined;
}

/** Starts a subgraph on a free port against its own freshly migrated database. */
export async function startTestSubgraph<
  TSchema extends Record<string, unknown>,
  TContext extends RequestContext,
>(
  module: SubgraphModule<TSchema, TContext>,
  options: {
    databaseUrl?: string;
    log?: Logger;
    /** The embedded database (in-memory PGlite) that `npm start` uses, instead of PostgreSQL. */
    embedded?: boolean;
  } = {},
): Promise<TestSubgraph<TSchema>> {
  const database =
    options.databaseUrl || options.embedded ? undefined : await createTestDatabase(module.name);
  const databaseUrl = options.databaseUrl ?? database?.url;
  const running = await launchSubgraph(module, {
    port: 0,
    databaseUrl,
    databasePoolSize: testEnv.databasePoolSize,
    dataDir: "memory://",
    logLevel: testEnv.logLevel,
    serviceToken: testEnv.serviceToken,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    ...running,
    databaseUrl,
    stop: async () => {
      await running.stop();
      await database?.drop();
    },
  };
}
