import {
  executeQueryPlan,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  type ServiceMap,
} from "@apollo/gateway";
import type { PlanNode, SubscriptionNode } from "@apollo/query-planner";
import { inSpan, SpanKind, type Logger } from "@storefront/platform";
import {
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
} from "graphql";
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

/** Every subgraph a plan node fetches from. */
function servicesOf(node: PlanNode | SubscriptionNode | undefined, into = new Set<string>()): Set<string> {
  switch (node?.kind) {
    case "Fetch":
      into.add(node.serviceName);
      break;
    case "Sequence":
    case "Parallel":
      for (const child of node.nodes) servicesOf(child, into);
      break;
    case "Flatten":
      servicesOf(node.node, into);
      break;
    case "Condition":
      servicesOf(node.ifClause, into);
      servicesOf(node.elseClause, into);
      break;
    case "Defer":
      servicesOf(node.primary.node, into);
      for (const deferred of node.deferred) servicesOf(deferred.node, into);
      break;
    case "Subscription":
      servicesOf(node.primary, into);
      servicesOf(node.rest, into);
      break;
    case undefined:
      break;
  }
  return into;
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
 *
 * The service map is built once per subscription. Its entries look the router's data source up
 * at each fetch rather than holding it, because a supergraph reload does not end or re-plan a
 * running subscription (it keeps its plan and graph) while the gateway may replace a subgraph's
 * data source (a new routing URL): fetches go to the current one, as they did when the map was
 * rebuilt per event. The primary's entry finds its event by the execution's request context,
 * which is new for every event.
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

  /** The event each execution (by its request context) answers the primary fetch with. */
  const events = new WeakMap<object, UpstreamEvent>();
  const current = (service: string): GraphQLDataSource<RouterContext> => ({
    process(request: GraphQLDataSourceProcessOptions<RouterContext>) {
      const dataSource = options.dataSources.get(service);
      if (!dataSource) return Promise.reject(new Error(`no data source for subgraph ${service}`));
      return dataSource.process(request);
    },
  });
  const owner = current(plan.service);
  const answerWithEvent: GraphQLDataSource<RouterContext> = {
    process(request: GraphQLDataSourceProcessOptions<RouterContext>) {
      const event =
        "incomingRequestContext" in request && request.request.query === primaryOperation
          ? events.get(request.incomingRequestContext)
          : undefined;
      if (event) return Promise.resolve({ ...event });
      // Anything else to the primary's subgraph (an entity fetch of `rest`) goes to the real one.
      return owner.process(request);
    },
  };
  const services = servicesOf(plan.perEvent.node, new Set(options.dataSources.keys()));
  const serviceMap: ServiceMap = Object.fromEntries(
    [...services].map((service) => [service, current(service)]),
  );
  serviceMap[plan.service] = answerWithEvent;

  // Each event is a span of its own, parent of the entity fetches that complete it.
  const operationName = getOperationAST(options.document, options.operationName)?.name?.value;
  const attributes = {
    "graphql.operation.type": "subscription",
    "graphql.subgraph.name": plan.service,
    ...(operationName ? { "graphql.operation.name": operationName } : {}),
  };
  return (event: UpstreamEvent): Promise<ExecutionResult> =>
    inSpan("router", "subscription event", { kind: SpanKind.INTERNAL, attributes }, () => {
      // Each event is its own execution: a fresh metrics object for the gateway's bookkeeping.
      const perEvent = { ...requestContext, metrics: {} } as GatewayRequestContext;
      events.set(perEvent, event);
      return executeQueryPlan(
        plan.perEvent,
        serviceMap,
        perEvent,
        plan.operationContext,
        state.supergraphSchema,
        state.federationApiSchema,
      );
    });
}
