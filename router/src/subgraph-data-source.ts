import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import { Counter, Histogram, type Registry } from "prom-client";
import { Agent, fetch as undiciFetch } from "undici";
import type { RouterContext } from "./context";
import { currentOperationSignal } from "./protection/timeout";

/**
 * One pooled, keep-alive HTTP agent for all subgraph calls, with a deadline per fetch so a slow
 * subgraph cannot hold a router request forever; a fetch also ends when its operation times out.
 */
export function createSubgraphFetcher(timeoutMs: number): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 128 });
  // The gateway's Fetcher type is a structural subset of fetch; undici's fetch satisfies it at runtime.
  const fetcher = ((url: string, init?: object) => {
    const operation = currentOperationSignal();
    const deadline = AbortSignal.timeout(timeoutMs);
    return undiciFetch(url, {
      ...init,
      dispatcher: agent,
      signal: operation ? AbortSignal.any([deadline, operation]) : deadline,
    });
  }) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}

export function createSubgraphMetrics(registry: Registry) {
  return {
    fetches: new Counter({
      name: "subgraph_fetches_total",
      help: "Fetches from the router to subgraphs, by subgraph and outcome.",
      labelNames: ["subgraph", "outcome"] as const,
      registers: [registry],
    }),
    fetchDuration: new Histogram({
      name: "subgraph_fetch_duration_seconds",
      help: "Time of one router-to-subgraph fetch.",
      labelNames: ["subgraph"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}

function isRouterContext(context: object): context is RouterContext {
  return typeof (context as Partial<RouterContext>).requestId === "string";
}

/**
 * Forwards who is calling: the bearer token (subgraphs verify it again and enforce access),
 * the request id (log correlation) and the end client's address (throttling, audit).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    fetcher: Fetcher,
    private readonly metrics: ReturnType<typeof createSubgraphMetrics>,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>) {
    const headers = request.http?.headers;
    // Gateway-internal fetches (health checks) carry no request context.
    if (!headers || !isRouterContext(context)) return;
    headers.set("x-request-id", context.requestId);
    if (context.authorization) headers.set("authorization", context.authorization);
    if (context.clientIp) headers.set("x-client-ip", context.clientIp);
    if (context.cartToken) headers.set("x-cart-token", context.cartToken);
  }

  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>) {
    const stop = this.metrics.fetchDuration.startTimer({ subgraph: this.subgraph });
    try {
      const response = await super.process(options);
      this.metrics.fetches.inc({
        subgraph: this.subgraph,
        outcome: response.errors?.length ? "error" : "ok",
      });
      return response;
    } catch (error) {
      this.metrics.fetches.inc({ subgraph: this.subgraph, outcome: "failed" });
      throw error;
    } finally {
      stop();
    }
  }
}
