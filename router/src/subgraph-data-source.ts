import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Fetcher, FetcherResponse } from "@apollo/utils.fetcher";
import {
  activeSpan,
  ErrorCode,
  injectTraceHeaders,
  inSpan,
  SpanKind,
  unavailable,
} from "@storefront/platform";
import { GraphQLError } from "graphql";
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
    }).then((response) => {
      activeSpan()?.setAttribute("http.response.status_code", response.status);
      return response;
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
      help: "Time of one router-to-subgraph fetch, by subgraph and outcome (as subgraph_fetches_total).",
      labelNames: ["subgraph", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}

/**
 * A subgraph that refuses a request with a 4xx still answers in GraphQL (401 for a missing
 * sign-in, 400 for bad input): its errors, with their message, code and path, are the answer.
 * Carried out of `errorFromResponse` to `process`, which hands them to the gateway as the fetch's
 * result, as it does for errors in a 200.
 */
class SubgraphGraphQLRefusal extends GraphQLError {
  constructor(readonly body: { data?: unknown; errors: unknown[] }) {
    super("subgraph refused the request");
  }
}

export function isGraphQLErrorBody(body: unknown): body is { data?: unknown; errors: unknown[] } {
  if (!body || typeof body !== "object") return false;
  const errors = (body as { errors?: unknown }).errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (e) => !!e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string",
    )
  );
}

/** What a client may learn of a non-GraphQL failure status; the rest (URL, body) goes to the log only. */
export function refusalForStatus(status: number): { message: string; code: string } {
  if (status === 401)
    return { message: "You must be signed in to do this.", code: ErrorCode.UNAUTHENTICATED };
  if (status === 403) return { message: "You are not allowed to do this.", code: ErrorCode.FORBIDDEN };
  if (status === 502 || status === 503 || status === 504) {
    const { message, extensions } = unavailable();
    return { message, code: extensions.code as string };
  }
  return {
    message: "Something went wrong on our side. Please try again.",
    code: ErrorCode.INTERNAL_SERVER_ERROR,
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
    // The subgraph's span continues this fetch's trace.
    injectTraceHeaders(headers);
  }

  /**
   * The gateway's own version turns every non-2xx into "401: Unauthorized" with the subgraph's
   * URL, status and body in `extensions.response`, which would reach the client. Here a GraphQL
   * body is passed on as the subgraph's answer, and anything else becomes an error that names
   * nothing internal (the details stay on `originalError`, which only the log sees).
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await this.parseBody(response);
    } catch {
      body = undefined;
    }
    if (response.status >= 400 && response.status < 500 && isGraphQLErrorBody(body)) {
      return new SubgraphGraphQLRefusal(body);
    }
    const { message, code } = refusalForStatus(response.status);
    return new GraphQLError(message, {
      extensions: { code },
      originalError: new Error(
        `subgraph ${this.subgraph} answered HTTP ${response.status} ${response.statusText} (${response.url})`,
      ),
    });
  }

  override process(options: GraphQLDataSourceProcessOptions<RouterContext>) {
    return inSpan(
      "router",
      `fetch ${this.subgraph}`,
      { kind: SpanKind.CLIENT, attributes: { "graphql.subgraph.name": this.subgraph } },
      () => this.fetchFromSubgraph(options),
    );
  }

  private async fetchFromSubgraph(options: GraphQLDataSourceProcessOptions<RouterContext>) {
    const stop = this.metrics.fetchDuration.startTimer({ subgraph: this.subgraph });
    try {
      const response = await super.process(options).catch((error: unknown) => {
        if (error instanceof SubgraphGraphQLRefusal)
          return error.body as Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;
        throw error;
      });
      const outcome = response.errors?.length ? "error" : "ok";
      this.metrics.fetches.inc({ subgraph: this.subgraph, outcome });
      stop({ outcome });
      return response;
    } catch (error) {
      this.metrics.fetches.inc({ subgraph: this.subgraph, outcome: "failed" });
      stop({ outcome: "failed" });
      // No answer at all (refused, reset, past the fetch deadline) is the subgraph being
      // unavailable, which a client may retry; the operation's own timeout is answered as such.
      if (error instanceof GraphQLError || currentOperationSignal()?.aborted) throw error;
      throw unavailable(
        new Error(`subgraph ${this.subgraph} did not answer: ${String(error)}`, { cause: error }),
      );
    }
  }
}
