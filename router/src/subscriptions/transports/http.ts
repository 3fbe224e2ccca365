import { IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Logger } from "@storefront/platform/logger";
import { ErrorCode } from "@storefront/platform/errors";
import {
  PayloadTooLargeError,
  corsHeaders,
  forgeable,
  readBody,
  requestIdFrom,
  type CorsPolicy,
} from "@storefront/platform/http";
import {
  getOperationAST,
  OperationTypeNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from "graphql";
import type { AdmissionRequest } from "../../admission";
import { API_KEY_HEADER } from "../../clients";
import { clientIpOf } from "../../context";
import { persistedQueryHash } from "../../persisted/resolve";
import type { Protection } from "../../protection";
import { parseOperation } from "../../protection/limits";
import { refusal, SubscriptionErrorCode, unavailable } from "../errors";
import {
  subscriptionsOnly,
  type ClientEnd,
  type ConnectionEnd,
  type Prepared,
  type SubscriptionConnection,
  type SubscriptionCore,
} from "./core";
import { multipartStream, MULTIPART_SUBSCRIPTION_SPEC } from "./multipart";
import { releaseHeaders } from "./response";
import { sseStream } from "./sse";

/** How an HTTP subscription stream is framed; each is a `transport` label of the metrics. */
export type StreamKind = "sse" | "multipart";

/** What a transport writes: events, then either the end or the errors that end the stream. */
export interface StreamWriter {
  /** Sends a result; false when the client's socket is full (wait for `drain` before the next). */
  next(result: FormattedExecutionResult): boolean;
  /**
   * Ends the stream with errors: `operation` ones concern the subscription (a refusal, the subgraph
   * refusing it); `transport` ones the connection (credentials, the router ending it).
   */
  fail(errors: readonly GraphQLFormattedError[], level: "operation" | "transport"): void;
  complete(): void;
  /** The client closed the request: nothing more is written (heartbeats stop). */
  closed(): void;
}

export interface HttpSubscriptionOptions {
  core: SubscriptionCore;
  /** The router's GraphQL path, which these transports share with the API and graphql-ws. */
  path: string;
  protection: Protection;
  trustProxy: boolean;
  maxBodyBytes: number;
  /** Interval of the heartbeats that keep a stream open through proxies. */
  heartbeatMs: number;
  cors?: CorsPolicy;
  /** Headers that prove a browser asked first (the HTTP layer's CSRF rule, applied the same here). */
  csrfHeaders: string[];
  log: Logger;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The stream an `Accept` header asks for: Apollo's multipart subscriptions
 * (`multipart/mixed;subscriptionSpec="1.0"`) or GraphQL over SSE (`text/event-stream`), whichever
 * comes first with a quality above 0; none for anything else.
 */
export function streamKindOf(accept: string | undefined): StreamKind | undefined {
  for (const range of (accept ?? "").split(",")) {
    const [essence = "", ...params] = range.split(";").map((piece) => piece.trim().toLowerCase());
    const param = (name: string) =>
      params
        .find((p) => p.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .replace(/^"(.*)"$/, "$1");
    if (param("q") !== undefined && !(Number(param("q")) > 0)) continue;
    if (essence === "multipart/mixed" && param("subscriptionspec") === MULTIPART_SUBSCRIPTION_SPEC)
      return "multipart";
    if (essence === "text/event-stream") return "sse";
  }
  return undefined;
}

/** A JSON parameter of a GET request; `invalid` when it is there but not JSON. */
function jsonParam(params: URLSearchParams, name: string): unknown {
  const value = params.get(name);
  if (value === null || value === "") return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return INVALID;
  }
}
const INVALID = Symbol("invalid");

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value);

/** The operation request of a GET's query string, or undefined when it is malformed. */
function requestOfQueryString(url: URL): AdmissionRequest | undefined {
  const params = url.searchParams;
  const variables = jsonParam(params, "variables");
  const extensions = jsonParam(params, "extensions");
  if (variables === INVALID || extensions === INVALID) return undefined;
  if (variables !== undefined && !isRecord(variables)) return undefined;
  return {
    query: params.get("query") ?? undefined,
    operationName: params.get("operationName"),
    variables: variables,
    extensions,
    documentId: params.get("documentId") ?? undefined,
  };
}

/** The operation request of a POST's JSON body (one operation, not a batch), or undefined. */
function requestOfBody(text: string): AdmissionRequest | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  if (body.variables !== undefined && body.variables !== null && !isRecord(body.variables)) return undefined;
  if (
    body.operationName !== undefined &&
    body.operationName !== null &&
    typeof body.operationName !== "string"
  )
    return undefined;
  return body;
}

/** The request again, its body read already, for the API's listener. */
function replayed(req: IncomingMessage, body: string): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  // Complete: the body is all there (an incomplete message destroys its socket once read).
  copy.complete = true;
  copy.push(Buffer.from(body, "utf8"));
  copy.push(null);
  return copy;
}

