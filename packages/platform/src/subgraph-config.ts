import type { z } from "zod";
import { subgraph, type SubgraphName, type subgraphs as topology } from "@storefront/contracts/topology";
import { configLoader, envFields, subgraphConfig, subgraphEnvShape, type SubgraphConfig } from "./env";

type Entry<N extends SubgraphName> = (typeof topology)[N];
type Prefix<N extends string> = Uppercase<N>;

/** What every subgraph's configuration has: where it listens, its database, its data and log level. */
export type SubgraphCoreConfig = Pick<
  SubgraphConfig,
  "port" | "metricsPort" | "databaseUrl" | "dataDir" | "logLevel"
>;

/** The broker a subgraph on the message bus connects to (unset: the in-process bus). */
export interface MessagingConfig {
  amqpUrl: string | undefined;
  amqpExchange: string;
}

const coreEnvShape = { DATA_DIR: subgraphEnvShape.DATA_DIR, LOG_LEVEL: subgraphEnvShape.LOG_LEVEL };
const messagingEnvShape = { AMQP_URL: envFields.amqpUrl(), AMQP_EXCHANGE: envFields.amqpExchange() };

type VerifiesTokens<N extends SubgraphName> = Entry<N>["verifiesTokens"] extends true ? true : false;
type UsesBroker<N extends SubgraphName> = Entry<N>["publishes"] extends readonly []
  ? Entry<N>["consumes"] extends readonly []
    ? false
    : true
  : true;

/** The variables a subgraph reads because of where it stands in the topology. */
export type SubgraphEnvShape<N extends SubgraphName> = {
  [K in `${Prefix<N>}_PORT` | `${Prefix<N>}_METRICS_PORT`]: ReturnType<typeof envFields.port>;
} & {
  [K in `${Prefix<N>}_DATABASE_URL`]: ReturnType<typeof envFields.postgresUrl>;
} & (VerifiesTokens<N> extends true ? typeof subgraphEnvShape : typeof coreEnvShape) &
  (UsesBroker<N> extends true
    ? typeof messagingEnvShape & {
        [K in Entry<N>["consumes"][number]["variable"]]: ReturnType<typeof envFields.queueName>;
      }
    : unknown);

/** The part of a subgraph's configuration that the topology decides. */
export type SubgraphBaseConfig<N extends SubgraphName> = (VerifiesTokens<N> extends true
  ? SubgraphConfig
  : SubgraphCoreConfig) &
  (UsesBroker<N> extends true ? MessagingConfig : unknown);

/**
 * A subgraph's configuration, read from the environment: the variables its topology entry implies
 * (`<NAME>_PORT` and `<NAME>_METRICS_PORT` defaulting to its ports there, `<NAME>_DATABASE_URL`,
 * DATA_DIR, LOG_LEVEL; JWKS_URL, JWKS_CACHE_SECONDS and SERVICE_TOKEN when it verifies tokens;
 * AMQP_URL, AMQP_EXCHANGE and each consumed queue's variable, defaulting to its queue, when it is
 * on the message bus) next to its own `shape`. `toConfig` gets the parsed variables and the
 * topology's part of the configuration already built. The result is a `configLoader` with the
 * whole `shape` (for the deployment checks).
 */
export function subgraphConfigLoader<N extends SubgraphName, TOwn extends z.ZodRawShape, TConfig>(
  name: N,
  own: TOwn,
  toConfig: (env: z.infer<z.ZodObject<SubgraphEnvShape<N> & TOwn>>, base: SubgraphBaseConfig<N>) => TConfig,
) {
  const entry = subgraph(name);
  const onBus = entry.publishes.length > 0 || entry.consumes.length > 0;
  const shape = {
    [entry.portVariable]: envFields.port(entry.port),
    [entry.metricsPortVariable]: envFields.port(entry.metricsPort),
    [entry.databaseUrlVariable]: envFields.postgresUrl(),
    ...(entry.verifiesTokens ? subgraphEnvShape : coreEnvShape),
    ...(onBus ? messagingEnvShape : {}),
    ...Object.fromEntries(entry.consumes.map((c) => [c.variable, envFields.queueName(c.queue)])),
    ...own,
  } as SubgraphEnvShape<N> & TOwn;
  const loader = configLoader(shape, (env) => {
    const read = env as Record<string, unknown>;
    const located = {
      port: read[entry.portVariable] as number,
      metricsPort: read[entry.metricsPortVariable] as number,
      databaseUrl: read[entry.databaseUrlVariable] as string | undefined,
    };
    const settings = env as z.infer<z.ZodObject<typeof subgraphEnvShape & typeof messagingEnvShape>>;
    const core = entry.verifiesTokens
      ? subgraphConfig(settings, located)
      : { ...located, dataDir: settings.DATA_DIR, logLevel: settings.LOG_LEVEL };
    const base = onBus ? { ...core, amqpUrl: settings.AMQP_URL, amqpExchange: settings.AMQP_EXCHANGE } : core;
    return toConfig(env, base as SubgraphBaseConfig<N>);
  });
  return { shape, ...loader };
}
