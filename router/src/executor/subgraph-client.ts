import { SpanKind, inSpan, injectTraceHeaders } from "@storefront/platform/tracing";
import { ErrorCode, unavailable } from "@storefront/platform/errors";
import { GraphQLError } from "graphql";
import { Counter, Histogram, type Registry } from "prom-client";
import { Pool } from "undici";
import { currentOperationSignal } from "../protection/timeout";

export function createSubgraphMetrics(registry: Registry) {
  return {
    fetches: new Counter({
      name: "subgraph_fetches_total",
      help: "Fetches from the router to subgraphs, by subgraph and outcome.",
      labelNames: ["subgraph", "outcome"] as const,
      registers: [registry],
    }),
    shared: new Counter({
      name: "subgraph_fetches_shared_total",
      help: "Subgraph fetches answered by an identical call already in flight (deduplication), by subgraph.",
      labelNames: ["subgraph"] as const,
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

/** What a subgraph answered, as the GraphQL-over-HTTP response body. */
export interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: SubgraphError[];
  extensions?: Record<string, unknown>;
}

export interface SubgraphError {
  message?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** Who is calling, forwarded to every subgraph: subgraphs verify the token again and enforce access. */
export interface ForwardedCaller {
  requestId: string;
  authorization: string | undefined;
  clientIp: string | undefined;
  cartToken: string | undefined;
}

export interface SubgraphClientOptions {
  /** Deadline of one subgraph call: until its response headers, and between chunks of its body. */
  timeoutMs: number;
  metrics: ReturnType<typeof createSubgraphMetrics>;
  /** Share one in-flight call among identical concurrent query fetches (never mutations). */
  dedupe: boolean;
  /** Keep-alive connections per subgraph. */
  connections?: number;
}

interface RawAnswer {
  status: number;
  contentType: string;
  cacheControl: string | undefined;
  text: string;
}

/** The request's cache policy, which each subgraph's Cache-Control restricts (Apollo's `CachePolicy`). */
export interface CachePolicy {
  restrict(hint: { maxAge?: number; scope?: "PUBLIC" | "PRIVATE" }): void;
}

/**
 * The router's HTTP client for subgraphs: one keep-alive undici `Pool` per subgraph origin,
 * called through `pool.request` (no WHATWG fetch, no web streams, no `AbortSignal` per call: the
 * deadline is undici's own headers and body timeouts, and the operation's one signal ends what is
 * left when the operation times out).
 *
 * Identical query fetches in flight at the same time (same subgraph, same body, same forwarded
 * credentials: token and cart token) share one call; each caller parses the answer itself, so no
 * two requests share the objects they then merge into.
 */
export class SubgraphClient {
  private readonly pools = new Map<string, Pool>();
  private readonly inFlight = new Map<string, Promise<RawAnswer>>();

  constructor(private readonly options: SubgraphClientOptions) {}

  private poolFor(url: URL): Pool {
    let pool = this.pools.get(url.origin);
    if (!pool) {
      pool = new Pool(url.origin, {
        connections: this.options.connections ?? 128,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 60_000,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      this.pools.set(url.origin, pool);
    }
    return pool;
  }

  /**
   * One GraphQL call to a subgraph. A GraphQL answer (also in a 4xx: a missing sign-in, bad input)
   * is returned as it is; anything else becomes an error that names nothing internal, with the
   * details on `originalError` for the log. No answer at all is UNAVAILABLE, which a client may retry.
   */
  call(
    service: string,
    url: URL,
    body: string,
    caller: ForwardedCaller | undefined,
    query: boolean,
    cachePolicy?: CachePolicy,
  ): Promise<SubgraphResponse> {
    return inSpan(
      "router",
      `fetch ${service}`,
      { kind: SpanKind.CLIENT, attributes: { "graphql.subgraph.name": service } },
      async (span) => {
        const stop = this.options.metrics.fetchDuration.startTimer({ subgraph: service });
        let outcome = "failed";
        try {
          const answer = await this.send(service, url, body, caller, query && this.options.dedupe);
          span.setAttribute("http.response.status_code", answer.status);
          const response = interpret(service, url, answer);
          if (cachePolicy) cachePolicy.restrict(cacheHint(answer.cacheControl));
          outcome = response.errors?.length ? "error" : "ok";
          return response;
        } catch (error) {
          if (isGraphQLErrorShape(error) || currentOperationSignal()?.aborted) throw error;
          throw unavailable(
            new Error(`subgraph ${service} did not answer: ${String(error)}`, { cause: error }),
          );
        } finally {
          this.options.metrics.fetches.inc({ subgraph: service, outcome });
          stop({ outcome });
        }
      },
    );
  }

  private send(
    service: string,
    url: URL,
    body: string,
    caller: ForwardedCaller | undefined,
    share: boolean,
  ): Promise<RawAnswer> {
    if (!share) return this.request(url, body, caller);
    // Keyed with the credentials a subgraph answers by (the token, a guest cart's token). The
    // request id and address the shared call carries are the first caller's: subgraphs read the
    // address only for mutations (sign-in throttling, audit), which are never shared.
    const key = `${url.href}\n${caller?.authorization ?? ""}\n${caller?.cartToken ?? ""}\n${body}`;
    const existing = this.inFlight.get(key);
    if (existing) {
      this.options.metrics.shared.inc({ subgraph: service });
      return existing;
    }
    const pending = this.request(url, body, caller).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, pending);
    return pending;
  }

  private async request(url: URL, body: string, caller: ForwardedCaller | undefined): Promise<RawAnswer> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
    };
    if (caller) {
      headers["x-request-id"] = caller.requestId;
      if (caller.authorization) headers.authorization = caller.authorization;
      if (caller.clientIp) headers["x-client-ip"] = caller.clientIp;
      if (caller.cartToken) headers["x-cart-token"] = caller.cartToken;
    }
    // The subgraph's span continues this fetch's trace.
    injectTraceHeaders({ set: (name: string, value: string) => (headers[name] = value) });
    const signal = currentOperationSignal();
    const response = await this.poolFor(url).request({
      path: url.pathname + url.search,
      method: "POST",
      headers,
      body,
      ...(signal ? { signal } : {}),
    });
    const contentType = response.headers["content-type"];
    const cacheControl = response.headers["cache-control"];
    return {
      status: response.statusCode,
      contentType: Array.isArray(contentType) ? contentType.join(",") : (contentType ?? ""),
      cacheControl: Array.isArray(cacheControl) ? cacheControl.join(",") : cacheControl,
      text: await response.body.text(),
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }
}

/**
 * A subgraph's Cache-Control as a hint: its max-age (none is 0, so an answer without the header
 * makes the whole response uncacheable) and its scope.
 */
function cacheHint(header: string | undefined): { maxAge: number; scope?: "PUBLIC" | "PRIVATE" } {
  const hint: { maxAge: number; scope?: "PUBLIC" | "PRIVATE" } = { maxAge: 0 };
  if (!header) return hint;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [name, value] = part.split(/\s*=\s*/, 2);
    if (name === "max-age" && value && /^[0-9]+$/.test(value.replace(/^"|"$/g, "")))
      hint.maxAge = +value.replace(/^"|"$/g, "");
    else if (name === "private" && value === undefined) hint.scope = "PRIVATE";
    else if (name === "public" && value === undefined) hint.scope = "PUBLIC";
  }
  return hint;
}

function isGraphQLErrorShape(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === "GraphQLError";
}

function interpret(service: string, url: URL, answer: RawAnswer): SubgraphResponse {
  let body: unknown;
  if (answer.contentType.includes("json")) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
  }
  const ok = answer.status >= 200 && answer.status < 300;
  const graphQLBody =
    !!body && typeof body === "object" && !Array.isArray(body) && ("data" in body || "errors" in body);
  if (ok && graphQLBody) return body as SubgraphResponse;
  if (answer.status >= 400 && answer.status < 500 && isGraphQLErrorBody(body))
    return body as SubgraphResponse;
  const { message, code } = ok
    ? {
        message: "Something went wrong on our side. Please try again.",
        code: ErrorCode.INTERNAL_SERVER_ERROR,
      }
    : refusalForStatus(answer.status);
  throw new GraphQLError(message, {
    extensions: { code },
    originalError: new Error(
      ok
        ? `subgraph ${service} answered HTTP ${answer.status} without a GraphQL body (${url.href})`
        : `subgraph ${service} answered HTTP ${answer.status} (${url.href})`,
    ),
  });
}
