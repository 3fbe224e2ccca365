import { Supergraph, operationFromDocument, type Schema } from "@apollo/federation-internals";
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from "@apollo/query-planner";
import type { Logger } from "@storefront/platform/logger";
import { Kind, getOperationAST, type DocumentNode, type GraphQLSchema } from "graphql";
import { servedApiSchema } from "../persisted/manifest";
import { makeResumable, type ResumePoint } from "./resume";

/**
 * How the router runs one subscription operation, from the federation query planner:
 * - `primary` is the subscription sent to the subgraph that owns the root field (made resumable
 *   when the field allows it, see resume.ts);
 * - `perEvent` is the plan run for every event: `Sequence[primary, rest]`, where the primary fetch
 *   is answered with the event itself and `rest` fetches the entities the selection needs from
 *   the other subgraphs.
 */
export interface SubscriptionPlan {
  /** The subgraph that owns the subscription field. */
  service: string;
  primary: FetchNode;
  rest: PlanNode | undefined;
  perEvent: QueryPlan;
  resume: ResumePoint | undefined;
  /** The client's root field, for logs and metrics. */
  rootField: string;
}

/** A small least-recently-used map. */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
  get size() {
    return this.entries.size;
  }
}

const PLAN_CACHE_SIZE = 500;

/**
 * Everything the subscription transport derives from one supergraph: the API schema (built with
 * the router's own graphql-js, for validation and limits), the planner, the subgraphs' WebSocket
 * URLs and a plan cache. A reloaded supergraph gets a new one, so plans never outlive their graph.
 */
export class SupergraphState {
  /** The public schema, with this module's graphql-js: validation, variables, limits. */
  readonly apiSchema: GraphQLSchema;
  /** The same, as federation-internals builds it: what the query planner plans against. */
  readonly federationApiSchema: Schema;
  /** The supergraph as a graphql-js schema built by federation-internals (entity type checks). */
  readonly supergraphSchema: GraphQLSchema;
  /** The API schema as the gateway builds it, for answering introspection. */
  readonly introspectionSchema: GraphQLSchema;
  readonly planner: QueryPlanner;
  private readonly urls = new Map<string, string>();
  private readonly httpUrls = new Map<string, URL>();
  private readonly plans = new Lru<SubscriptionPlan>(PLAN_CACHE_SIZE);

  constructor(coreSupergraphSdl: string, urlOverrides: Record<string, string>) {
    const supergraph = Supergraph.build(coreSupergraphSdl);
    this.federationApiSchema = supergraph.apiSchema();
    this.apiSchema = servedApiSchema(this.federationApiSchema);
    this.introspectionSchema = this.federationApiSchema.toGraphQLJSSchema({ includeDefer: true });
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph, { incrementalDelivery: { enableDefer: true } });
    for (const subgraph of supergraph.subgraphs().values()) {
      const url = urlOverrides[subgraph.name] ?? subgraph.url;
      if (!url) continue;
      this.urls.set(subgraph.name, url.replace(/^http/, "ws"));
      this.httpUrls.set(subgraph.name, new URL(url));
    }
  }

  /** Where a subgraph serves graphql-ws: its routing URL (or SUBGRAPH_URLS) with http → ws. */
  wsUrl(service: string): string | undefined {
    return this.urls.get(service);
  }

  /** Where a subgraph serves GraphQL over HTTP: its routing URL, or its SUBGRAPH_URLS override. */
  httpUrl(service: string): URL | undefined {
    return this.httpUrls.get(service);
  }

  get cachedPlans(): number {
    return this.plans.size;
  }

  /**
   * The plan of a validated subscription operation, cached per operation text and name (plans
   * do not depend on variables).
   */
  plan(document: DocumentNode, source: string, operationName: string | undefined): SubscriptionPlan {
    const key = `${operationName ?? ""}\n${source}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.federationApiSchema, document, {
      ...(operationName ? { operationName } : {}),
    });
    const queryPlan = this.planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (node?.kind !== "Subscription") {
      throw new Error(`expected a Subscription plan node, got ${node?.kind ?? "none"}`);
    }
    const { primary, resume } = makeResumable(node.primary, this.apiSchema);
    const root = getOperationAST(document, operationName)?.selectionSet.selections.find(
      (s) => s.kind === Kind.FIELD,
    );
    const plan: SubscriptionPlan = {
      service: primary.serviceName,
      primary,
      rest: node.rest,
      perEvent: {
        kind: "QueryPlan",
        node: node.rest ? { kind: "Sequence", nodes: [primary, node.rest] } : primary,
      },
      resume,
      rootField: root?.kind === Kind.FIELD ? root.name.value : "unknown",
    };
    this.plans.set(key, plan);
    return plan;
  }
}

/** The current supergraph's state; replaced whenever the gateway loads a new supergraph. */
export class SubscriptionPlanning {
  private state: SupergraphState | undefined;

  constructor(
    private readonly urlOverrides: Record<string, string>,
    private readonly log: Logger,
  ) {}

  get current(): SupergraphState | undefined {
    return this.state;
  }

  /** Hooked to `gateway.onSchemaLoadOrUpdate`: a graph the gateway accepted is planned with from now on. */
  update(coreSupergraphSdl: string): void {
    try {
      this.state = new SupergraphState(coreSupergraphSdl, this.urlOverrides);
    } catch (error) {
      // The gateway accepted this graph, so this should not happen; keep planning with the last one.
      this.log.error({ err: error }, "could not build the subscription planner for the new supergraph");
    }
  }
}
