import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { ApolloGateway, type SupergraphSdlHook } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { type Logger, createLogger } from "@storefront/platform/logger";
import { observabilityPlugin, operationResolutionPlugin } from "@storefront/platform/apollo-plugins";
import { createTokenVerifier, type TokenVerifier } from "@storefront/platform/auth";
import { ErrorCode } from "@storefront/platform/errors";
import { startHttpService } from "@storefront/platform/http";
import { createServiceMetrics } from "@storefront/platform/metrics";
import { ensureTracing, flushTracing, tracingPlugin } from "@storefront/platform/tracing";
import type { GraphQLSchema } from "graphql";
import { Redis } from "ioredis";
import { createAdmission } from "./admission";
import {
  OperationExecutor,
  SubgraphClient,
  createSubgraphMetrics,
  incrementalDeliveryPlugin,
} from "./executor";
import { cacheControlPlugins } from "./cache-control";
import { API_KEY_HEADER, manifestsOf, watchClients } from "./clients";
import { routerContext, type RouterContext } from "./context";
import { applyGatewayTelemetry, type RouterConfig } from "./env";
import { attachExplorer, explorerHandler } from "./explorer";
import { apiSchemaFromSupergraph, validateManifest } from "./persisted/manifest";
import { createProtection } from "./protection";
import { routerErrorFormatter } from "./protection/plugin";
import { executorWithTimeout } from "./protection/timeout";
import { createRequestGate } from "./request-gate";
import { SubscriptionPlanning, attachHttpSubscriptions, attachSubscriptionServer } from "./subscriptions";
import { RouterErrorCode } from "./errors";

/** What a browser on an allowed origin may send: auth, partner key, cart, tracing, Apollo's CSRF headers. */
export const CORS_ALLOW_HEADERS = [
  "content-type",
  "authorization",
  API_KEY_HEADER,
  "x-cart-token",
  "x-request-id",
  "apollographql-client-name",
  "apollographql-client-version",
  "apollo-require-preflight",
  "x-apollo-operation-name",
];

/** A custom header forces a browser preflight, which CORS then governs; x-api-key is one. */
export const CSRF_PROOF_HEADERS = ["x-apollo-operation-name", "apollo-require-preflight", API_KEY_HEADER];

export interface RunningRouter {
  url: string;
  port: number;
  /** Where Prometheus scrapes the router: a port of its own, not the public one. */
  metricsPort: number;
  metricsUrl: string;
  stop(): Promise<void>;
}

/**
 * Supergraph from a file, watched: a new file (a redeploy of a subgraph, a recomposition) is
 * loaded without a restart. A file that fails to load leaves the current graph serving.
 */
function supergraphFromFile(path: string, log: Logger): SupergraphSdlHook {
  return ({ update }) => {
    let current = readFileSync(path, "utf8");
    const onChange = () => {
      let next: string;
      try {
        next = readFileSync(path, "utf8");
      } catch (error) {
        log.error({ err: error, path }, "supergraph file unreadable; keeping the current graph");
        return;
      }
      if (next === current) return;
      try {
        update(next);
        current = next;
        log.info({ path }, "supergraph reloaded");
      } catch (error) {
        log.error({ err: error, path }, "new supergraph rejected; keeping the current graph");
      }
    };
    watchFile(path, { interval: 500 }, onChange);
    return Promise.resolve({
      supergraphSdl: current,
      cleanup: () => Promise.resolve(unwatchFile(path, onChange)),
    });
  };
}

