/**
 * Test support (`@storefront/router/testing`): a router over running subgraphs, for the tests of
 * the router itself, of a subgraph behind it, of the end-to-end platform and of the storefront.
 */
import type { Logger } from "@storefront/platform/logger";
import { composeSupergraph, readSupergraphConfig } from "@storefront/schema";
import { testEnv } from "@storefront/testkit";
import { routerConfigFrom } from "./env";
import { startRouter, type RunningRouter } from "./server";

/**
 * Composes the supergraph from the subgraphs' SDL files (as the topology lists them) with
 * the running subgraphs' URLs, and starts a router over it on a free port.
 */
export async function startTestRouter(
  subgraphs: { name: string; url: string }[],
  options: { env?: Record<string, string>; log?: Logger } = {},
): Promise<RunningRouter & { supergraphSdl: string }> {
  const urls = new Map(subgraphs.map((s) => [s.name, s.url]));
  const sources = readSupergraphConfig()
    .filter((source) => urls.has(source.name))
    .map((source) => ({ ...source, url: urls.get(source.name)! }));
  const supergraphSdl = composeSupergraph(sources);
  const users = urls.get("users");
  const config = routerConfigFrom({
    ROUTER_PORT: "0",
    ROUTER_METRICS_PORT: "0",
    LOG_LEVEL: testEnv.logLevel,
    ...(users ? { JWKS_URL: new URL("/.well-known/jwks.json", users).toString() } : {}),
    ...options.env,
  });
  const router = await startRouter({ ...config, supergraphSdl }, options.log ? { log: options.log } : {});
  return { ...router, supergraphSdl };
}
