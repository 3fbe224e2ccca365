/**
 * `PORT_OFFSET=N npm start` moves every port of the platform up by N (storefront 3000 + N,
 * router 4000 + N, each subgraph's port and metrics port + N, as the topology has them), and the
 * URLs the services use to find each other with them, so a second copy can run beside the first
 * (a test run, a demo next to development). A variable set explicitly still wins.
 */
import { envFields, loadEnvOrExit } from "@storefront/platform/env";
import {
  jwksUrl,
  router,
  subgraphList,
  subgraphUrl,
  subgraphUrls,
  web,
} from "@storefront/contracts/topology";

/** The defaults of every service's configuration, moved by `offset`. */
export function shiftedDefaults(offset: number): Record<string, string> {
  const port = (base: number) => String(base + offset);
  const env: Record<string, string> = {
    WEB_PORT: port(web.port),
    ROUTER_PORT: port(router.port),
    ROUTER_METRICS_PORT: port(router.metricsPort),
    CORS_ORIGINS: `http://localhost:${web.port + offset}`,
    JWKS_URL: jwksUrl(undefined, offset),
    SUBGRAPH_URLS: subgraphUrls(undefined, offset),
  };
  for (const subgraph of subgraphList) {
    env[subgraph.portVariable] = port(subgraph.port);
    env[subgraph.metricsPortVariable] = port(subgraph.metricsPort);
    env[subgraph.urlVariable] = subgraphUrl(subgraph.name, undefined, offset);
  }
  return env;
}

/** The highest port the platform uses by default: PORT_OFFSET must keep it a port. */
const highestPort = Math.max(
  web.port,
  router.port,
  router.metricsPort,
  ...subgraphList.flatMap((s) => [s.port, s.metricsPort]),
);

/** Fills the unset port and URL variables from PORT_OFFSET before any configuration is read. */
export function applyPortOffset(environment: NodeJS.ProcessEnv = process.env): number {
  const { PORT_OFFSET: offset } = loadEnvOrExit(
    // The highest default port must stay a port.
    {
      PORT_OFFSET: envFields
        .port(0)
        .refine((n) => n <= 65_535 - highestPort, `must leave room for port ${highestPort} + it`),
    },
    environment,
  );
  if (offset === 0) return 0;
  for (const [name, value] of Object.entries(shiftedDefaults(offset))) environment[name] ??= value;
  return offset;
}
