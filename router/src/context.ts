import type { IncomingMessage } from "node:http";
import { bearerToken, type RequestScope, type TokenVerifier, type Viewer } from "@storefront/platform";
import { API_KEY_HEADER, invalidApiKey, type ClientRegistry, type RouterClient } from "./clients";

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

/** The client an `x-api-key` header names; a key no client holds is refused (401 INVALID_API_KEY). */
export function clientOf(
  req: IncomingMessage,
  registry: ClientRegistry | undefined,
): RouterClient | undefined {
  const header = req.headers[API_KEY_HEADER];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  const client = key ? registry?.identify(key) : undefined;
  if (!client) throw invalidApiKey();
  return client;
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
  const client = clientOf(req, clients);
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
    client,
  };
}
