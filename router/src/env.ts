import path from "node:path";
import { z } from "zod";
import { EnvError, envFields, parseEnv, type EnvSource } from "@storefront/platform/env";
import { packageRoot } from "@storefront/platform/package-root";
import { jwksUrl } from "@storefront/contracts/topology";
import { readClientsFile, resolveClients, type ClientsSource, type RouterClient } from "./clients";
import { ConfigFileError, persistedOperationNames } from "./persisted/manifest";
import type { OperationLimits } from "./protection/limits";
import type { SubscriptionSettings } from "./subscriptions/server";

const limit = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting of the router; the only place it reads the environment. */
export const routerEnvShape = {
  ROUTER_PORT: envFields.port(4000),
  /** Prometheus `/metrics`, on a port of its own (as Apollo Router's 9090), never the public one. */
  ROUTER_METRICS_PORT: envFields.port(9090),
  /**
   * Operation names outside the persisted manifests that get a metrics label of their own (the
   * first ones seen); any further name is counted as `other`.
   */
  METRICS_MAX_OPERATION_NAMES: z.coerce.number().int().min(0).default(100),
  SUPERGRAPH_PATH: z.string().optional(),
  /** `name=url` pairs, comma-separated: routing URLs that differ from the composed ones (the topology's, on localhost: containers, tests). */
  SUBGRAPH_URLS: z
    .string()
    .regex(
      /^\s*[\w-]+=https?:\/\/\S+(\s*,\s*[\w-]+=https?:\/\/\S+)*\s*$/,
      "must be name=http://… pairs separated by commas",
    )
    .optional(),
  JWKS_URL: envFields.url().default(jwksUrl()),
  /** How long the published keys are kept before they are fetched again (new keys are published ahead). */
  JWKS_CACHE_SECONDS: envFields.seconds(600),
  LOG_LEVEL: envFields.logLevel(),
  NODE_ENV: envFields.nodeEnv(),
  MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(100_000),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Identical subgraph query fetches in flight at once share one call (never mutations). */
  DEDUPLICATE_SUBGRAPH_FETCHES: envFields.bool(true),
  /** Trust X-Forwarded-For from a load balancer in front of the router. */
  TRUST_PROXY: envFields.bool(false),
  /** @apollo/gateway's own usage metrics sent to Apollo; off unless the operator opts in. */
  APOLLO_TELEMETRY: envFields.bool(false),

  /** Shared APQ cache and rate-limit counters for every replica; memory per process when unset. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL")
    .optional(),
  REDIS_KEY_PREFIX: z.string().default("storefront:router:"),
  APQ_TTL_SECONDS: envFields.seconds(86_400),
  /** JSON file of API-key clients; see README "Partner integrations". */
  CLIENTS_FILE: z.string().optional(),
  /** The built graph explorer (development only); `npm start` builds it into web's node_modules. */
  EXPLORER_DIR: z.string().optional(),
  PERSISTED_OPERATIONS_DIR: z.string().optional(),

  MAX_DEPTH: limit(12),
  MAX_ALIASES: limit(30),
  MAX_ROOT_FIELDS: limit(20),
  MAX_TOKENS: limit(2_000),
  MAX_DIRECTIVES: limit(20),
  MAX_COST: limit(10_000),
  /** Assumed length of a list field without `first`/`last` in the cost estimate. */
  COST_LIST_SIZE: limit(10),
  /** Operations in one batched HTTP request; 1 turns batching off. */
  MAX_BATCH_SIZE: limit(10),
  OPERATION_TIMEOUT_MS: limit(15_000),
  /** Operations per client per minute; 0 turns rate limiting off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Subscriptions (graphql-ws on the GraphQL path): a socket without connection_init is closed after this. */
  SUBSCRIPTION_INIT_TIMEOUT_MS: limit(5_000),
  /** Largest WebSocket message a client may send (larger: closed with 1009). */
  SUBSCRIPTION_MAX_MESSAGE_BYTES: limit(100_000),
  /** Subscriptions one WebSocket connection may hold at once. */
  SUBSCRIPTION_MAX_PER_CONNECTION: limit(20),
  /** How long a lost subgraph connection is re-tried before the client's subscription ends. */
  SUBSCRIPTION_RESUME_TIMEOUT_MS: limit(15_000),
  /** Ping interval towards clients and subgraphs; a peer that misses a pong is dropped. */
  SUBSCRIPTION_KEEPALIVE_MS: limit(12_000),
  /** Heartbeat of an HTTP subscription stream (multipart: an empty part, SSE: a comment). */
  SUBSCRIPTION_HEARTBEAT_MS: limit(5_000),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^\s*https?:\/\/[^/\s,]+(\s*,\s*https?:\/\/[^/\s,]+)*\s*$/,
      "must be origins (scheme://host[:port]) separated by commas",
    )
    .default("http://localhost:3000"),
};

