/**
 * The storefront's servers through Vite's JS API, for `npm start` and the browser tests: the dev
 * server (modules compiled on request, full operation text) or `preview` of a production build
 * (persisted operation ids only). Either proxies `/graphql`, HTTP and WebSocket, to the router.
 */
import { createServer as createNetServer } from "node:net";
import path from "node:path";
import { build, createServer, preview, type InlineConfig } from "vite";
import { withProductionNodeEnv } from "./env";
import { routerProxy, webRoot } from "./vite.config";

export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Where the router listens, e.g. `http://localhost:4000`. */
  routerUrl: string;
  mode: "dev" | "preview";
  /** The production build to serve in preview mode; `web/dist` when omitted. */
  outDir?: string;
  host?: string;
}

export interface RunningWebServer {
  url: string;
  close(): Promise<void>;
}

const configFile = path.join(webRoot, "vite.config.ts");

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? "localhost";
  // Vite reads port 0 as "use the default"; pick a free port ourselves instead.
  const port = options.port || (await freePort(host));
  const common: InlineConfig = { configFile, root: webRoot, logLevel: "warn", clearScreen: false };
  const listen = { port, strictPort: true, host, proxy: routerProxy(options.routerUrl) };
  if (options.mode === "dev") {
    const server = await createServer({ ...common, server: listen });
    await server.listen();
    return { url: urlOf(server.resolvedUrls?.local[0], host, port), close: () => server.close() };
  }
  const server = await preview({
    ...common,
    build: { outDir: options.outDir ?? path.join(webRoot, "dist") },
    preview: listen,
  });
  return {
    url: urlOf(server.resolvedUrls?.local[0], host, port),
    close: () => server.close(),
  };
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function urlOf(resolved: string | undefined, host: string, port: number): string {
  return (resolved ?? `http://${host}:${port}/`).replace(/\/$/, "");
}

/** A production build, as `vite build` makes it, into `outDir`, calling the router as `apiKey`'s client. */
export async function buildWeb(options: { outDir: string; apiKey: string }): Promise<void> {
  await withProductionNodeEnv(() =>
    build({
      configFile,
      root: webRoot,
      mode: "production",
      logLevel: "warn",
      define: { "import.meta.env.VITE_API_KEY": JSON.stringify(options.apiKey) },
      build: { outDir: options.outDir, emptyOutDir: true },
    }),
  );
}
