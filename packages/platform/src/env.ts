import { z } from "zod";
import { jwksUrl } from "@storefront/contracts/topology";

/**
 * Parses configuration once at start-up. Every problem is reported in one message that names the
 * variable, so an operator fixes them all in one go instead of one restart per mistake.
 */
export class EnvError extends Error {
  override name = "EnvError";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export type EnvSource = Record<string, string | undefined>;

export function parseEnv<TShape extends z.ZodRawShape>(
  shape: TShape,
  source: EnvSource,
): z.infer<z.ZodObject<TShape>> {
  // Empty strings count as unset: `FOO=` in a compose file means "use the default".
  const cleaned: EnvSource = {};
  for (const key of Object.keys(shape)) {
    const value = source[key];
    if (value !== undefined && value !== "") cleaned[key] = value;
  }
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    return cleaned[name] === undefined && issue.code === "invalid_type"
      ? `${name} is required`
      : `${name}: ${issue.message}`;
  });
  throw new EnvError(problems);
}

/** parseEnv for a process entry point: prints the message and exits 1 on bad configuration. */
export function loadEnvOrExit<TShape extends z.ZodRawShape>(
  shape: TShape,
  source: EnvSource,
): z.infer<z.ZodObject<TShape>> {
  try {
    return parseEnv(shape, source);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Reusable field parsers, so every service spells its variables the same way. */
/** An exchange or queue name: what RabbitMQ accepts and a log or a metric label can carry. */
const brokerName = (fallback: string) =>
  z
    .string()
    .regex(/^[\w.:-]{1,200}$/, "must be letters, digits, `.`, `:`, `-` or `_`")
    .default(fallback);

export const envFields = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  postgresUrl: () =>
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  amqpUrl: () =>
    z
      .string()
      .regex(/^amqps?:\/\//, "must be an amqp:// or amqps:// URL")
      .optional(),
  /** The topic exchange every message is published to (its dead letters go to `<name>.dlx`). */
  amqpExchange: () => brokerName("storefront.events"),
  /** A durable queue a service consumes (its dead letters go to `<name>.dlq`). */
  queueName: (fallback: string) => brokerName(fallback),
  url: () => z.string().url(),
  logLevel: () => z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  nodeEnv: () => z.enum(["development", "test", "production"]).default("development"),
  seconds: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  /** Shared by the platform's services for internal calls; long and random. */
  serviceToken: () => z.string().min(24, "must be at least 24 characters").optional(),
  bool: (fallback: boolean) =>
    z
      .enum(["true", "false", "1", "0"])
      .default(fallback ? "true" : "false")
      .transform((v) => v === "true" || v === "1"),
};

/**
 * Settings every subgraph except users (which issues the tokens) has, whatever its domain;
 * spread into a subgraph's shape next to its own `<NAME>_PORT` and `<NAME>_DATABASE_URL`.
 */
export const subgraphEnvShape = {
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: envFields.logLevel(),
  JWKS_URL: envFields.url().default(jwksUrl()),
  /** How long the published keys are kept before they are fetched again (new keys are published ahead). */
  JWKS_CACHE_SECONDS: envFields.seconds(600),
  SERVICE_TOKEN: envFields.serviceToken(),
};

/** What `launchSubgraph` needs from a subgraph's configuration; every subgraph config has it. */
export interface SubgraphConfig {
  port: number;
  /** Where `/metrics` is served (`<NAME>_METRICS_PORT`), apart from the public port. */
  metricsPort: number;
  /** postgres:// URL; unset means the embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<ReturnType<typeof envFields.logLevel>>;
  /** Where access-token keys are published (the users subgraph). */
  jwksUrl: string;
  jwksCacheSeconds: number;
  /** Shared credential of internal calls; `npm start` makes one up when unset. */
  serviceToken: string | undefined;
}

export function subgraphConfig(
  env: z.infer<z.ZodObject<typeof subgraphEnvShape>>,
  own: { port: number; metricsPort: number; databaseUrl: string | undefined },
): SubgraphConfig {
  return {
    ...own,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    jwksUrl: env.JWKS_URL,
    jwksCacheSeconds: env.JWKS_CACHE_SECONDS,
    serviceToken: env.SERVICE_TOKEN,
  };
}

/**
 * A service's two ways to get its configuration: `from(source)` for tests and embedding (throws
 * EnvError), `load()` for a process entry point (reads the environment, exits on bad values).
 */
export function configLoader<TShape extends z.ZodRawShape, TConfig>(
  shape: TShape,
  toConfig: (env: z.infer<z.ZodObject<TShape>>) => TConfig,
) {
  return {
    from: (source: EnvSource): TConfig => toConfig(parseEnv(shape, source)),
    load: (): TConfig => toConfig(loadEnvOrExit(shape, process.env)),
  };
}

/**
 * How long a process may take to shut down (`SHUTDOWN_GRACE_SECONDS`, default 25: inside the
 * 30 s Kubernetes gives a pod before it kills it). Every process entry point has it.
 */
export function loadShutdownGraceMs(): number {
  return (
    loadEnvOrExit({ SHUTDOWN_GRACE_SECONDS: envFields.seconds(25) }, process.env).SHUTDOWN_GRACE_SECONDS *
    1000
  );
}

/**
 * The standard OpenTelemetry variables the platform reads (see tracing.ts for what they do).
 * Only the trace-related ones: metrics stay on Prometheus and logs on stdout.
 */
export const tracingEnvShape = {
  OTEL_SERVICE_NAME: z.string().optional(),
  OTEL_TRACES_EXPORTER: z.enum(["otlp", "none", "console"]).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(["http/json", "http/protobuf"]).default("http/protobuf"),
  OTEL_TRACES_SAMPLER: z
    .enum([
      "always_on",
      "always_off",
      "traceidratio",
      "parentbased_always_on",
      "parentbased_always_off",
      "parentbased_traceidratio",
    ])
    .default("parentbased_always_on"),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(0).default(5000),
};

/** The tracing variables of this process (exits with a message on bad values). */
export function loadTracingEnv(): EnvSource {
  const env = loadEnvOrExit(tracingEnvShape, process.env);
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value?.toString()]));
}