const HTTP_TRANSPORT = subscriptionsOnly(
  "Only subscriptions are streamed; send queries and mutations without a streaming Accept header.",
);

/** What a client gets when the router ends its connection. */
function endedError(reason: ConnectionEnd): GraphQLFormattedError {
  if (reason === "going away") return unavailable();
  return refusal(
    ErrorCode.UNAUTHENTICATED,
    reason === "token expired" ? "The access token has expired." : "The session has ended.",
  );
}

/**
 * One streaming request as the core sees it (its client end) and as its subscription reports to
 * it (a failure queued): one object per stream with its methods on the prototype, rather than a
 * closure per callback, which under tsx each carry their renamed-function properties.
 */
class HttpStream implements ClientEnd {
  /** The client closed the request. */
  gone = false;
  /** Why the router ended the connection, if it did. */
  ended: ConnectionEnd | undefined;
  results: AsyncIterableIterator<FormattedExecutionResult> | undefined;
  /** Wakes a delivery waiting for the socket to drain. */
  private wake: (() => void) | undefined;

  constructor(readonly writer: StreamWriter) {}

  get open(): boolean {
    return !this.gone;
  }

  end(reason: ConnectionEnd): void {
    this.ended ??= reason;
    void this.results?.return?.();
  }

  /** The subscription queued a failure: a delivery waiting for the socket reads on, to send it. */
  onFailure(): void {
    this.wakeUp();
  }

  closed(): void {
    this.gone = true;
    this.writer.closed();
    this.wakeUp();
    void this.results?.return?.();
  }

  /** Resolves once the response can take more, is gone, or a failure is queued. */
  drained(res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      res.removeListener("drain", streamDrained);
      res.once("drain", streamDrained);
    });
  }

  wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** Every open stream by its response, for the listeners below, which every response shares. */
const streams = new WeakMap<ServerResponse, HttpStream>();

function streamClosed(this: ServerResponse): void {
  streams.get(this)?.closed();
}

function streamDrained(this: ServerResponse): void {
  streams.get(this)?.wakeUp();
}

/**
 * Federated subscriptions over HTTP on the router's GraphQL path, beside graphql-ws: GraphQL over
 * Server-Sent Events (the graphql-sse protocol, distinct connections mode) for `Accept:
 * text/event-stream`, and Apollo's multipart subscriptions for `Accept:
 * multipart/mixed;subscriptionSpec="1.0"`, by GET or POST. Each request is one connection holding
 * one subscription: its caller identified from its headers as HTTP's are, the subscription
 * admitted, planned and run by the same core as graphql-ws. Only subscriptions are streamed: a
 * query or mutation sent with such a header goes to the API as any other request does. The client
 * closing the request ends the subscription and its subgraph connection.
 *
 * Put in front of the server's request listeners (as the explorer is).
 */
