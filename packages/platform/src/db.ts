import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Logger as DrizzleLogger } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { currentRequestScope } from "./request-scope";
import {
  ConnectionCounter,
  instrumentPgliteClient,
  instrumentPostgresClient,
  type ConnectionUse,
} from "./driver-instruments";
import type { Logger } from "./logger";

export type { ConnectionUse };

/** A subgraph's Drizzle database, whichever driver is behind it. */
export type Database<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;
/** The handle `db.transaction` gives its callback (a Database that can also `rollback()`). */
export type Transaction<TSchema extends Record<string, unknown>> = Parameters<
  Parameters<Database<TSchema>["transaction"]>[0]
>[0];

export interface DatabaseHandle<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  driver: "postgres" | "pglite";
  /** Throws when the database does not answer within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /**
   * SQL statements sent since the database was opened for callers: migrations and the service's
   * own background work (periodic tasks, `runInBackground`) are left out.
   */
  statementCount(): number;
  /** How busy its connections are now (PGlite has one). */
  connectionUse(): ConnectionUse;
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  /** Service name: the PGlite folder under dataDir and the advisory-lock key for migrations. */
  service: string;
  /** postgres:// URL; when absent the embedded PGlite in `<dataDir>/<service>` is used. */
  url?: string | undefined;
  /** Parent folder of the embedded databases; `memory://` keeps PGlite in memory. */
  dataDir?: string;
  migrationsFolder: string;
  schema: TSchema;
  log: Logger;
  poolSize?: number;
  onStatement?: () => void;
}

export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<DatabaseHandle<TSchema>> {
  let counting = false;
  let statements = 0;
  const logger: DrizzleLogger = {
    logQuery(query) {
      if (!counting) return;
      const scope = currentRequestScope();
      if (scope?.background) return;
      statements++;
      if (scope) scope.sqlStatements++;
      options.onStatement?.();
      options.log.trace({ query }, "sql");
    },
  };
  const handle = options.url ? await openPostgres(options, logger) : await openPglite(options, logger);
  counting = true;
  return { ...handle, statementCount: () => statements };
}

async function openPostgres<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
  logger: DrizzleLogger,
): Promise<Omit<DatabaseHandle<TSchema>, "statementCount">> {
  const max = options.poolSize ?? 10;
  const connections = new ConnectionCounter(max);
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(options.url!, {
    max,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: options.service, TimeZone: "UTC" },
  });
  const db = drizzle({
    client: instrumentPostgresClient(client, options.service, connections),
    schema: options.schema,
    logger,
  });
  // Replicas may start together; one migrates while the others wait on the same lock.
  const lockConnection = await client.reserve();
  try {
    await lockConnection`select pg_advisory_lock(hashtext(${`migrations:${options.service}`}))`;
    await migrate(db, { migrationsFolder: options.migrationsFolder });
  } finally {
    await lockConnection`select pg_advisory_unlock(hashtext(${`migrations:${options.service}`}))`.catch(
      () => {},
    );
    lockConnection.release();
  }
  options.log.info({ driver: "postgres" }, "database ready and migrated");
  return {
    db: db as unknown as Database<TSchema>,
    driver: "postgres",
    connectionUse: () => connections.use(),
    ping: (timeoutMs = 2000) =>
      withTimeout(
        client`select 1`.then(() => undefined),
        timeoutMs,
      ),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
  logger: DrizzleLogger,
): Promise<Omit<DatabaseHandle<TSchema>, "statementCount">> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dataDir = options.dataDir ?? ".data";
  let location = "memory://";
  if (dataDir !== "memory://") {
    location = path.resolve(dataDir, options.service);
    mkdirSync(location, { recursive: true });
  }
  const client = new PGlite(location);
  await client.waitReady;
  await client.exec("SET TIME ZONE 'UTC'");
  const connections = new ConnectionCounter(1);
  const db = drizzle({
    client: guardSingleConnection(instrumentPgliteClient(client, options.service, connections)),
    schema: options.schema,
    logger,
  });
  await migrate(db, { migrationsFolder: options.migrationsFolder });
  options.log.info({ driver: "pglite", location }, "embedded database ready and migrated");
  return {
    db: db as unknown as Database<TSchema>,
    driver: "pglite",
    connectionUse: () => connections.use(),
    ping: (timeoutMs = 2000) =>
      withTimeout(
        db.execute(sql`select 1`).then(() => undefined),
        timeoutMs,
      ),
    close: () => client.close(),
  };
}

/** Thrown instead of waiting forever: see guardSingleConnection. */
export class EmbeddedTransactionMisuseError extends Error {
  constructor(what: string) {
    super(
      `${what} was issued on the database handle from inside an open transaction. The embedded ` +
        `database (PGlite) has one connection, which that transaction holds until its callback ` +
        `returns, so this would wait forever. Inside db.transaction(), send every statement through ` +
        `the transaction handle it gives (tx), or move the work after the transaction.`,
    );
    this.name = "EmbeddedTransactionMisuseError";
  }
}

/** The transactions the current async context runs inside (per embedded database). */
interface OpenTransaction {
  open: boolean;
}

/**
 * PGlite serialises everything through one connection: while a transaction's callback runs,
 * a statement sent through the ordinary handle queues behind it. When the callback itself waits
 * for that statement (directly, or through a helper that was handed the wrong handle) neither can
 * finish, and the whole subgraph hangs for good. On PostgreSQL the same code takes a second pool
 * connection and works, so the mistake stays hidden until the embedded default meets it.
 *
 * The guard makes it loud instead: statements and nested transactions sent through the handle
 * from inside one of its own transaction callbacks fail at once. Work started elsewhere (another
 * request) still queues as usual, and the transaction handle itself is never checked.
 */
function guardSingleConnection<T extends object>(client: T): T {
  const scope = new AsyncLocalStorage<OpenTransaction>();
  const insideTransaction = () => scope.getStore()?.open === true;
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === "transaction") {
        return (callback: (tx: unknown) => Promise<unknown>) => {
          if (insideTransaction()) throw new EmbeddedTransactionMisuseError("A nested transaction");
          return method.call(target, (tx: unknown) => {
            const transaction: OpenTransaction = { open: true };
            return scope
              .run(transaction, () => callback(tx))
              .finally(() => {
                transaction.open = false;
              });
          });
        };
      }
      if (property === "query" || property === "exec" || property === "sql") {
        return (...args: unknown[]) => {
          if (insideTransaction()) throw new EmbeddedTransactionMisuseError("A statement");
          return method.apply(target, args);
        };
      }
      return method.bind(target);
    },
  });
}

/**
 * The constraint a statement violated when it broke a UNIQUE constraint (SQLSTATE 23505), for
 * turning a lost race or a duplicate into a clear client error. Drizzle wraps driver errors, so
 * the cause chain is searched.
 */
export function uniqueViolation(error: unknown): string | undefined {
  for (let current = error; current instanceof Error || (current && typeof current === "object");) {
    const candidate = current as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
      cause?: unknown;
    };
    if (candidate.code === "23505") {
      const name = candidate.constraint_name ?? candidate.constraint;
      return typeof name === "string" ? name : "unknown";
    }
    current = candidate.cause;
  }
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
