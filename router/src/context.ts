import type { IncomingMessage } from "node:http";
import { bearerToken, type RequestScope, type TokenVerifier, type Viewer } from "@storefront/platform";

export interface RouterContext {
  requestId: string;
  /** The caller's Authorization header, forwarded unchanged once the router has verified it. */
  authorization: string | undefined;
  viewer: Viewer | undefined;
  clientIp: string | undefined;
}

function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress;
}

/** A request with a bad token is refused here (401 UNAUTHENTICATED) before any subgraph is called. */
export async function routerContext(
  req: IncomingMessage,
  scope: RequestScope,
  verify: TokenVerifier,
  trustProxy: boolean,
): Promise<RouterContext> {
  const authorization = req.headers.authorization;
  const token = bearerToken(authorization);
  return {
    requestId: scope.requestId,
    authorization: token ? authorization : undefined,
    viewer: token ? await verify(token) : undefined,
    clientIp: clientIpOf(req, trustProxy),
  };
}
