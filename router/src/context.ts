import type { IncomingMessage } from "node:http";
import { bearerToken, type RequestScope, type TokenVerifier, type Viewer } from "@storefront/platform";

export interface RouterContext {
  requestId: string;
  /** The caller's Authorization header, forwarded unchanged once the router has verified it. */
  authorization: string | undefined;
  viewer: Viewer | undefined;
  clientIp: string | undefined;
  /** A guest cart's opaque token (`x-cart-token`), passed through to the cart subgraph. */
  cartToken: string | undefined;
}

const CART_TOKEN = /^[\w-]{16,128}$/;

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
    cartToken:
      typeof req.headers["x-cart-token"] === "string" && CART_TOKEN.test(req.headers["x-cart-token"])
        ? req.headers["x-cart-token"]
        : undefined,
  };
}
