import path from "node:path";
import { z } from "zod";
import { envFields, loadEnvOrExit, packageRoot, parseEnv, type EnvSource } from "@storefront/platform";

/** Every setting of the router; the only place it reads the environment. */
export const routerEnvShape = {
  ROUTER_PORT: envFields.port(4000),
  SUPERGRAPH_PATH: z.string().optional(),
  /** `name=url` pairs, comma-separated: routing URLs that differ from supergraph.yaml (containers, tests). */
  SUBGRAPH_URLS: z
    .string()
    .regex(
      /^\s*[\w-]+=https?:\/\/\S+(\s*,\s*[\w-]+=https?:\/\/\S+)*\s*$/,
      "must be name=http://… pairs separated by commas",
    )
    .optional(),
  JWKS_URL: envFields.url().default("http://localhost:4001/.well-known/jwks.json"),
  LOG_LEVEL: envFields.logLevel(),
  NODE_ENV: envFields.nodeEnv(),
  MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(100_000),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Trust X-Forwarded-For from a load balancer in front of the router. */
  TRUST_PROXY: envFields.bool(false),
};

export interface RouterConfig {
  port: number;
  /** Where the supergraph is read from (and watched); ignored when `supergraphSdl` is given. */
  supergraphPath: string;
  /** A fixed supergraph (tests); disables file watching. */
  supergraphSdl?: string;
  subgraphUrls: Record<string, string>;
  jwksUrl: string;
  logLevel: z.infer<ReturnType<typeof envFields.logLevel>>;
  production: boolean;
  maxRequestBytes: number;
  subgraphTimeoutMs: number;
  trustProxy: boolean;
}

export function parseSubgraphUrls(value: string | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(
    value.split(",").map((pair) => {
      const [name, ...rest] = pair.trim().split("=");
      return [name!, rest.join("=")];
    }),
  );
}

function toConfig(env: ReturnType<typeof parseEnv<typeof routerEnvShape>>): RouterConfig {
  return {
    port: env.ROUTER_PORT,
    supergraphPath: path.resolve(
      env.SUPERGRAPH_PATH ?? path.join(packageRoot(import.meta.url), "../schema/supergraph.graphql"),
    ),
    subgraphUrls: parseSubgraphUrls(env.SUBGRAPH_URLS),
    jwksUrl: env.JWKS_URL,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === "production",
    maxRequestBytes: env.MAX_REQUEST_BYTES,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    trustProxy: env.TRUST_PROXY,
  };
}

export function routerConfigFrom(source: EnvSource): RouterConfig {
  return toConfig(parseEnv(routerEnvShape, source));
}

export function loadRouterConfig(argv: string[] = process.argv.slice(2)): RouterConfig {
  const config = toConfig(loadEnvOrExit(routerEnvShape, process.env));
  // `--supergraph <path>` wins over SUPERGRAPH_PATH.
  const flag = argv.indexOf("--supergraph");
  if (flag !== -1 && argv[flag + 1]) config.supergraphPath = path.resolve(argv[flag + 1]!);
  return config;
}
