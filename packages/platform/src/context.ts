import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Logger } from "./logger";
import type { Viewer, TokenVerifier } from "./auth";
import { bearerToken } from "./auth";
import type { RequestScope } from "./request-scope";

/**
 * What every resolver and service receives first. Subgraphs extend it with their per-request
 * DataLoaders and database handle.
 */
export interface RequestContext {
  requestId: string;
  /** The signed-in caller, verified from the bearer token; undefined for guests. */
  viewer: Viewer | undefined;
  /** The verified `Authorization` header, for calls made on the caller's behalf. */
  authorization: string | undefined;
  /** The end client's address as the router saw it (for throttling and audit). */
  clientIp: string | undefined;
  userAgent: string | undefined;
  /**
   * True when another platform service is calling with the shared service credential
   * (`x-service-token`); only such callers may use internal operations.
   */
  internalCaller: boolean;
  /**
   * A guest cart's opaque token (`x-cart-token`, forwarded by the router); only well-formed
   * tokens are kept. Read by the cart subgraph, which cannot see the raw request.
   */
  cartToken?: string | undefined;
  log: Logger;
}

export const SERVICE_TOKEN_HEADER = "x-service-token";

/** The same shape the router accepts before forwarding a cart token. */
const CART_TOKEN = /^[\w-]{16,128}$/;

const wellFormedCartToken = (value: string | undefined) =>
  value !== undefined && CART_TOKEN.test(value) ? value : undefined;

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time comparison; no configured token means no caller is internal. */
export function isServiceToken(presented: string | undefined, configured: string | undefined): boolean {
  if (!presented || !configured) return false;
  return timingSafeEqual(digest(presented), digest(configured));
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The shared part of building a context: verify the token again (subgraphs never trust the
 * router blindly), and carry the client address the router forwarded.
 */
export async function baseContext(
  req: IncomingMessage,
  scope: RequestScope,
  verify: TokenVerifier,
  log: Logger,
  serviceToken?: string,
): Promise<RequestContext> {
  return contextFromHeaders(req.headers, req.socket.remoteAddress, scope, verify, log, serviceToken);
}

/**
 * The same for a subscription: the upgrade request's headers, overridden by what the client
 * sent in `connection_init` (browsers cannot set headers on a WebSocket).
 */
export function subscriptionBaseContext(
  req: IncomingMessage,
  params: Record<string, unknown>,
  scope: RequestScope,
  verify: TokenVerifier,
  log: Logger,
): Promise<RequestContext> {
  const fromParams = Object.fromEntries(
    Object.entries(params)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([key, value]) => [key.toLowerCase(), value]),
  );
  // The service credential is for HTTP calls between services only, never over a socket.
  const headers: Headers = { ...req.headers, ...fromParams, [SERVICE_TOKEN_HEADER]: undefined };
  return contextFromHeaders(headers, req.socket.remoteAddress, scope, verify, log, undefined);
}

async function contextFromHeaders(
  headers: Headers,
  remoteAddress: string | undefined,
  scope: RequestScope,
  verify: TokenVerifier,
  log: Logger,
  serviceToken: string | undefined,
): Promise<RequestContext> {
  const token = bearerToken(header(headers, "authorization"));
  const viewer = token ? await verify(token) : undefined;
  return {
    requestId: scope.requestId,
    viewer,
    authorization: viewer ? header(headers, "authorization") : undefined,
    clientIp: header(headers, "x-client-ip") ?? remoteAddress,
    userAgent: header(headers, "user-agent"),
    internalCaller: isServiceToken(header(headers, SERVICE_TOKEN_HEADER), serviceToken),
    cartToken: wellFormedCartToken(header(headers, "x-cart-token")),
    log: log.child({ requestId: scope.requestId }),
  };
}
