import type { IncomingMessage } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { parse } from "graphql";
import { cachePolicyPlugin, observabilityPlugin, operationResolutionPlugin } from "./apollo-plugins";
import { createErrorFormatter } from "./errors";
import { guardArguments } from "./input-guard";
import { installTypeResolution } from "./result";
import { startHttpService, type RouteHandler, type RunningHttpService } from "./http";
import type { Logger } from "./logger";
import type { ServiceMetrics } from "./metrics";
import type { RequestScope } from "./request-scope";
import type { RequestContext } from "./context";
import { attachSubscriptionServer, type SubscriptionServerOptions } from "./subscriptions";
import { tracingPlugin } from "./tracing";

export interface SubgraphServerOptions<TContext extends RequestContext> {
  name: string;
  port: number;
  typeDefs: string;
  resolvers: GraphQLResolverMap<TContext>;
  log: Logger;
  metrics: ServiceMetrics;
  context: (req: IncomingMessage, scope: RequestScope) => Promise<TContext>;
  readiness: Record<string, () => Promise<void> | void>;
  routes?: Record<string, RouteHandler>;
  /** Port of `/metrics` (0 or unset: a free one); never the public port. */
  metricsPort?: number;
  /** Needed when the schema has a Subscription type: served over graphql-ws on /graphql. */
  subscriptions?: Pick<SubscriptionServerOptions<TContext>, "connect" | "perEvent" | "sessions">;
}

/** Builds the federation subgraph schema and serves it with health, readiness and metrics. */
export async function startSubgraphServer<TContext extends RequestContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningHttpService> {
  const schema = guardArguments(
    // Every union's type is the `__typename` its value was tagged with (./result).
    installTypeResolution(
      buildSubgraphSchema({
        typeDefs: parse(options.typeDefs),
        resolvers: options.resolvers as GraphQLResolverMap<unknown>,
      }),
    ),
  );
  const formatError = createErrorFormatter(options.log);
  const apollo = new ApolloServer<TContext>({
    schema,
    // Subgraphs sit behind the router; introspection lets schema tooling read them directly.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The process entry point owns shutdown order (stopOnSignals); Apollo must not exit on its own.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      observabilityPlugin<TContext>(options.log, options.metrics),
      operationResolutionPlugin<TContext>(),
      tracingPlugin<TContext>(),
      ApolloServerPluginLandingPageDisabled(),
      // No Apollo Studio here: traces would only add bytes to every subgraph response.
      ApolloServerPluginInlineTraceDisabled(),
      // The schema's @cacheControl hints become this subgraph's Cache-Control header, which the
      // router combines over the query plan; no hint means no cache (defaultMaxAge 0).
      cachePolicyPlugin<TContext>(),
      ApolloServerPluginCacheControl({ defaultMaxAge: 0 }),
    ],
  });
  await apollo.start();
  const http = await startHttpService<TContext>({
    name: options.name,
    port: options.port,
    ...(options.metricsPort !== undefined ? { metricsPort: options.metricsPort } : {}),
    log: options.log,
    metrics: options.metrics,
    apollo,
    context: options.context,
    readiness: options.readiness,
    ...(options.routes ? { routes: options.routes } : {}),
  });
  const live =
    schema.getSubscriptionType() && options.subscriptions
      ? attachSubscriptionServer<TContext>({
          server: http.server,
          path: "/graphql",
          schema,
          log: options.log,
          formatError,
          ...options.subscriptions,
        })
      : undefined;
  return {
    ...http,
    close: async (graceMs) => {
      await live?.close();
      await http.close(graceMs);
      await apollo.stop();
    },
  };
}
