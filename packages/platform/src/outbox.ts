import { AsyncResource } from "node:async_hooks";
import { and, asc, eq, getTableName, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { Envelope, MessageBus } from "./bus/types";
import { utcTimestamp } from "./columns";
import type { Database, Transaction } from "./db";
import type { Logger } from "./logger";
import { currentServiceMetrics, type OutboxBacklog } from "./metrics";
import { runInBackground } from "./request-scope";
import { activeService, injectTraceContext, publishInSpan, tracingEnabled } from "./tracing";

/**
 * The transactional outbox: a service writes the messages it means to send into this table in
 * the same transaction as the state change they announce, so either both happen or neither.
 * A relay then publishes them and marks them sent only once the broker has confirmed them.
 * Each subgraph that publishes declares one in its Drizzle schema: `export const outbox = outboxTable();`
 * Messages are written only through `inTransactionWithOutbox` (or `handleOnce` with a relay),
 * which also wakes the relay once the transaction has committed.
 */
export function outboxTable(name = "outbox") {
  return pgTable(
    name,
    {
      /** The message id: consumers de-duplicate on it. */
      id: uuid("id").primaryKey(),
      type: text("type").notNull(),
      envelope: jsonb("envelope").$type<Envelope>().notNull(),
      createdAt: utcTimestamp("created_at").notNull().defaultNow(),
      publishedAt: utcTimestamp("published_at"),
      attempts: integer("attempts").notNull().default(0),
      lastError: text("last_error"),
      /** After a failed publish the row waits here, longer after each failure (at most a minute). */
      nextAttemptAt: utcTimestamp("next_attempt_at"),
    },
    (t) => [
      index(`${name}_pending_idx`)
        .on(t.createdAt)
        .where(sql`${t.publishedAt} is null`),
    ],
  );
}

export type OutboxTable = ReturnType<typeof outboxTable>;

// The relay only ever sees its own table; any schema that includes one will do.
type AnyDatabase = Database<Record<string, unknown>>;

/** Stores messages to send, in the transaction that makes the change they announce. */
async function writeMessages(tx: AnyDatabase, table: OutboxTable, messages: Envelope[]): Promise<void> {
  // The row keeps the trace of the work that wrote it: the relay publishes it later, elsewhere.
  const traced = tracingEnabled()
    ? messages.map((m) => ({ ...m, headers: injectTraceContext({ ...m.headers }) }))
    : messages;
  await tx.insert(table).values(traced.map((m) => ({ id: m.id, type: m.type, envelope: m })));
}

/**
 * What the outbox gauges show: one statement over the pending rows (the partial index holds only
 * those). Run as background work, so a scrape never counts as a request's SQL.
 */
export function outboxBacklog(db: AnyDatabase, table: OutboxTable): Promise<OutboxBacklog> {
  return runInBackground("outbox-metrics", async () => {
    const [row] = await db
      .select({
        pending: sql<number>`count(*)`.mapWith(Number),
        // Never below 0: a row written this millisecond may carry a time rounded up past now().
        oldestAgeSeconds:
          sql<number>`greatest(coalesce(extract(epoch from now() - min(${table.createdAt})), 0), 0)`.mapWith(
            Number,
          ),
      })
      .from(table)
      .where(isNull(table.publishedAt));
    return row ?? { pending: 0, oldestAgeSeconds: 0 };
  });
}

export interface OutboxRelay {
  /** The table it publishes from, which `inTransactionWithOutbox` writes to. */
  readonly table: OutboxTable;
  /** One pass; resolves with how many messages the broker confirmed. */
  drain(): Promise<number>;
  /** Stops polling and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** A transaction's way to send messages: they are stored in it and sent once it has committed. */
export interface Outbox {
  enqueue(...messages: Envelope[]): Promise<void>;
}

/**
 * How each relay is woken: only a committed transaction that wrote to its outbox may do it, so
 * the wake-up is not part of the relay's public face.
 */
const wakeUps = new WeakMap<OutboxRelay, () => void>();

/**
 * Runs `work` in one transaction of `db` with an outbox bound to it and to `relay`. Once the
 * transaction has committed, and only if `work` enqueued something, the relay is woken to
 * publish at once instead of at its next tick. A transaction that rolls back (`work` throws,
 * `tx.rollback()`, a failed commit) stores nothing and wakes nothing. Resolves with what `work`
 * resolved with.
 */
export async function inTransactionWithOutbox<TSchema extends Record<string, unknown>, T>(
  db: Database<TSchema>,
  relay: OutboxRelay,
  work: (tx: Transaction<TSchema>, outbox: Outbox) => Promise<T>,
): Promise<T> {
  let enqueued = false;
  let open = true;
  const result = await db.transaction(async (tx) => {
    const outbox: Outbox = {
      enqueue: async (...messages) => {
        if (!open) throw new Error("an outbox was used after its transaction ended");
        if (!messages.length) return;
        await writeMessages(tx, relay.table, messages);
        enqueued = true;
      },
    };
    try {
      return await work(tx, outbox);
    } finally {
      open = false;
    }
  });
  if (enqueued) wakeUps.get(relay)?.();
  return result;
}

/**
 * A relay that never publishes: what is written through it waits in its table for whichever
 * relay runs on that table next. For tests that need messages to stay unsent (as after a crash
 * right after the commit) and for writing test fixtures.
 */
export function idleOutboxRelay(table: OutboxTable): OutboxRelay {
  return { table, drain: () => Promise.resolve(0), stop: () => Promise.resolve() };
}

/**
 * Publishes pending outbox rows oldest first. Rows are claimed with FOR UPDATE SKIP LOCKED
 * inside a transaction, so relays in several replicas never send the same row at once and
 * never wait on each other; a row is marked published only after the broker confirmed it. A
 * publish that fails (broker down, no queue bound) leaves the row pending with the error noted,
 * and the next pass tries again: delivery is at least once, consumers de-duplicate on the id.
 */
export function startOutboxRelay(options: {
  db: AnyDatabase;
  table: OutboxTable;
  bus: MessageBus;
  log: Logger;
  intervalMs?: number;
  batchSize?: number;
  /**
   * How long a publish may wait for the broker's confirm. A broker that blocks publishers (a
   * memory or disk alarm) keeps the link up but never confirms; without a deadline the pass,
   * its row locks and its connection would wait for ever. An expired publish stays pending and
   * is sent again later (consumers de-duplicate).
   */
  publishTimeoutMs?: number;
}): OutboxRelay {
  const { db, table, bus, log } = options;
  // The relay's publish spans are its service's; it is started in that service's setup.
  const service = activeService();
  // Its metrics likewise; the backlog is read from the table at each scrape.
  const metrics = currentServiceMetrics();
  const unwatch = metrics?.watchOutbox(getTableName(table), () => outboxBacklog(db, table));
  const batchSize = options.batchSize ?? 100;
  const publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  const pass = async (): Promise<number> => {
    if (!bus.isReady()) return 0;
    const sent = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(table)
        .where(
          and(
            isNull(table.publishedAt),
            or(isNull(table.nextAttemptAt), lte(table.nextAttemptAt, sql`now()`)),
          ),
        )
        .orderBy(asc(table.createdAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      // All published at once: they go out on one channel in this order, and the confirms come
      // back together instead of one round trip each.
      const outcomes = await Promise.allSettled(
        rows.map((row) =>
          publishInSpan(service, row.envelope, (envelope) =>
            withDeadline(bus.publish(envelope), publishTimeoutMs),
          ),
        ),
      );
      const published: string[] = [];
      for (const [index, outcome] of outcomes.entries()) {
        const row = rows[index]!;
        if (outcome.status === "fulfilled") {
          published.push(row.id);
          continue;
        }
        const error: unknown = outcome.reason;
        const reason = error instanceof Error ? error.message : String(error);
        // The first failure is worth a warning; the retries after it only while debugging.
        log[row.attempts === 0 ? "warn" : "debug"](
          { messageId: row.id, type: row.type, reason },
          "outbox message not published; will retry",
        );
        await tx
          .update(table)
          .set({
            attempts: sql`${table.attempts} + 1`,
            lastError: reason.slice(0, 500),
            nextAttemptAt: sql`now() + make_interval(secs => least(power(2, ${table.attempts}) * 0.5, 60))`,
          })
          .where(eq(table.id, row.id));
      }
      if (published.length) {
        await tx
          .update(table)
          .set({ publishedAt: new Date(), attempts: sql`${table.attempts} + 1` })
          .where(inArray(table.id, published));
      }
      return published.length;
    });
    // Counted once the rows are marked sent for good.
    metrics?.outboxPublished.inc(sent);
    return sent;
  };

  const drain = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) => {
        log.error({ err: error }, "outbox relay pass failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void drain();
        }
      });
    return running;
  };

  const timer = setInterval(() => void drain(), options.intervalMs ?? 500);
  // A wake-up comes from a request; the pass it starts is the relay's own work, not the request's
  // (its SQL is not the request's, and it must not look like part of a transaction the caller holds).
  const detached = AsyncResource.bind((start: () => void) => start());
  const relay: OutboxRelay = {
    table,
    drain,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      unwatch?.();
      await running;
    },
  };
  wakeUps.set(relay, () => {
    if (!stopped) detached(() => void drain());
  });
  return relay;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the broker did not confirm within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
