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
  log: Logger;
}

export const SERVICE_TOKEN_HEADER = "x-service-token";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time comparison; no configured token means no caller is internal. */
export function isServiceToken(presented: string | undefined, configured: string | undefined): boolean {
  if (!presented || !configured) return false;
  return timingSafeEqual(digest(presented), digest(configured));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
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
  const token = bearerToken(header(req, "authorization"));
  const viewer = token ? await verify(token) : undefined;
  return {
    requestId: scope.requestId,
    viewer,
    authorization: viewer ? header(req, "authorization") : undefined,
    clientIp: header(req, "x-client-ip") ?? req.socket.remoteAddress,
    userAgent: header(req, "user-agent"),
    internalCaller: isServiceToken(header(req, SERVICE_TOKEN_HEADER), serviceToken),
    log: log.child({ requestId: scope.requestId }),
  };
}