export function attachHttpSubscriptions(server: Server, options: HttpSubscriptionOptions) {
  const { core, protection, log } = options;
  // Both transports' series are shown (at 0) from the start.
  core.metrics.transport("sse");
  core.metrics.transport("multipart");
  const api = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  const toApi = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of api) listener(req, res);
  };

  /** The operation's type when the request says which it is, without counting or refusing anything. */
  async function operationTypeOf(
    request: AdmissionRequest,
    req: IncomingMessage,
  ): Promise<OperationTypeNode | undefined> {
    let text = typeof request.query === "string" && request.query ? request.query : undefined;
    if (!text) {
      const key = req.headers[API_KEY_HEADER];
      const apiKey = Array.isArray(key) ? key[0] : key;
      try {
        const resolution = protection.resolvePersisted(
          request,
          apiKey ? protection.clients.identify(apiKey) : undefined,
        );
        if (resolution.kind === "manifest") text = resolution.operation.body;
      } catch {
        return undefined;
      }
      const hash = persistedQueryHash(request.extensions);
      // The cache unreachable: the admission stage answers for it.
      if (!text && hash) text = await protection.apqCache.get(`apq:${hash}`).catch(() => undefined);
    }
    if (!text) return undefined;
    const parsed = parseOperation(text, protection.limits);
    if ("errors" in parsed) return undefined;
    return getOperationAST(parsed.document, request.operationName ?? undefined)?.operation;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://router");
    const kind = req.method === "GET" || req.method === "POST" ? streamKindOf(req.headers.accept) : undefined;
    // Anything else, and what the API refuses before reading the request (a possible cross-site
    // forgery, a body declared too large, a body that is not JSON), goes to the API untouched.
    const declared = Number(req.headers["content-length"] ?? 0);
    if (
      url.pathname !== options.path ||
      !kind ||
      forgeable(req, options.csrfHeaders) ||
      declared > options.maxBodyBytes ||
      (req.method === "POST" && !(req.headers["content-type"] ?? "").includes("application/json"))
    )
      return toApi(req, res);

    let request: AdmissionRequest | undefined;
    if (req.method === "GET") {
      request = requestOfQueryString(url);
      if (!request) return toApi(req, res);
    } else {
      let text: string;
      try {
        text = await readBody(req, options.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof PayloadTooLargeError)) throw error;
        // A chunked body that grew past the limit: the API would answer the same.
        protection.metrics.rejected("PAYLOAD_TOO_LARGE");
        res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
        res.end(
          JSON.stringify({
            errors: [
              { message: "The request body is too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } },
            ],
          }),
        );
        return;
      }
      request = requestOfBody(text);
      if (!request) return toApi(replayed(req, text), res);
      const type = await operationTypeOf(request, req);
      if (type === OperationTypeNode.QUERY || type === OperationTypeNode.MUTATION)
        return toApi(replayed(req, text), res);
      return stream(kind, req, res, request);
    }
    const type = await operationTypeOf(request, req);
    if (type === OperationTypeNode.QUERY || type === OperationTypeNode.MUTATION) return toApi(req, res);
    return stream(kind, req, res, request);
  }

  async function stream(
    kind: StreamKind,
    req: IncomingMessage,
    res: ServerResponse,
    request: AdmissionRequest,
  ): Promise<void> {
    const requestId = requestIdFrom(req);
    // Written with the head at once, not set one by one: a header set on the response is kept in
    // a map of its own for the response's life.
    const headers = { "x-request-id": requestId, ...(options.cors ? corsHeaders(req, options.cors) : {}) };
    // The stream is accepted at once: every refusal is sent inside it, as both protocols ask.
    const writer =
      kind === "sse"
        ? sseStream(res, options.heartbeatMs, headers)
        : multipartStream(res, options.heartbeatMs, headers);
    const client = new HttpStream(writer);
    streams.set(res, client);
    res.on("close", streamClosed);
    const outcome = await core.connect({
      transport: kind,
      credentials: {
        apiKey: ((key) => (Array.isArray(key) ? key[0] : key))(req.headers[API_KEY_HEADER]),
        authorization: req.headers.authorization,
        address: clientIpOf(req, options.trustProxy),
      },
      requestId,
      client,
    });
    releaseHeaders(req);
    if (outcome.kind === "refused") return writer.fail([outcome.error], "transport");
    if (outcome.kind === "gone") return client.gone ? undefined : writer.fail([unavailable()], "transport");
    const { connection } = outcome;
    let prepared: Prepared;
    try {
      prepared = await core.admit(connection, request, HTTP_TRANSPORT);
    } catch (error) {
      await core.disconnect(connection);
      throw error;
    }
    if (prepared.kind === "refused" || client.ended) {
      await core.disconnect(connection);
      if (prepared.kind === "refused") return writer.fail(prepared.errors, "operation");
      return writer.fail([endedError(client.ended!)], "transport");
    }
    client.results = core.start(prepared, client);
    if (client.gone) await client.results.return?.();
    // Not awaited: what this function and its callers hold (the request's body, its parsed
    // operation, their promises) is let go while the stream runs for as long as the client stays.
    void deliver(client, res, connection).catch((error: unknown) => failed(res, error));
  }

  /** Writes the subscription's results to the stream until it ends, then ends the stream. */
  async function deliver(
    client: HttpStream,
    res: ServerResponse,
    connection: SubscriptionConnection,
  ): Promise<void> {
    const { writer } = client;
    const results = client.results!;
    try {
      for (;;) {
        const next = await results.next();
        if (next.done) break;
        // A client that reads slower than events come leaves them queued in the subscription,
        // which ends with SUBSCRIPTION_BACKLOG past its limit, not in this process's buffers.
        // A failure (the backlog among them) is read on at once, so the stream ends.
        if (!writer.next(next.value)) await client.drained(res);
      }
    } catch (error) {
      const errors = core.failureErrors(error);
      const code = errors[0]?.extensions?.code;
      // The router ending it (the subgraph gone, a backlog) concerns the connection; a refusal
      // by the subgraph (FORBIDDEN, NOT_FOUND …) the subscription.
      const transportLevel =
        code === SubscriptionErrorCode.SUBGRAPH_UNAVAILABLE ||
        code === SubscriptionErrorCode.SUBSCRIPTION_BACKLOG;
      return writer.fail(errors, transportLevel ? "transport" : "operation");
    } finally {
      await core.disconnect(connection);
    }
    if (client.ended) return writer.fail([endedError(client.ended)], "transport");
    writer.complete();
  }

  /** Something unexpected went wrong: logged, and the client told without a detail. */
  function failed(res: ServerResponse, error: unknown): void {
    log.error({ err: error }, "HTTP subscription failed");
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(
        JSON.stringify({
          errors: [
            { message: "Something went wrong on our side.", extensions: { code: "INTERNAL_SERVER_ERROR" } },
          ],
        }),
      );
    } else res.end();
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => failed(res, error));
  });
}
