import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { Logger } from "./logger";
import type { ServiceMetrics } from "./metrics";
import { runInRequestScope, type RequestScope } from "./request-scope";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

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
}

export interface RunningHttpService {
  url: string;
  port: number;
  server: http.Server;
  /** Stops taking requests, lets in-flight ones finish (up to `graceMs`), then closes sockets. */
  close(graceMs?: number): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A caller-supplied request id is kept when well-formed, so one id follows a request across services. */
export function requestIdFrom(req: IncomingMessage): string {
  const header = req.headers["x-request-id"];
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
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
    try {
      context = await options.context(req, scope);
    } catch (error) {
      if (error instanceof GraphQLError) {
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
        sendJson(res, status, graphqlErrorBody(error));
        return;
      }
      throw error;
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
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
        ["/health", "/ready", "/metrics"].includes(path)
          ? path
          : "other";
      options.metrics.httpRequests.inc({ route, status: String(res.statusCode) });
    });
    runInRequestScope(scope, async () => {
      try {
        if (draining) res.setHeader("connection", "close");
        if (path === "/health" && req.method === "GET") return sendJson(res, 200, { status: "ok" });
        if (path === "/ready" && req.method === "GET") {
          const checks = await ready();
          const ok = !draining && Object.values(checks).every((v) => v === "ok");
          return sendJson(res, ok ? 200 : 503, { status: ok ? "ready" : "not ready", checks });
        }
        if (path === "/metrics" && req.method === "GET") {
          res.writeHead(200, { "content-type": options.metrics.registry.contentType });
          return res.end(await options.metrics.registry.metrics());
        }
        const route = options.routes?.[path];
        if (route && req.method === "GET") return await route(req, res);
        if (path === graphqlPath) return await handleGraphQL(req, res, scope);
        sendJson(res, 404, { error: "not found" });
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          sendJson(res, 413, {
            errors: [
              { message: "The request body is too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } },
            ],
          });
          req.resume();
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

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}${graphqlPath}`;
  log.info({ url }, `${options.name} listening`);

  return {
    url,
    port,
    server,
    close: async (graceMs = 10_000) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
