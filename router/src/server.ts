import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { ApolloGateway, type SupergraphSdlHook } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  createErrorFormatter,
  createLogger,
  createServiceMetrics,
  createTokenVerifier,
  observabilityPlugin,
  startHttpService,
  type Logger,
  type TokenVerifier,
} from "@storefront/platform";
import { routerContext, type RouterContext } from "./context";
import type { RouterConfig } from "./env";
import { SubgraphDataSource, createSubgraphFetcher, createSubgraphMetrics } from "./subgraph-data-source";

export interface RunningRouter {
  url: string;
  port: number;
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
  const log = (options.log ?? createLogger({ service: "router", level: config.logLevel })).child({
    component: "router",
  });
  const metrics = createServiceMetrics("router");
  const subgraphMetrics = createSubgraphMetrics(metrics.registry);
  const subgraphFetcher = createSubgraphFetcher(config.subgraphTimeoutMs);
  const verifyToken = options.verifyToken ?? createTokenVerifier({ jwksUrl: config.jwksUrl });

  let schemaLoaded = false;
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl ?? supergraphFromFile(config.supergraphPath, log),
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        config.subgraphUrls[name] ?? url!,
        subgraphFetcher.fetcher,
        subgraphMetrics,
      ),
  });
  gateway.onSchemaLoadOrUpdate(() => {
    schemaLoaded = true;
  });

  const apollo = new ApolloServer<RouterContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // The process entry point owns shutdown order (stopOnSignals); Apollo must not exit on its own.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(log),
    plugins: [observabilityPlugin<RouterContext>(log, metrics), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const http = await startHttpService<RouterContext>({
    name: "router",
    port: config.port,
    log,
    metrics,
    apollo,
    maxBodyBytes: config.maxRequestBytes,
    context: (req, scope) => routerContext(req, scope, verifyToken, config.trustProxy),
    readiness: {
      supergraph: () => {
        if (!schemaLoaded) throw new Error("supergraph not loaded");
      },
    },
  });

  return {
    url: http.url,
    port: http.port,
    stop: async () => {
      await http.close();
      await apollo.stop();
      await subgraphFetcher.close();
    },
  };
}