export interface RouterConfig {
  port: number;
  metricsPort: number;
  metrics: {
    /** Operation names that always keep their label: those of the persisted manifests. */
    knownOperations: string[];
    /** How many other operation names get a label before the rest count as `other`. */
    maxOperationNames: number;
  };
  /** Where the supergraph is read from (and watched); ignored when `supergraphSdl` is given. */
  supergraphPath: string;
  /** A fixed supergraph (tests); disables file watching. */
  supergraphSdl?: string;
  subgraphUrls: Record<string, string>;
  jwksUrl: string;
  jwksCacheSeconds: number;
  logLevel: z.infer<ReturnType<typeof envFields.logLevel>>;
  production: boolean;
  maxRequestBytes: number;
  subgraphTimeoutMs: number;
  /** Identical subgraph query fetches in flight at once share one call (never mutations). */
  deduplicateFetches: boolean;
  trustProxy: boolean;
  /** Whether @apollo/gateway may send its usage metrics to Apollo's servers. */
  apolloTelemetry: boolean;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  apqTtlSeconds: number;
  /** API-key clients, each with its manifest loaded. */
  clients: RouterClient[];
  /** The graph explorer's build, served at the GraphQL path to a browser; never in production. */
  explorerDir?: string | undefined;
  /** The clients file and manifest folder they came from, watched for changes; none without a file. */
  clientsSource?: ClientsSource | undefined;
  limits: OperationLimits;
  maxBatchSize: number;
  operationTimeoutMs: number;
  rateLimitPerMinute: number;
  corsOrigins: string[];
  subscriptions: SubscriptionSettings;
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

const repoRoot = () => path.join(packageRoot(import.meta.url), "..");
/** The example clients of development (a dev-only partner key, see README); never loaded in production. */
export const devClientsFile = () => path.join(packageRoot(import.meta.url), "clients.dev.json");

/**
 * Clients and their manifests: a file that cannot be used stops the router with every problem
 * named under CLIENTS_FILE, like a bad variable. Read from the raw values so its problems are
 * reported together with those of the other variables.
 */
const manifestDirectory = (source: { PERSISTED_OPERATIONS_DIR?: string | undefined }) =>
  path.resolve(source.PERSISTED_OPERATIONS_DIR || path.join(repoRoot(), "schema/persisted"));

function loadClients(source: EnvSource): { clients: RouterClient[]; source: ClientsSource | undefined } {
  const value = (name: string) => source[name] || undefined;
  const file = value("CLIENTS_FILE") ?? (value("NODE_ENV") === "production" ? undefined : devClientsFile());
  if (!file) return { clients: [], source: undefined };
  const manifestDir = manifestDirectory(source);
  try {
    const clientsFile = path.resolve(file);
    return {
      clients: resolveClients(readClientsFile(clientsFile), manifestDir),
      source: { file: clientsFile, manifestDir },
    };
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    throw new EnvError(error.problems.map((p) => `CLIENTS_FILE: ${p}`));
  }
}

function toConfig(
  env: ReturnType<typeof parseEnv<typeof routerEnvShape>>,
  { clients, source: clientsSource }: ReturnType<typeof loadClients>,
): RouterConfig {
  const manifestOperations = clients.flatMap((client) =>
    client.manifest ? [...client.manifest.operations.values()].map((operation) => operation.name) : [],
  );
  return {
    port: env.ROUTER_PORT,
    metricsPort: env.ROUTER_METRICS_PORT,
    metrics: {
      knownOperations: [
        ...new Set([...manifestOperations, ...persistedOperationNames(manifestDirectory(env))]),
      ],
      maxOperationNames: env.METRICS_MAX_OPERATION_NAMES,
    },
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH ?? path.join(repoRoot(), "schema/supergraph.graphql")),
    subgraphUrls: parseSubgraphUrls(env.SUBGRAPH_URLS),
    jwksUrl: env.JWKS_URL,
    jwksCacheSeconds: env.JWKS_CACHE_SECONDS,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === "production",
    maxRequestBytes: env.MAX_REQUEST_BYTES,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    deduplicateFetches: env.DEDUPLICATE_SUBGRAPH_FETCHES,
    trustProxy: env.TRUST_PROXY,
    apolloTelemetry: env.APOLLO_TELEMETRY,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    apqTtlSeconds: env.APQ_TTL_SECONDS,
    clients,
    clientsSource,
    explorerDir:
      env.NODE_ENV === "production"
        ? undefined
        : path.resolve(
            env.EXPLORER_DIR ?? path.join(repoRoot(), "web/node_modules/.cache/storefront-explorer"),
          ),
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxTokens: env.MAX_TOKENS,
      maxDirectives: env.MAX_DIRECTIVES,
      maxCost: env.MAX_COST,
      listSize: env.COST_LIST_SIZE,
    },
    maxBatchSize: env.MAX_BATCH_SIZE,
    operationTimeoutMs: env.OPERATION_TIMEOUT_MS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    corsOrigins: env.CORS_ORIGINS.split(",").map((origin) => origin.trim()),
    subscriptions: {
      initTimeoutMs: env.SUBSCRIPTION_INIT_TIMEOUT_MS,
      maxMessageBytes: env.SUBSCRIPTION_MAX_MESSAGE_BYTES,
      maxPerConnection: env.SUBSCRIPTION_MAX_PER_CONNECTION,
      resumeTimeoutMs: env.SUBSCRIPTION_RESUME_TIMEOUT_MS,
      keepAliveMs: env.SUBSCRIPTION_KEEPALIVE_MS,
      heartbeatMs: env.SUBSCRIPTION_HEARTBEAT_MS,
    },
  };
}

export function routerConfigFrom(source: EnvSource): RouterConfig {
  const problems: string[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const env = collect(() => parseEnv(routerEnvShape, source));
  const clients = collect(() => loadClients(source));
  if (!env || !clients) throw new EnvError(problems);
  return toConfig(env, clients);
}

export function loadRouterConfig(argv: string[] = process.argv.slice(2)): RouterConfig {
  let config: RouterConfig;
  try {
    config = routerConfigFrom(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // `--supergraph <path>` wins over SUPERGRAPH_PATH.
  const flag = argv.indexOf("--supergraph");
  if (flag !== -1 && argv[flag + 1]) config.supergraphPath = path.resolve(argv[flag + 1]!);
  return config;
}

/**
 * @apollo/gateway reports usage metrics to Apollo's servers (and probes cloud metadata services
 * to label them) unless `APOLLO_TELEMETRY_DISABLED` is set when it is constructed. A shop's router
 * does not call out to a third party unless its operator asks for it (`APOLLO_TELEMETRY=true`).
 */
export function applyGatewayTelemetry(enabled: boolean): void {
  if (enabled) delete process.env.APOLLO_TELEMETRY_DISABLED;
  else process.env.APOLLO_TELEMETRY_DISABLED = "true";
}