export async function startRouter(
  config: RouterConfig,
  options: { log?: Logger; verifyToken?: TokenVerifier } = {},
): Promise<RunningRouter> {
  ensureTracing();
  const log = (options.log ?? createLogger({ service: "router", level: config.logLevel })).child({
    component: "router",
  });
  const metrics = createServiceMetrics("router", {
    knownOperations: config.metrics.knownOperations,
    maxOtherNames: config.metrics.maxOperationNames,
  });
  const subgraphMetrics = createSubgraphMetrics(metrics.registry);
  const verifyToken = options.verifyToken ?? createTokenVerifier(config, { log });
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1_000, connectionName: "router" })
    : undefined;
  // Without a listener ioredis reports every reconnect attempt as an unhandled error event.
  redis?.on("error", (error: Error) => log.warn({ err: error }, "redis connection problem"));
  const protection = createProtection(config, { registry: metrics.registry, log, redis });

  let schemaLoaded = false;
  const planning = new SubscriptionPlanning(config.subgraphUrls, log.child({ component: "subscriptions" }));
  applyGatewayTelemetry(config.apolloTelemetry);
  // The gateway loads and reloads the supergraph (and its API schema for @apollo/server); the
  // router plans and runs operations itself (executor/), so the gateway never calls a subgraph.
  const gateway = config.supergraphSdl
    ? new ApolloGateway({ supergraphSdl: config.supergraphSdl })
    : new ApolloGateway({ supergraphSdl: supergraphFromFile(config.supergraphPath, log) });
  // The gateway loads and reloads the supergraph; the router runs the plans itself (executor/).
  const subgraphClient = new SubgraphClient({
    timeoutMs: config.subgraphTimeoutMs,
    metrics: subgraphMetrics,
    dedupe: config.deduplicateFetches,
  });
  const operations = new OperationExecutor(planning, subgraphClient);
  gateway.executor = executorWithTimeout(operations.execute, config.operationTimeoutMs, () =>
    protection.metrics.rejected(RouterErrorCode.OPERATION_TIMEOUT),
  );
  // The served graph's API schema, against which a reloaded manifest is checked before it is used.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    schemaLoaded = true;
    // Subscriptions are planned against the graph the gateway serves, reloaded with it.
    planning.update(coreSupergraphSdl);
    const manifests = manifestsOf(protection.clients.clients);
    if (!manifests.length && !config.clientsSource) return;
    // A graph change that breaks a partner's operation is loud here; CI catches it earlier (schema tests).
    try {
      apiSchema = apiSchemaFromSupergraph(coreSupergraphSdl);
      for (const manifest of manifests) {
        const problems = validateManifest(manifest, apiSchema);
        if (problems.length)
          log.error({ manifest: manifest.file, problems }, "persisted operations broken by the graph");
      }
    } catch (error) {
      log.warn({ err: error }, "could not check the persisted operations against the new graph");
    }
  });

  // One admission stage for both transports, against the API schema the planner derives from
  // the served supergraph (built with the router's graphql-js).
  const admission = createAdmission({
    protection,
    production: config.production,
    schema: () => planning.current?.apiSchema,
  });
  const gate = createRequestGate({ maxBatchSize: config.maxBatchSize, protection, admission });
  const formatError = routerErrorFormatter(log, {
    production: config.production,
    maxTokens: config.limits.maxTokens,
  });
  // The deferred parts of an incremental response are formatted as the first part is.
  operations.formatError = formatError;
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    // The process entry point owns shutdown order (stopOnSignals); Apollo must not exit on its own.
    stopOnTerminationSignals: false,
    persistedQueries: { cache: protection.apqCache, ttl: config.apqTtlSeconds },
    // Documents the admission stage parsed and validated are not parsed and validated again.
    documentStore: gate.documentStore,
    parseOptions: { maxTokens: config.limits.maxTokens },
    allowBatchedHttpRequests: config.maxBatchSize > 1,
    // The HTTP layer enforces CSRF prevention itself (CSRF_PROOF_HEADERS), before the token is
    // verified or the rate limit counted; Apollo's check would also refuse a program's plain GET.
    csrfPrevention: false,
    formatError,
    plugins: [
      // First: its refusals must be what Apollo answers (see createRequestGate).
      gate.plugin,
      observabilityPlugin<RouterContext>(log, metrics),
      operationResolutionPlugin<RouterContext>(),
      tracingPlugin<RouterContext>((context) => context.client?.name),
      ...cacheControlPlugins(),
      // `@defer` answered as multipart/mixed to a client that accepts it (executor/).
      incrementalDeliveryPlugin(operations),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  // Partners are onboarded (and keys revoked) by editing the clients file, without a restart.
  const clientsWatcher = config.clientsSource
    ? watchClients(config.clientsSource, protection.clients, {
        log: log.child({ component: "clients" }),
        apiSchema: () => apiSchema,
      })
    : undefined;
  let http: Awaited<ReturnType<typeof startHttpService>> | undefined;
  let subscriptions: ReturnType<typeof attachSubscriptionServer>;
  try {
    await apollo.start();
    http = await startHttpService<RouterContext>({
      name: "router",
      port: config.port,
      metricsPort: config.metricsPort,
      log,
      metrics,
      apollo,
      maxBodyBytes: config.maxRequestBytes,
      context: (req, scope) => routerContext(req, scope, verifyToken, config.trustProxy, protection.clients),
      prepareRequest: gate.prepareRequest,
      // RATE_LIMITED reaches this layer only from the admission stage, which counted it already.
      onRequestRejected: (code) => {
        if (code !== ErrorCode.RATE_LIMITED) protection.metrics.rejected(code);
      },
      csrfPrevention: { requestHeaders: CSRF_PROOF_HEADERS },
      legacyJsonRequestErrorsAs200: true,
      cors: {
        origins: config.corsOrigins,
        allowHeaders: CORS_ALLOW_HEADERS,
        exposeHeaders: ["x-request-id", "retry-after"],
      },
      readiness: {
        supergraph: () => {
          if (!schemaLoaded) throw new Error("supergraph not loaded");
        },
      },
    });
    if (config.explorerDir && !config.production)
      attachExplorer(
        http.server,
        explorerHandler({
          dir: config.explorerDir,
          graphqlPath: "/graphql",
          log: log.child({ component: "explorer" }),
        }),
      );
    // Without a listener, an accept error after start-up (EMFILE when the process runs out of file
    // descriptors under many WebSockets) would be an unhandled 'error' event and end the process.
    http.server.on("error", (error) => log.error({ err: error }, "HTTP server error"));
    subscriptions = attachSubscriptionServer({
      server: http.server,
      path: "/graphql",
      log: log.child({ component: "subscriptions" }),
      settings: config.subscriptions,
      production: config.production,
      trustProxy: config.trustProxy,
      operationTimeoutMs: config.operationTimeoutMs,
      protection,
      admission,
      verifyToken,
      planning,
      operations,
      registry: metrics.registry,
      formatError,
    });
    // Subscriptions over SSE and multipart HTTP, on the same core as graphql-ws.
    attachHttpSubscriptions(http.server, {
      core: subscriptions.core,
      path: "/graphql",
      protection,
      trustProxy: config.trustProxy,
      maxBodyBytes: config.maxRequestBytes,
      heartbeatMs: config.subscriptions.heartbeatMs,
      cors: {
        origins: config.corsOrigins,
        allowHeaders: CORS_ALLOW_HEADERS,
        exposeHeaders: ["x-request-id", "retry-after"],
      },
      csrfHeaders: CSRF_PROOF_HEADERS,
      log: log.child({ component: "subscriptions" }),
    });
  } catch (error) {
    // Nothing half-started may keep the process alive (a port in use, a bad supergraph file, a
    // subscription server that could not be set up while the HTTP server already listens).
    clientsWatcher?.close();
    await http?.close().catch(() => {});
    await apollo.stop().catch(() => {});
    await subgraphClient.close().catch(() => {});
    await redis?.quit().catch(() => {});
    throw error;
  }

  const running = http;
  return {
    url: running.url,
    port: running.port,
    metricsPort: running.metricsPort,
    metricsUrl: running.metricsUrl,
    stop: async () => {
      // Sockets first (1001 going away, subgraph connections closed): the HTTP server waits for them.
      clientsWatcher?.close();
      await subscriptions.close();
      await running.close();
      // A verifier handed in is its owner's to close.
      if (!options.verifyToken) verifyToken.close?.();
      await apollo.stop();
      await subgraphClient.close();
      await redis?.quit();
      // Spans still waiting for the next export batch would die with the process.
      await flushTracing();
    },
  };
}
