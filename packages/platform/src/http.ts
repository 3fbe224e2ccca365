import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from "@apollo/server";
import { GraphQLError } from "graphql";
import { Gauge } from "prom-client";
import type { Logger } from "./logger";
import type { ServiceMetrics } from "./metrics";
import { runInBackground, runInRequestScope, type RequestScope } from "./request-scope";
import { extractTraceContext, inSpan, SpanKind, withParent } from "./tracing";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Which browser origins may call the GraphQL endpoint; others get no CORS headers at all. */
export interface CorsPolicy {
  /** Exact origins, e.g. `https://shop.example.com`. */
  origins: string[];
  /** Request headers a browser may send, answered to preflights. */
  allowHeaders: string[];
  /** Response headers a browser script may read. */
  exposeHeaders?: string[];
  /** How long a browser may reuse a preflight answer. */
  maxAgeSeconds?: number;
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  name: string;
  port: number;
  host?: string;
  log: Logger;
  metrics: ServiceMetrics;
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; a thrown GraphQLError becomes the response (e.g. 401). */
  context: (req: IncomingMessage, scope: RequestScope) => Promise<TContext>;
  /** Named checks behind GET /ready: each must resolve for the process to take traffic. */
  readiness: Record<string, () => Promise<void> | void>;
  /** Extra GET routes by exact path, e.g. /.well-known/jwks.json. */
  routes?: Record<string, RouteHandler>;
  maxBodyBytes?: number;
  graphqlPath?: string;
  /** CORS for the GraphQL endpoint; without it no CORS headers are sent. */
  cors?: CorsPolicy;
  /**
   * Runs once the body is read and the context built, before Apollo: returns the request to run
   * (possibly rewritten) or throws a GraphQLError to refuse it (status and headers from
   * `extensions.http`, 400 by default).
   */
  prepareRequest?: (request: HTTPGraphQLRequest, context: TContext) => Promise<HTTPGraphQLRequest>;
  /** Told the code of every request this layer refuses itself (413, bad JSON, context or prepare errors). */
  onRequestRejected?: (code: string) => void;
  /**
   * GraphQL over HTTP's watershed for legacy clients: when the response goes out as
   * `application/json`, a GraphQL request error Apollo answered with 400 (the document does not
   * parse or validate, a variable does not coerce, no operation to run) answers 200 instead, as
   * the spec asks of that media type; `application/graphql-response+json` keeps the 4xx.
   */
  legacyJsonRequestErrorsAs200?: boolean;
  /**
   * Cross-site request forgery: which headers prove that a browser asked the server first
   * (preflight). When set, this layer enforces the rule before the token is verified or anything
   * counted (see `forgeable`); Apollo's own check, which also blocks every plain GET, is then off.
   */
  csrfPrevention?: { requestHeaders: string[] };
  /**
   * Port of the server that answers `GET /metrics` (0: a free one, the default). Metrics are
   * never served on the public port: they describe the service's internals and traffic, and a
   * scrape should not compete with (or be rate-limited like) client requests.
   */
  metricsPort?: number;
}

