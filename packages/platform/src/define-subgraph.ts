import path from "node:path";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { subgraph as topologyEntry } from "@storefront/contracts/topology";
import { createTokenVerifier, type TokenVerifier } from "./auth";
import {
  openMessageBus,
  type Consumer,
  type ConsumerSpec,
  type MessageBus,
  type MessageHandler,
} from "./bus";
import type { RequestContext } from "./context";
import type { Database } from "./db";
import type { EnvSource } from "./env";
import type { RouteHandler } from "./http";
import { launchSubgraph, type RunningSubgraph, type SubgraphModule } from "./launch";
import { stopOnSignals, type Stoppable } from "./lifecycle";
import { createLogger, type Logger } from "./logger";
import type { ServiceMetrics } from "./metrics";
import { idleOutboxRelay, startOutboxRelay, type OutboxRelay, type OutboxTable } from "./outbox";
import { packageRoot } from "./package-root";
import type { MessagingConfig, SubgraphCoreConfig } from "./subgraph-config";

/** Messages a consumer has in flight at once: enough to overlap database round trips, few enough to stay fair. */
export const CONSUMER_PREFETCH = 16;
/** Deliveries of a message that keeps failing before it goes to `<queue>.dlq` for a person to look at. */
export const CONSUMER_DELIVERY_LIMIT = 5;
/** How often a relay looks for unsent outbox rows when no committed write wakes it. */
export const RELAY_INTERVAL_MS = 500;

/** What a subgraph on the message bus is started with. */
export interface MessagingOptions {
  /** Where its messages go and come from (RabbitMQ, or the in-process bus when embedded). */
  bus: MessageBus;
  /**
   * `false` only in tests that need messages to stay in the outbox, as a crash right after the
   * commit would leave them: the relay never publishes.
   */
  relay?: boolean;
  relayIntervalMs?: number;
}

interface Background {
  stop(): Promise<void>;
}

/** What every subgraph's `setup` gets. */
export interface SubgraphSetup<TConfig, TSchema extends Record<string, unknown>, TOptions> {
  config: TConfig;
  options: TOptions;
  /** Migrated. */
  db: Database<TSchema>;
  log: Logger;
  metrics: ServiceMetrics;
  /**
   * Hands over background work started in `setup` (sweepers, periodic tasks, listeners): it is
   * stopped before the database closes, the last one kept first, and at once if `setup` fails.
   */
  keep: <T extends Background>(part: T) => T;
}

/** What a subgraph on the message bus's `setup` gets as well. */
export interface MessagingSetup {
  bus: MessageBus;
  /** Publishes its outbox; `inTransactionWithOutbox` with it wakes it after each commit. */
  relay: OutboxRelay;
  /**
   * Consumes a durable queue (prefetch CONSUMER_PREFETCH and delivery limit CONSUMER_DELIVERY_LIMIT
   * unless `spec` says otherwise). Kept like `keep`'s parts: cancelled (waiting for in-flight
   * messages) before what was started before it stops.
   */
  consume: (spec: ConsumerSpec, handler: MessageHandler) => Promise<Consumer>;
}

export type SetupOf<TConfig, TSchema extends Record<string, unknown>, TOptions> = SubgraphSetup<
  TConfig,
  TSchema,
  TOptions
> &
  (TOptions extends MessagingOptions ? MessagingSetup : unknown);

/** What a subgraph's `setup` returns: its own per-request parts and anything beyond the defaults. */
export interface SubgraphParts<TContext extends RequestContext> {
  /** Adds the subgraph's per-request parts (DataLoaders, db, services) to the shared context. */
  extendContext: (base: RequestContext) => TContext;
  /** Default: the access-token keys the token issuer publishes (`jwksUrl`), with its revocations. */
  verifyToken?: TokenVerifier;
  routes?: Record<string, RouteHandler>;
  /** Checks besides the database's (and the broker's, on the message bus). */
  readiness?: Record<string, () => Promise<void> | void>;
}

export interface SubgraphDefinition<
  TConfig extends SubgraphCoreConfig,
  TSchema extends Record<string, unknown>,
  TContext extends RequestContext,
  TOptions extends object,
