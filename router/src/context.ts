import type { IncomingMessage } from "node:http";
import type { TokenVerifier, Viewer } from "@storefront/platform/auth";
import type { RequestScope } from "@storefront/platform/request-scope";
import { identifyCaller } from "./admission/caller";
import { API_KEY_HEADER, type ClientRegistry, type RouterClient } from "./clients";

export interface RouterContext {
  requestId: string;
  /** The caller's Authorization header, forwarded unchanged once the router has verified it. */
  authorization: string | undefined;
  viewer: Viewer | undefined;
  clientIp: string | undefined;
  /** A guest cart's opaque token (`x-cart-token`), passed through to the cart subgraph. */
  cartToken: string | undefined;
  /** The API-key client calling (a partner, an app); undefined for first-party calls without a key. */
  client: RouterClient | undefined;
}

const CART_TOKEN = /^[\w-]{16,128}$/;

/**
 * The caller's address. Behind the one trusted proxy (`TRUST_PROXY`: the ingress, nginx) it is
 * the RIGHTMOST `X-Forwarded-For` entry: the proxy appends the address it saw
 * (`$proxy_add_x_forwarded_for`) to whatever the client sent, so every entry left of it is the
 * client's own writing and would let a client pick a fresh rate-limit budget per request.
 */
export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    // Node joins repeated headers with ", "; an array (typed, not sent) is read the same way.
    const joined = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
    const last = joined?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress;
}

/**
 * A request with a bad API key (401 INVALID_API_KEY) or a bad token (401 UNAUTHENTICATED) is
 * refused here, before any subgraph is called.
 */
export async function routerContext(
  req: IncomingMessage,
  scope: RequestScope,
  verify: TokenVerifier,
  trustProxy: boolean,
  clients?: ClientRegistry,
): Promise<RouterContext> {
  const key = req.headers[API_KEY_HEADER];
  const caller = await identifyCaller(
    {
      apiKey: Array.isArray(key) ? key[0] : key,
      authorization: req.headers.authorization,
      address: clientIpOf(req, trustProxy),
    },
    clients,
    verify,
  );
  return {
    requestId: scope.requestId,
    ...caller,
    cartToken:
      typeof req.headers["x-cart-token"] === "string" && CART_TOKEN.test(req.headers["x-cart-token"])
        ? req.headers["x-cart-token"]
        : undefined,
  };
}
