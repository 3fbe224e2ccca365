import {
  executeQueryPlan,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  type ServiceMap,
} from "@apollo/gateway";
import type { Logger } from "@storefront/platform";
import type { DocumentNode, ExecutionResult, FormattedExecutionResult } from "graphql";
import type { RouterContext } from "../context";
import type { SubscriptionPlan, SupergraphState } from "./planner";

/** One event of a primary subscription, as the subgraph sent it. */
export type UpstreamEvent = FormattedExecutionResult;

type GatewayRequestContext = Parameters<typeof executeQueryPlan>[2];

export interface EventExecutionOptions {
  state: SupergraphState;
  plan: SubscriptionPlan;
  /** The router's data sources by subgraph name (the same ones the gateway uses for HTTP). */
  dataSources: ReadonlyMap<string, GraphQLDataSource<RouterContext>>;
  context: RouterContext;
  source: string;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  log: Logger;
}

/**
 * Runs the rest of a subscription's plan for each event and shapes the result to the client's
 * selection, with the gateway's own executor.
 *
 * The gateway refuses a plan whose top node is `Subscription`, but it runs the plan
 * `Sequence[primary, rest]` like any query plan once the primary fetch has an answer. So the
 * service map handed to `executeQueryPlan` has, for the primary's subgraph, a data source that
 * answers the primary fetch (recognised by its operation text) with the event instead of
 * fetching, and sends anything else (an entity fetch `rest` makes to the same subgraph) to the
 * real one. Every other subgraph is the router's real `SubgraphDataSource`, so entity fetches
 * get the gateway's batching (one `_entities` call per subgraph and path), the forwarded
 * authorization, request id and client address, the per-fetch deadline and the subgraph metrics,
 * exactly as over HTTP. `executeQueryPlan` then merges the entities into the event and
 * `computeResponse` shapes it to the client's operation, which also drops what the router added
 * to the primary (the resume sequence).
 */
export function eventExecutor(options: EventExecutionOptions) {
  const { plan, state, context } = options;
  const primaryOperation = plan.primary.operation;
  const log = options.log;
  const requestContext = {
    request: { query: options.source, operationName: options.operationName, variables: options.variables },
    context,
    document: options.document,
    source: options.source,
    operationName: options.operationName ?? null,
    metrics: {},
    logger: {
      debug: (message: unknown) => log.debug(String(message)),
      info: (message: unknown) => log.info(String(message)),
      warn: (message: unknown) => log.warn(String(message)),
      error: (message: unknown) => log.error(String(message)),
    },
  } as unknown as GatewayRequestContext;

  return async (event: UpstreamEvent): Promise<ExecutionResult> => {
    const owner = options.dataSources.get(plan.service);
    const answerWithEvent: GraphQLDataSource<RouterContext> = {
      process(request: GraphQLDataSourceProcessOptions<RouterContext>) {
        if (request.request.query === primaryOperation) return Promise.resolve({ ...event });
        if (!owner) return Promise.reject(new Error(`no data source for subgraph ${plan.service}`));
        return owner.process(request);
      },
    };
    // Built per event: a reloaded supergraph may have replaced the data sources.
    const serviceMap: ServiceMap = Object.fromEntries(options.dataSources);
    serviceMap[plan.service] = answerWithEvent;
    // Each event is its own execution: a fresh metrics object for the gateway's bookkeeping.
    const perEvent = { ...requestContext, metrics: {} } as GatewayRequestContext;
    return executeQueryPlan(
      plan.perEvent,
      serviceMap,
      perEvent,
      plan.operationContext,
      state.supergraphSchema,
      state.federationApiSchema,
    );
  };
}