> {
  /** Its name in the topology. */
  name: string;
  /** Its configuration loader (`subgraphConfigLoader`): `load` for the process, `from` for tests. */
  config: { from: (source: EnvSource) => TConfig; load: () => TConfig };
  database: { schema: TSchema; migrationsFolder: string };
  resolvers: GraphQLResolverMap<TContext>;
  /**
   * Its outbox table, for a subgraph on the message bus: it is then started with a bus
   * (MessagingOptions), gets a relay publishing this table and a readiness check of the broker.
   */
  outbox?: OutboxTable;
  /** Default: the topology's `subgraphs/<name>/src/schema.graphql`. */
  schemaFile?: string;
  /** Runs once the database is migrated. */
  setup(
    setup: SetupOf<TConfig, TSchema, TOptions>,
  ): Promise<SubgraphParts<TContext>> | SubgraphParts<TContext>;
}

type OptionsArgument<TOptions> = object extends TOptions ? [options?: TOptions] : [options: TOptions];

/**
 * Starts a subgraph in this process. On the message bus it takes its options (the bus at least);
 * otherwise only its configuration, as `npm start` calls every subgraph that is not on the bus.
 */
export type StartSubgraph<
  TConfig,
  TSchema extends Record<string, unknown>,
  TOptions,
> = TOptions extends MessagingOptions
  ? (config: TConfig, options: TOptions, log?: Logger) => Promise<RunningSubgraph<TSchema>>
  : (config: TConfig, log?: Logger) => Promise<RunningSubgraph<TSchema>>;

export interface DefinedSubgraph<
  TConfig extends SubgraphCoreConfig,
  TSchema extends Record<string, unknown>,
  TContext extends RequestContext,
  TOptions extends object,
> {
  name: string;
  definition: SubgraphDefinition<TConfig, TSchema, TContext, TOptions>;
  /** What `launchSubgraph` (and the test kit's `startTestSubgraph`) starts. */
  module: (config: TConfig, ...options: OptionsArgument<TOptions>) => SubgraphModule<TSchema, TContext>;
  start: StartSubgraph<TConfig, TSchema, TOptions>;
}

/** The repository root: the platform package is `packages/platform`. */
const repoRoot = path.resolve(packageRoot(import.meta.url), "../..");

