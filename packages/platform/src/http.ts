import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { Logger } from "./logger";
import type { ServiceMetrics } from "./metrics";
import { runInRequestScope, type RequestScope } from "./request-scope";

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
  return typeof value === "string" && REQUEST_ID.test(value) ? value : randomUUID();
}

export class PayloadTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new PayloadTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new PayloadTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
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

function graphqlErrorBody(error: GraphQLError) {
  const { http: _http, ...extensions } = error.extensions;
  return { errors: [{ message: error.message, extensions }] };
}

/** A refusal as a response: status and headers (e.g. Retry-After) from `extensions.http`, Apollo's convention. */
function sendGraphQLError(res: ServerResponse, error: GraphQLError) {
  const http = error.extensions.http as
    { status?: number; headers?: Map<string, string> | Record<string, string> } | undefined;
  const headers: Record<string, string> = {};
  if (http?.headers) {
    const entries = http.headers instanceof Map ? http.headers.entries() : Object.entries(http.headers);
    for (const [key, value] of entries) headers[key] = value;
  }
  sendJson(res, http?.status ?? 400, graphqlErrorBody(error), headers);
}

const CORS_METHODS = "GET, POST, OPTIONS";

/**
 * Sets the CORS headers of an allowed origin; a missing or refused origin gets none, so the
 * browser blocks the response. Returns whether the origin is allowed.
 */
function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  res.setHeader("vary", "Origin");
  const origin = req.headers.origin;
  if (!origin || !policy.origins.includes(origin)) return false;
  res.setHeader("access-control-allow-origin", origin);
  if (policy.exposeHeaders?.length) {
    res.setHeader("access-control-expose-headers", policy.exposeHeaders.join(", "));
  }
  return true;
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

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, scope: RequestScope) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let body: unknown;
    if (req.method === "POST") {
      const text = await readBody(req, maxBodyBytes);
      const contentType = req.headers["content-type"] ?? "";
      if (contentType.includes("application/json")) {
        try {
          body = text.length ? JSON.parse(text) : {};
        } catch {
          options.onRequestRejected?.("BAD_REQUEST");
          sendJson(res, 400, {
            errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
          });
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
        sendGraphQLError(res, error);
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
    res.writeHead(response.status ?? 200, responseHeaders);
    if (response.body.kind === "complete") {
      res.end(response.body.string);
    } else {
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
        path === graphqlPath ||
        path in (options.routes ?? {}) ||
        ["/health", "/ready"].includes(path)
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
          const ok = !draining && Object.values(checks).every((v) => v === "ok");
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
        if (path === graphqlPath) return await handleGraphQL(req, res, scope);
        sendJson(res, 404, { error: "not found" });
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          options.onRequestRejected?.("PAYLOAD_TOO_LARGE");
          // The rest of the body may still be on its way (chunked, or a client that does not wait):
          // reading it to the end could take as long as the client likes, and the connection cannot
          // carry another request before that. Closed with the answer instead (Node ends the socket
          // once the response is written), so the client's next request opens a new connection.
          sendJson(
            res,
            413,
            {
              errors: [
                { message: "The request body is too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } },
              ],
            },
            { connection: "close" },
          );
          return;
        }
        log.error({ err: error, requestId: scope.requestId }, "request failed");
        if (!res.headersSent) {
          sendJson(res, 500, {
            errors: [
              { message: "Something went wrong on our side.", extensions: { code: "INTERNAL_SERVER_ERROR" } },
            ],
          });
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
