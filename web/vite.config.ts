import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv, type Plugin, type ProxyOptions } from "vite";

export const webRoot = import.meta.dirname;
/** The web client's trusted documents, as the router reads them (`schema/persisted/web.json`). */
export const manifestPath = path.resolve(webRoot, "../schema/persisted/web.json");
export const DEFAULT_ROUTER_URL = "http://localhost:4000";

/** `/graphql` (HTTP and WebSocket) to the router, so the storefront is same-origin and needs no CORS. */
export function routerProxy(routerUrl: string): Record<string, ProxyOptions> {
  return { "/graphql": { target: routerUrl, ws: true } };
}

/**
 * `virtual:persisted-operation-ids`: operation name → manifest id. Only the ids reach the bundle;
 * the operation texts stay in the manifest, which the router holds.
 */
function persistedOperationIds(): Plugin {
  const virtualId = "virtual:persisted-operation-ids";
  const resolvedId = `\0${virtualId}`;
  return {
    name: "storefront:persisted-operation-ids",
    resolveId: (source) => (source === virtualId ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      this.addWatchFile(manifestPath);
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
        operations: { id: string; name: string }[];
      };
      const ids = Object.fromEntries(manifest.operations.map((operation) => [operation.name, operation.id]));
      return `export default ${JSON.stringify(ids)};`;
    },
  };
}

/** A production build without an API key could not call the router at all: refuse to make one. */
function requireApiKeyInProduction(): Plugin {
  return {
    name: "storefront:require-api-key",
    apply: "build",
    configResolved(config) {
      const key: unknown = config.define?.["import.meta.env.VITE_API_KEY"] ?? config.env.VITE_API_KEY;
      if (config.mode === "production" && !key) {
        throw new Error(
          "VITE_API_KEY is not set: the production build calls the router with persisted operation ids " +
            "only, which the router accepts from the `web` client identified by this key.",
        );
      }
    },
  };
}

/**
 * @apollo/persisted-query-lists publishes CommonJS only; bundled as such it drags in all of
 * graphql-js and a second Apollo Client core (~50 kB gzipped). Its ES module source ships with it.
 */
const persistedQueryListsSource = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@apollo/persisted-query-lists/package.json")),
  "src/index.ts",
);

export default defineConfig(({ mode }) => {
  // ROUTER_URL is read by the dev and preview servers only (never compiled into the app).
  const env = loadEnv(mode, webRoot, ["ROUTER_"]);
  const proxy = routerProxy(env.ROUTER_URL || DEFAULT_ROUTER_URL);
  return {
    root: webRoot,
    plugins: [react(), persistedOperationIds(), requireApiKeyInProduction()],
    resolve: { alias: { "@apollo/persisted-query-lists": persistedQueryListsSource } },
    // The storefront's page only: explorer/index.html is a bundle of its own (explorer/build.ts).
    optimizeDeps: { entries: ["index.html"] },
    server: { proxy },
    preview: { proxy },
    build: {
      sourcemap: true,
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
              {
                name: "graphql",
                test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism|tslib)[\\/]/,
              },
            ],
          },
        },
      },
    },
  };
});
