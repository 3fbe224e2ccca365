/**
 * `PORT_OFFSET=N npm start` moves every port of the platform up by N (storefront 3000 + N,
 * router 4000 + N, subgraphs 4001–4006 + N, metrics 9090–9096 + N), and the URLs the services
 * use to find each other with them, so a second copy can run beside the first (a test run, a
 * demo next to development). A variable set explicitly still wins.
 */
import { envFields, loadEnvOrExit } from "@storefront/platform";

const SUBGRAPHS = ["users", "catalogue", "cart", "orders", "payments", "shipping"] as const;

/** The defaults of every service's configuration, moved by `offset`. */
export function shiftedDefaults(offset: number): Record<string, string> {
  const port = (base: number) => String(base + offset);
  const url = (base: number, path = "/graphql") => `http://localhost:${base + offset}${path}`;
  const env: Record<string, string> = {
    WEB_PORT: port(3000),
    ROUTER_PORT: port(4000),
    ROUTER_METRICS_PORT: port(9090),
    CORS_ORIGINS: `http://localhost:${3000 + offset}`,
    JWKS_URL: url(4001, "/.well-known/jwks.json"),
    SUBGRAPH_URLS: SUBGRAPHS.map((name, i) => `${name}=${url(4001 + i)}`).join(","),
  };
  SUBGRAPHS.forEach((name, i) => {
    const upper = name.toUpperCase();
    env[`${upper}_PORT`] = port(4001 + i);
    env[`${upper}_METRICS_PORT`] = port(9091 + i);
    env[`${upper}_URL`] = url(4001 + i);
  });
  return env;
}

/** Fills the unset port and URL variables from PORT_OFFSET before any configuration is read. */
export function applyPortOffset(environment: NodeJS.ProcessEnv = process.env): number {
  const { PORT_OFFSET: offset } = loadEnvOrExit(
    // The highest default port (9096) must stay a port.
    {
      PORT_OFFSET: envFields.port(0).refine((n) => n <= 65_535 - 9096, "must leave room for port 9096 + it"),
    },
    environment,
  );
  if (offset === 0) return 0;
  for (const [name, value] of Object.entries(shiftedDefaults(offset))) environment[name] ??= value;
  return offset;
}
