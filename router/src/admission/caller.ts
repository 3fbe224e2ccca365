import { bearerToken, type TokenVerifier } from "@storefront/platform/auth";
import { invalidApiKey, type ClientRegistry } from "../clients";
import type { RouterContext } from "../context";

/** What a caller presents: HTTP headers, or graphql-ws connection params standing in for them. */
export interface Credentials {
  apiKey: string | undefined;
  authorization: string | undefined;
  /** The caller's address, as the transport established it (behind the trusted proxy or not). */
  address: string | undefined;
}

export type IdentifiedCaller = Pick<RouterContext, "client" | "viewer" | "authorization" | "clientIp">;

/**
 * Who is calling, the same way over both transports: the client of the API key (a key no client
 * holds, an empty one included, is refused with 401 INVALID_API_KEY before any token is looked
 * at), the user of a bearer token (the verifier's refusal is thrown as it is), and the address.
 * The authorization is kept, to be forwarded to subgraphs, only when it held a verified token.
 */
export async function identifyCaller(
  credentials: Credentials,
  clients: ClientRegistry | undefined,
  verify: TokenVerifier,
): Promise<IdentifiedCaller> {
  const { apiKey, authorization } = credentials;
  const client = apiKey ? clients?.identify(apiKey) : undefined;
  if (apiKey !== undefined && !client) throw invalidApiKey();
  const token = bearerToken(authorization);
  return {
    client,
    viewer: token ? await verify(token) : undefined,
    authorization: token ? authorization : undefined,
    clientIp: credentials.address,
  };
}
