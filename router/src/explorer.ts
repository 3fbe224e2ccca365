/**
 * The development graph explorer: a browser opening the GraphQL path gets GraphiQL instead of the
 * API's refusal of a GET without a query. The page is a Vite build of `web/explorer` (GraphiQL 5
 * needs a bundler for Monaco's workers), made by `npm start`; the router only serves its files.
 * Never in production: there the page and its assets do not exist and the API answers as always.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import path from "node:path";
import type { Logger } from "@storefront/platform/logger";

/** Where the build's assets are served (the build's `base`). */
export const EXPLORER_ASSETS_PATH = "/explorer/";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Parameters that make a GET an API request rather than a visit. */
const OPERATION_PARAMS = ["query", "documentId", "extensions", "operationName", "variables"];

/** A browser navigating to the GraphQL path: it asks for HTML and carries no operation. */
export function isExplorerVisit(req: IncomingMessage, graphqlPath: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url ?? "/", "http://router");
  if (url.pathname !== graphqlPath) return false;
  if (OPERATION_PARAMS.some((name) => url.searchParams.has(name))) return false;
  // A WebSocket upgrade is a GET on the same path; it never reaches a request listener, but say so.
  if (req.headers.upgrade) return false;
  return (req.headers.accept ?? "").split(",").some((type) => type.trim().startsWith("text/html"));
}

/**
 * Answers the explorer's requests (the page, its assets) and returns true; false for anything
 * else, which the API handles.
 */
export function explorerHandler(options: { dir: string; graphqlPath: string; log: Logger }) {
  const root = path.resolve(options.dir);
  let toldNotBuilt = false;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (isExplorerVisit(req, options.graphqlPath)) {
      const index = path.join(root, "index.html");
      if (!existsSync(index)) {
        // Without a build the visit is answered as before, by the API; the log says how to get one.
        if (!toldNotBuilt) {
          options.log.warn(
            { dir: root },
            "graph explorer not built: npm start builds it, or npm run explorer -w @storefront/web",
          );
          toldNotBuilt = true;
        }
        return false;
      }
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        vary: "accept",
      });
      res.end(req.method === "HEAD" ? undefined : readFileSync(index));
      return true;
    }
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method !== "GET" || !pathname.startsWith(EXPLORER_ASSETS_PATH)) return false;
    const file = path.resolve(root, decodeURIComponent(pathname.slice(EXPLORER_ASSETS_PATH.length)));
    // Only files of the build, never a path that climbs out of it.
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
      return true;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      // File names carry a content hash: they never change.
      "cache-control": "public, max-age=31536000, immutable",
    });
    res.end(readFileSync(file));
    return true;
  };
}

/** Puts the explorer in front of the API's request listener on the same server and port. */
export function attachExplorer(
  server: Server,
  handle: (req: IncomingMessage, res: ServerResponse) => boolean,
) {
  const api = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (handle(req, res)) return;
    for (const listener of api) listener(req, res);
  });
}
