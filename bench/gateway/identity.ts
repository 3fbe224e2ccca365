import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RevokedSessionsPage } from "@storefront/platform/auth";

/**
 * What the router reads from the users subgraph even when no request carries a token: its
 * session-revocation feed, polled beside the signing keys (JWKS_URL). Here the feed is empty and
 * the key set too, so the router polls as it does in production without a users subgraph.
 */
export function startEmptyIdentityProvider(): Promise<{ jwksUrl: string; close(): void }> {
  const nothingRevoked: RevokedSessionsPage = { revoked: [], cursor: null };
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const body =
      pathname === "/.well-known/revoked-sessions"
        ? nothingRevoked
        : pathname === "/.well-known/jwks.json"
          ? { keys: [] }
          : undefined;
    res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(body ?? {}));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
        close: () => server.close(),
      }),
    ),
  );
}