/** Stops what was kept, last first; every one is stopped even if one fails, and the first failure is thrown. */
async function stopAll(parts: Background[]): Promise<void> {
  let failure: Error | undefined;
  while (parts.length) {
    try {
      await parts.pop()!.stop();
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  if (failure !== undefined) throw failure;
}

/**
 * One subgraph, wired the same way as every other: its SDL and migrations, a token verifier
 * against the token issuer's keys, readiness of its database (and broker), service metrics and,
 * on the message bus, an outbox relay and consumers with the platform's settings. `setup` adds
 * only what is the subgraph's own; `runSubgraph` runs it as a process.
 */
export function defineSubgraph<
  TConfig extends SubgraphCoreConfig,
  TSchema extends Record<string, unknown>,
  TContext extends RequestContext,
  TOptions extends object = Record<never, never>,
>(
  definition: SubgraphDefinition<TConfig, TSchema, TContext, TOptions>,
): DefinedSubgraph<TConfig, TSchema, TContext, TOptions> {
  const { name, outbox } = definition;
  const schemaFile = definition.schemaFile ?? path.join(repoRoot, topologyEntry(name).schemaFile);

  const module = (config: TConfig, options = {} as TOptions): SubgraphModule<TSchema, TContext> => ({
    name,
    schemaFile,
    resolvers: definition.resolvers,
    database: definition.database,
    async setup({ db, log, metrics }) {
      const kept: Background[] = [];
      const keep = <T extends Background>(part: T): T => {
        kept.push(part);
        return part;
      };
      const readiness: Record<string, () => Promise<void> | void> = {};
      let messaging: MessagingSetup | undefined;
      if (outbox) {
        const { bus, relay: relayOn, relayIntervalMs } = options as Partial<MessagingOptions>;
        if (!bus) throw new Error(`${name} is on the message bus: start it with a bus`);
        const relay =
          relayOn === false
            ? idleOutboxRelay(outbox)
            : startOutboxRelay({
                db,
                table: outbox,
                bus,
                log: log.child({ component: `${name}-outbox` }),
                intervalMs: relayIntervalMs ?? RELAY_INTERVAL_MS,
              });
        // Stopped last: one more pass publishes what the last handlers committed; anything left
        // goes on the next start.
        keep({
          stop: async () => {
            await relay.drain();
            await relay.stop();
          },
        });
        messaging = {
          bus,
          relay,
          consume: async (spec, handler) => {
            const consumer = await bus.consume(
              { prefetch: CONSUMER_PREFETCH, deliveryLimit: CONSUMER_DELIVERY_LIMIT, ...spec },
              handler,
            );
            keep({ stop: () => consumer.cancel() });
            return consumer;
          },
        };
        readiness.broker = () => {
          if (!bus.isReady()) throw new Error("message bus not connected");
        };
      }
      try {
        const parts = await definition.setup({
          config,
          options,
          db,
          log,
          metrics,
          keep,
          ...messaging,
        } as SetupOf<TConfig, TSchema, TOptions>);
        return {
          verifyToken: parts.verifyToken ?? defaultVerifier(name, config, log),
          extendContext: parts.extendContext,
          readiness: { ...readiness, ...parts.readiness },
          ...(parts.routes ? { routes: parts.routes } : {}),
          stop: () => stopAll(kept),
        };
      } catch (error) {
        // launchSubgraph stops only a runtime it was given; this one never got that far.
        await stopAll(kept).catch((stopError: unknown) =>
          log.error({ err: stopError }, "failed to stop what a failed setup had started"),
        );
        throw error;
      }
    },
  });

  const launch = (config: TConfig, options: TOptions | undefined, log: Logger | undefined) =>
    launchSubgraph(module(config, options), { ...config, ...(log ? { log } : {}) });
  const start = (
    outbox
      ? (config: TConfig, options: TOptions, log?: Logger) => launch(config, options, log)
      : (config: TConfig, log?: Logger) => launch(config, undefined, log)
  ) as StartSubgraph<TConfig, TSchema, TOptions>;

  return {
    name,
    definition,
    module: (config, ...options) => module(config, options[0]),
    start,
  };
}

function defaultVerifier(name: string, config: SubgraphCoreConfig, log: Logger): TokenVerifier {
  const keys = config as Partial<{ jwksUrl: string; jwksCacheSeconds: number }>;
  if (!keys.jwksUrl) throw new Error(`${name} has no jwksUrl to verify access tokens with, nor a verifier`);
  return createTokenVerifier({ jwksUrl: keys.jwksUrl, jwksCacheSeconds: keys.jwksCacheSeconds }, { log });
}

/**
 * A subgraph as its own process (`src/main.ts`, one line): reads its configuration from the
 * environment (exits naming every bad variable), opens the message bus when it is on one
 * (RabbitMQ with AMQP_URL, else the in-process bus, with a warning), starts it and stops
 * everything in reverse order on SIGTERM or SIGINT.
 */
export async function runSubgraph<
  TConfig extends SubgraphCoreConfig,
  TSchema extends Record<string, unknown>,
  TContext extends RequestContext,
  TOptions extends object,
>(defined: DefinedSubgraph<TConfig, TSchema, TContext, TOptions>): Promise<RunningSubgraph<TSchema>> {
  const config = defined.definition.config.load();
  const log = createLogger({ service: defined.name, level: config.logLevel });
  const running: Stoppable[] = [];
  let options = {} as TOptions;
  if (defined.definition.outbox) {
    const bus = await openMessageBus(config as unknown as MessagingConfig, log, { alone: true });
    running.push({ name: "bus", stop: () => bus.close() });
    options = { bus } as unknown as TOptions;
  }
  const subgraph = await launchSubgraph(defined.module(config, options), { ...config, log });
  running.push({ name: defined.name, stop: () => subgraph.stop() });
  stopOnSignals(log, running);
  return subgraph;
}