export interface RunningHttpService {
  url: string;
  port: number;
  /** The port `/metrics` is served on, and its URL. */
  metricsPort: number;
  metricsUrl: string;
  server: http.Server;
  /** Stops taking requests, lets in-flight ones finish (up to `graceMs`), then closes sockets. */
  close(graceMs?: number): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A caller-supplied request id is kept when well-formed, so one id follows a request across services. */
export function requestIdFrom(req: IncomingMessage): string {
  const header = req.headers["x-request-id"];
  return wellFormedRequestId(Array.isArray(header) ? header[0] : header);
}

/** The id when it is one (from a header or a graphql-ws `connection_init`), a new one otherwise. */
export function wellFormedRequestId(value: unknown): string {
  return typeof value === "string" && REQUEST_ID.test(value) ? value : newRequestId();
}

/**
 * A new id. Node builds a UUID by concatenating its parts, which V8 keeps as a chain of a dozen
 * string pieces (about 350 bytes) until something flattens it; the id of a subscription
 * connection is held for the connection's life, so it is made flat (about 56 bytes) at once.
 */
function newRequestId(): string {
  return Buffer.from(randomUUID(), "latin1").toString("latin1");
}

export class PayloadTooLargeError extends Error {}

/**
 * The request's body as text, refused past `limit` bytes (declared or sent). Read with listeners
 * removed once it is in, not `for await`: the async iterator leaves its end-of-stream listeners
 * (seven closures) on the request, which a streaming subscription keeps for hours.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.reject(new PayloadTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      settle(new PayloadTooLargeError());
      // The rest is discarded as it comes; the answer closes the connection.
      req.resume();
    };
    const onEnd = () => settle();
    const onError = (error: Error) => settle(error);
    // The client went away before the body was complete.
    const onClose = () => settle(new Error("the request was aborted before its body was complete"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}

const JSON_MEDIA_TYPE = "application/json; charset=utf-8";
const GRAPHQL_RESPONSE_MEDIA_TYPE = "application/graphql-response+json; charset=utf-8";
const GRAPHQL_MEDIA_TYPES = [
  { essence: "application/json", header: JSON_MEDIA_TYPE },
  { essence: "application/graphql-response+json", header: GRAPHQL_RESPONSE_MEDIA_TYPE },
] as const;

/**
 * The media type of a GraphQL response to a request with this `Accept` header, chosen as Apollo
 * Server chooses it (quality, then the most specific range, then the header's order, then
 * application/json), so the router's own refusals and Apollo's answers never differ. Without an
 * acceptable type it is application/json: a refusal is still better read than a bare 406.
 */
export function graphqlResponseMediaType(accept: string | undefined): string {
  if (!accept) return JSON_MEDIA_TYPE;
  const ranges = accept.split(",").map((part, order) => {
    const [range = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { range, quality: Number.isFinite(quality) ? quality : 0, order };
  });
  let best: { header: string; quality: number; specificity: number; order: number } | undefined;
  for (const type of GRAPHQL_MEDIA_TYPES) {
    let match: { quality: number; specificity: number; order: number } | undefined;
    for (const { range, quality, order } of ranges) {
      const specificity =
        range === type.essence ? 2 : range === "application/*" ? 1 : range === "*/*" ? 0 : -1;
      if (specificity >= 0 && (!match || specificity > match.specificity))
        match = { quality, specificity, order };
    }
    if (!match || match.quality <= 0) continue;
    const better =
      !best ||
      match.quality > best.quality ||
      (match.quality === best.quality &&
        (match.specificity > best.specificity ||
          (match.specificity === best.specificity && match.order < best.order)));
    if (better) best = { header: type.header, ...match };
  }
  return best?.header ?? JSON_MEDIA_TYPE;
}

/** A GraphQL response of errors only, in the media type the client accepts. */
function sendGraphQLErrors(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  errors: { message: string; extensions: Record<string, unknown> }[],
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify({ errors });
  // A refusal says nothing a cache may keep (it depends on the key, the limit, the moment).
  res.writeHead(status, {
    "content-type": graphqlResponseMediaType(req.headers.accept),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** A refusal as a response: status and headers (e.g. Retry-After) from `extensions.http`, Apollo's convention. */
function sendGraphQLError(req: IncomingMessage, res: ServerResponse, error: GraphQLError) {
  const { http: _http, ...extensions } = error.extensions;
  const http = error.extensions.http as
    { status?: number; headers?: Map<string, string> | Record<string, string> } | undefined;
  const headers: Record<string, string> = {};
  if (http?.headers) {
    const entries = http.headers instanceof Map ? http.headers.entries() : Object.entries(http.headers);
    for (const [key, value] of entries) headers[key] = value;
  }
  sendGraphQLErrors(req, res, http?.status ?? 400, [{ message: error.message, extensions }], headers);
}

/** The errors GraphQL over HTTP calls request errors, by the codes Apollo gives them. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * 200 for a single `application/json` response that Apollo failed with 400 for request errors
 * only (no `data`); anything else (a batch, a refusal with another code, the other media type)
 * keeps its status.
 */
function legacyJsonStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith("application/json")) return status;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return status;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || "data" in parsed) return status;
  const errors = (parsed as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return status;
  const requestErrorsOnly = errors.every((error) =>
    REQUEST_ERROR_CODES.has(
      (error as { extensions?: { code?: unknown } } | null)?.extensions?.code as string,
    ),
  );
  return requestErrorsOnly ? 200 : status;
}

/** Content types a page on any site may POST without the browser asking the server first. */
const SIMPLE_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/**
 * Whether a request could have been sent by a page on another site without a preflight, and
 * carries none of the headers that prove one (`requestHeaders`). A POST must be preflighted: a
 * JSON content type or one of those headers (Apollo's rule). A GET runs only queries (a mutation
 * over GET is 405) and the router reads no ambient credential (no cookies; the token, API key and
 * cart token are headers a cross-site page cannot attach without a preflight), so a plain GET from
 * a program (curl, a CDN, a GraphQL-over-HTTP client) is served. Browsers label every request with
 * `Sec-Fetch-Site`, which scripts cannot set: a GET a browser marks as coming from another origin
 * still needs one of the headers, so a page elsewhere cannot make a signed-in visitor's browser
 * run or time an operation.
 */
export function forgeable(req: IncomingMessage, requestHeaders: string[]): boolean {
  const carriesProof = requestHeaders.some((name) => {
    const value = req.headers[name];
    return value !== undefined && value.length > 0;
  });
  if (carriesProof) return false;
  if (req.method === "GET") {
    const site = req.headers["sec-fetch-site"];
    return site !== undefined && site !== "same-origin" && site !== "none";
  }
  const contentType = req.headers["content-type"];
  if (contentType === undefined) return true;
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return SIMPLE_CONTENT_TYPES.includes(essence);
}

const CORS_METHODS = "GET, POST, OPTIONS";

/**
 * Sets the CORS headers of an allowed origin; a missing or refused origin gets none, so the
 * browser blocks the response. Returns whether the origin is allowed.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  const headers = corsHeaders(req, policy);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  return "access-control-allow-origin" in headers;
}

/** The CORS headers `applyCors` sets, for a response that writes its head at once. */
export function corsHeaders(req: IncomingMessage, policy: CorsPolicy): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !policy.origins.includes(origin)) return { vary: "Origin" };
  return {
    vary: "Origin",
    "access-control-allow-origin": origin,
    ...(policy.exposeHeaders?.length
      ? { "access-control-expose-headers": policy.exposeHeaders.join(", ") }
      : {}),
  };
}

export async function startHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): Promise<RunningHttpService> {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const log = options.log;
  let draining = false;

  const ready = async (): Promise<Record<string, string>> => {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(options.readiness).map(async ([name, check]) => {
        try {
          await check();
          results[name] = "ok";
        } catch (error) {
          results[name] = error instanceof Error ? error.message : "failed";
        }
      }),
    );
    return results;
  };
  const isReady = (checks: Record<string, string>) =>
    !draining && Object.values(checks).every((v) => v === "ok");
  // Evaluated at each scrape, so a readiness that comes and goes (a flaky dependency) shows as
  // changes of this series whether or not anything probes /ready.
  new Gauge({
    name: "service_ready",
    help: "1 when every readiness check passes and the service is not draining, else 0.",
    registers: [options.metrics.registry],
    async collect() {
      this.set(isReady(await runInBackground("readiness metric", ready)) ? 1 : 0);
    },
  });

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, scope: RequestScope) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const csrf = options.csrfPrevention;
    if (csrf && (req.method === "GET" || req.method === "POST") && forgeable(req, csrf.requestHeaders)) {
      options.onRequestRejected?.("BAD_REQUEST");
      sendGraphQLErrors(req, res, 400, [
        {
          message:
            "This request was blocked as a possible cross-site request forgery. Send it with " +
            `\`content-type: application/json\` or one of these headers: ${csrf.requestHeaders.join(", ")}.`,
          extensions: { code: "BAD_REQUEST" },
        },
      ]);
      return;
    }
    let body: unknown;
    if (req.method === "POST") {
      const text = await readBody(req, maxBodyBytes);
      const contentType = req.headers["content-type"] ?? "";
      if (contentType.includes("application/json")) {
        try {
          body = text.length ? JSON.parse(text) : {};
        } catch {
          options.onRequestRejected?.("BAD_REQUEST");
          sendGraphQLErrors(req, res, 400, [
            { message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } },
          ]);
          return;
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let context: TContext;
    let httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method ?? "GET",
      headers,
      search: url.search,
      body,
    };
    try {
      context = await options.context(req, scope);
      if (options.prepareRequest)
        httpGraphQLRequest = await options.prepareRequest(httpGraphQLRequest, context);
    } catch (error) {
      if (error instanceof GraphQLError) {
        const code = error.extensions.code;
        options.onRequestRejected?.(typeof code === "string" ? code : "BAD_REQUEST");
        sendGraphQLError(req, res, error);
        return;
      }
      throw error;
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => Promise.resolve(context),
    });
    const responseHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) responseHeaders[key] = value;
    // writeHead's headers replace those set before: keep CORS's `Vary: Origin` beside Apollo's.
    const vary = res.getHeader("vary");
    if (vary && responseHeaders.vary) responseHeaders.vary = `${String(vary)}, ${responseHeaders.vary}`;
    if (response.body.kind === "complete") {
      const status = options.legacyJsonRequestErrorsAs200
        ? legacyJsonStatus(response.status ?? 200, response.headers.get("content-type"), response.body.string)
        : (response.status ?? 200);
      res.writeHead(status, responseHeaders);
      res.end(response.body.string);
    } else {
      res.writeHead(response.status ?? 200, responseHeaders);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer((req, res) => {
    const scope: RequestScope = { requestId: requestIdFrom(req), sqlStatements: 0 };
    res.setHeader("x-request-id", scope.requestId);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    res.on("finish", () => {
      const route =
        path === graphqlPath || path in (options.routes ?? {}) || ["/health", "/ready"].includes(path)
          ? path
          : "other";
      options.metrics.httpRequests.inc({ route, status: String(res.statusCode) });
    });
    log.debug({ requestId: scope.requestId, method: req.method, path }, "request received");
    runInRequestScope(scope, async () => {
      try {
        if (draining) res.setHeader("connection", "close");
        if (path === "/health" && req.method === "GET") return sendJson(res, 200, { status: "ok" });
        if (path === "/ready" && req.method === "GET") {
          const checks = await ready();
          const ok = isReady(checks);
          return sendJson(res, ok ? 200 : 503, { status: ok ? "ready" : "not ready", checks });
        }
        const route = options.routes?.[path];
        if (route && req.method === "GET") return await route(req, res);
        if (path === graphqlPath && options.cors) {
          const allowed = applyCors(req, res, options.cors);
          if (req.method === "OPTIONS") {
            // A preflight: an allowed origin learns what it may send; a refused one learns nothing.
            if (allowed) {
              res.setHeader("access-control-allow-methods", CORS_METHODS);
              res.setHeader("access-control-allow-headers", options.cors.allowHeaders.join(", "));
              res.setHeader("access-control-max-age", String(options.cors.maxAgeSeconds ?? 600));
            }
            res.writeHead(204);
            return res.end();
          }
        }
        if (path === graphqlPath)
          return await inSpan(
            options.name,
            `${req.method ?? "GET"} ${graphqlPath}`,
            {
              kind: SpanKind.SERVER,
              attributes: { "http.request.method": req.method ?? "GET", "url.path": graphqlPath },
              // A caller's `traceparent` (the router, another subgraph) makes this span its child.
              ...withParent(extractTraceContext(req.headers)),
            },
            async (span) => {
              await handleGraphQL(req, res, scope);
              span.setAttribute("http.response.status_code", res.statusCode);
            },
          );
        sendJson(res, 404, { error: "not found" });
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          options.onRequestRejected?.("PAYLOAD_TOO_LARGE");
          // The rest of the body may still be on its way (chunked, or a client that does not wait):
          // reading it to the end could take as long as the client likes, and the connection cannot
          // carry another request before that. Closed with the answer instead (Node ends the socket
          // once the response is written), so the client's next request opens a new connection.
          sendGraphQLErrors(
            req,
            res,
            413,
            [{ message: "The request body is too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
            { connection: "close" },
          );
          return;
        }
        log.error({ err: error, requestId: scope.requestId }, "request failed");
        if (!res.headersSent) {
          sendGraphQLErrors(req, res, 500, [
            { message: "Something went wrong on our side.", extensions: { code: "INTERNAL_SERVER_ERROR" } },
          ]);
        } else res.end();
      }
    }).catch(() => {});
  });
  // Longer than the router's idle keep-alive so the router never reuses a socket we just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const metricsServer = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics" || req.method !== "GET") return sendJson(res, 404, { error: "not found" });
    options.metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": options.metrics.registry.contentType });
        res.end(text);
      },
      (error: unknown) => {
        log.error({ err: error }, "metrics could not be collected");
        sendJson(res, 500, { error: "metrics unavailable" });
      },
    );
  });
  const listen = (target: http.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      target.once("error", reject);
      target.listen(port, options.host ?? "0.0.0.0", () => {
        target.off("error", reject);
        resolve((target.address() as AddressInfo).port);
      });
    });
  const metricsPort = await listen(metricsServer, options.metricsPort ?? 0);
  metricsServer.on("error", (error) => log.error({ err: error }, "metrics server error"));
  let port: number;
  try {
    port = await listen(server, options.port);
  } catch (error) {
    await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    throw error;
  }
  const url = `http://localhost:${port}${graphqlPath}`;
  const metricsUrl = `http://localhost:${metricsPort}/metrics`;
  log.info({ url, metricsUrl }, `${options.name} listening`);

  return {
    url,
    port,
    metricsPort,
    metricsUrl,
    server,
    close: async (graceMs = 10_000) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Scrapes are short; the metrics server goes with the service, its last scrape answered.
      const metricsClosed = new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      server.closeIdleConnections();
      metricsServer.closeIdleConnections();
      const timer = setTimeout(() => {
        server.closeAllConnections();
        metricsServer.closeAllConnections();
      }, graceMs);
      await Promise.all([closed, metricsClosed]);
      clearTimeout(timer);
    },
  };
}
