import { readFileSync } from "node:fs";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import type { LevelWithSilent } from "pino";
import type { TokenVerifier } from "./auth";
import { baseContext, subscriptionBaseContext, type RequestContext } from "./context";
import { openDatabase, type Database, type DatabaseHandle } from "./db";
import { wellFormedRequestId, type RouteHandler } from "./http";
import { createLogger, type Logger } from "./logger";
import { createServiceMetrics, withServiceMetrics, type ServiceMetrics } from "./metrics";
import { startSubgraphServer } from "./subgraph";
import { ensureTracing, flushTracing, withService } from "./tracing";

/** What a subgraph supplies; `launchSubgraph` does the rest the same way for every domain. */
export interface SubgraphModule<TSchema extends Record<string, unknown>, TContext extends RequestContext> {
  name: string;
  /** Path of the SDL file (the one the topology names, `subgraphs/<name>/src/schema.graphql`). */
  schemaFile: string;
  resolvers: GraphQLResolverMap<TContext>;
  database: { schema: TSchema; migrationsFolder: string };
  /** Runs once the database is migrated; returns what requests need. */
  setup(deps: {
    db: Database<TSchema>;
    log: Logger;
    metrics: ServiceMetrics;
  }): Promise<SubgraphRuntime<TContext>>;
}

export interface SubgraphRuntime<TContext extends RequestContext> {
  verifyToken: TokenVerifier;
  /** Adds the subgraph's own per-request parts (DataLoaders, db) to the shared context. */
  extendContext(base: RequestContext): TContext;
  routes?: Record<string, RouteHandler>;
  readiness?: Record<string, () => Promise<void> | void>;
  /** Stops background work (consumers, relays) before the database closes. */
  stop?(): Promise<void>;
}

export interface SubgraphSettings {
  port: number;
  /** Port of `/metrics`, apart from the public one (0 or unset: a free port). */
  metricsPort?: number;
  databaseUrl: string | undefined;
  /** Connections in the PostgreSQL pool (default 10); tests run many subgraphs on one server. */
  databasePoolSize?: number;
  dataDir: string;
  logLevel: LevelWithSilent;
  /** Shared credential of internal service-to-service calls; unset refuses them all. */
  serviceToken?: string | undefined;
  log?: Logger;
}

export interface RunningSubgraph<TSchema extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  url: string;
  port: number;
  metricsPort: number;
  metricsUrl: string;
  database: DatabaseHandle<TSchema>;
  stop(): Promise<void>;
}

export async function launchSubgraph<
  TSchema extends Record<string, unknown>,
  TContext extends RequestContext,
>(module: SubgraphModule<TSchema, TContext>, settings: SubgraphSettings): Promise<RunningSubgraph<TSchema>> {
  ensureTracing();
  const log = (settings.log ?? createLogger({ service: module.name, level: settings.logLevel })).child({
    component: module.name,
  });
  const metrics = createServiceMetrics(module.name);
  const database = await openDatabase({
    service: module.name,
    url: settings.databaseUrl,
    dataDir: settings.dataDir,
    ...(settings.databasePoolSize ? { poolSize: settings.databasePoolSize } : {}),
    migrationsFolder: module.database.migrationsFolder,
    schema: module.database.schema,
    log,
    onStatement: () => metrics.sqlStatements.inc(),
  });
  metrics.watchConnections(database.driver, () => database.connectionUse());
  let runtime: SubgraphRuntime<TContext> | undefined;
  try {
    runtime = await withService(module.name, () =>
      withServiceMetrics(metrics, () => module.setup({ db: database.db, log, metrics })),
    );
    const ready = runtime;
    const server = await startSubgraphServer<TContext>({
      name: module.name,
      port: settings.port,
      ...(settings.metricsPort !== undefined ? { metricsPort: settings.metricsPort } : {}),
      typeDefs: readFileSync(module.schemaFile, "utf8"),
      resolvers: module.resolvers,
      log,
      metrics,
      context: async (req, scope) =>
        ready.extendContext(await baseContext(req, scope, ready.verifyToken, log, settings.serviceToken)),
      readiness: { database: () => database.ping(), ...ready.readiness },
      subscriptions: {
        connect: async (req, params) =>
          ready.extendContext(
            await subscriptionBaseContext(
              req,
              params,
              // The router forwards its request id in connection_init: one id across services.
              { requestId: wellFormedRequestId(params["x-request-id"]), sqlStatements: 0 },
              ready.verifyToken,
              log,
            ),
          ),
        // extendContext over a whole context replaces its per-request parts (loaders) with new ones.
        perEvent: (context) => ready.extendContext(context),
        sessions: ready.verifyToken,
      },
      ...(ready.routes ? { routes: ready.routes } : {}),
    });
    return {
      name: module.name,
      url: server.url,
      port: server.port,
      metricsPort: server.metricsPort,
      metricsUrl: server.metricsUrl,
      database,
      stop: async () => {
        await server.close();
        ready.verifyToken.close?.();
        await ready.stop?.();
        await database.close();
        // Spans still waiting for the next export batch would die with the process.
        await flushTracing();
      },
    };
  } catch (error) {
    runtime?.verifyToken.close?.();
    await runtime?.stop?.();
    await database.close();
    throw error;
  }
}
