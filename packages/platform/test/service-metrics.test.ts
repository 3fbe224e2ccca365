import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "amqplib";
import {
  createAmqpBus,
  createInProcessBus,
  PermanentMessageError,
  type Envelope,
  type MessageBus,
  type MessageHandler,
} from "../src/bus";
import type { DatabaseHandle } from "../src/db";
import { handleOnce, inboxTable } from "../src/inbox";
import { createServiceMetrics, withServiceMetrics, type ServiceMetrics } from "../src/metrics";
import { idleOutboxRelay, inTransactionWithOutbox, outboxTable, startOutboxRelay } from "../src/outbox";
import { envelope, gate, waitFor } from "./bus-helpers";
import { createMessagingTables, openTestDatabase, type Driver } from "./databases";

const AMQP_URL = process.env.TEST_AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672";
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
/** setInterval's largest delay: a relay that only runs when the test drains it. */
const NEVER = 2_147_483_647;
const outbox = outboxTable();
const inbox = inboxTable();

/** The value of one series of a metric, as a scrape reads it (undefined: no such series). */
async function sample(
  metrics: ServiceMetrics,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const series = metric?.values.find((v) =>
    Object.entries(labels).every(([key, value]) => v.labels[key] === value),
  );
  return series?.value;
}

describe.each(["pglite", "postgres"] as const)("a service's messaging metrics on %s", (driver: Driver) => {
  let handle: DatabaseHandle<Record<string, never>>;
  let bus: MessageBus;

  beforeAll(async () => {
    handle = await openTestDatabase(driver, `metrics-${driver}`, { poolSize: 2 });
    await createMessagingTables(handle);
    bus = createInProcessBus({ log, redeliveryDelayMs: 1 });
  }, 60_000);
  afterAll(async () => {
    await bus?.close();
    await handle?.close();
  });

  it("an unsent outbox row shows as backlog with its age, read without counting as request SQL", async () => {
    const metrics = createServiceMetrics(`outbox-${driver}`);
    const type = `test.outbox-${driver}.v1`;
    const relay = withServiceMetrics(metrics, () =>
      startOutboxRelay({ db: handle.db, table: outbox, bus, log, intervalMs: NEVER }),
    );
    try {
      expect(await sample(metrics, "outbox_messages_pending", { table: "outbox" })).toBe(0);
      // Written without waking the relay, so the row waits until the test drains it.
      await inTransactionWithOutbox(handle.db, idleOutboxRelay(outbox), (_, pending) =>
        pending.enqueue(envelope(type)),
      );
      const statements = handle.statementCount();
      await waitFor(async () => ((await sample(metrics, "outbox_oldest_pending_age_seconds")) ?? 0) > 0);
      expect(await sample(metrics, "outbox_messages_pending", { table: "outbox" })).toBe(1);
      expect(handle.statementCount()).toBe(statements);

      // Once a queue takes it, the relay sends it and the backlog is empty again.
      await bus.consume({ queue: `test.outbox-${driver}`, bindings: [type] }, () => Promise.resolve());
      expect(await relay.drain()).toBe(1);
      expect(await sample(metrics, "outbox_messages_pending")).toBe(0);
      expect(await sample(metrics, "outbox_oldest_pending_age_seconds")).toBe(0);
      expect(await sample(metrics, "outbox_messages_published_total")).toBe(1);
    } finally {
      await relay.stop();
    }
    // A stopped relay's outbox is no longer reported.
    expect(await sample(metrics, "outbox_messages_pending")).toBeUndefined();
  });

  it("a message delivered to an inbox a second time counts as a duplicate of its queue", async () => {
    const metrics = createServiceMetrics(`inbox-${driver}`);
    const queue = `test.inbox-${driver}`;
    const type = `test.inbox-${driver}.v1`;
    const handled: string[] = [];
    const consumer = await withServiceMetrics(metrics, () =>
      bus.consume({ queue, bindings: [type] }, (message) =>
        handleOnce(handle.db, inbox, message, () => {
          handled.push(message.id);
          return Promise.resolve();
        }).then(() => undefined),
      ),
    );
    try {
      const message = envelope(type);
      await bus.publish(message);
      await waitFor(() => handled.length === 1);
      expect(await sample(metrics, "inbox_duplicates_total", { queue })).toBeUndefined();
      await bus.publish(message);
      await waitFor(async () => (await sample(metrics, "inbox_duplicates_total", { queue })) === 1);
      expect(handled).toEqual([message.id]);
    } finally {
      await consumer.cancel();
    }
  });

  it("reports the database's connections in use, waiting and at most", async () => {
    const metrics = createServiceMetrics(`pool-${driver}`);
    metrics.watchConnections(handle.driver, () => handle.connectionUse());
    const max = driver === "postgres" ? 2 : 1;
    const labels = { driver };
    expect(await sample(metrics, "db_pool_connections_max", labels)).toBe(max);
    expect(await sample(metrics, "db_pool_connections_in_use", labels)).toBe(0);
    // One more transaction than there are connections: that one waits.
    const hold = gate();
    const opened: Promise<void>[] = [];
    for (let i = 0; i <= max; i++)
      opened.push(
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await hold.wait;
        }),
      );
    await waitFor(async () => (await sample(metrics, "db_pool_waiting_requests", labels)) === 1);
    expect(await sample(metrics, "db_pool_connections_in_use", labels)).toBe(max);
    hold.release();
    await Promise.all(opened);
    expect(await sample(metrics, "db_pool_connections_in_use", labels)).toBe(0);
    expect(await sample(metrics, "db_pool_waiting_requests", labels)).toBe(0);
  });
});

/**
 * A consumer (prefetch 1) that holds every message until released and dead-letters poison; the
 * test sees one poison message dead-lettered, then three ordinary ones: one held, two ready.
 */
async function queueMetricsScenario(bus: MessageBus, metrics: ServiceMetrics, queue: string) {
  const type = `${queue}.v1`;
  const hold = gate();
  const handler: MessageHandler = async (message: Envelope) => {
    if ((message.payload as { poison?: boolean }).poison) throw new PermanentMessageError("poison");
    await hold.wait;
  };
  const consumer = await withServiceMetrics(metrics, () =>
    bus.consume({ queue, bindings: [type], prefetch: 1 }, handler),
  );
  try {
    await bus.publish(envelope(type, { poison: true }));
    await waitFor(async () => (await sample(metrics, "queue_dead_letter_messages", { queue })) === 1);
    expect(await sample(metrics, "messages_dead_lettered_total", { queue })).toBe(1);
    for (let i = 0; i < 3; i++) await bus.publish(envelope(type));
    await waitFor(async () => (await sample(metrics, "queue_messages", { queue })) === 2);
    hold.release();
    await waitFor(async () => (await sample(metrics, "queue_messages", { queue })) === 0);
  } finally {
    hold.release();
    await consumer.cancel();
  }
  // A cancelled consumer's queue is no longer reported.
  expect(await sample(metrics, "queue_messages", { queue })).toBeUndefined();
}

describe("scrape-time sources", () => {
  it("one that fails or never answers leaves only its own series out of the scrape", async () => {
    const metrics = createServiceMetrics("sources");
    metrics.watchQueue("answers", () => ({ messages: 3, deadLettered: 0 }));
    metrics.watchQueue("fails", () => Promise.reject(new Error("broker gone")));
    metrics.watchQueue("hangs", () => new Promise<never>(() => {}));
    const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === "queue_messages");
    expect(metric?.values.map((v) => [v.labels.queue, v.value])).toEqual([["answers", 3]]);
  });
});

describe("queue metrics", () => {
  it("on the in-process bus: ready and dead-lettered messages from its buffers, and dead-letters counted", async () => {
    const bus = createInProcessBus({ log, redeliveryDelayMs: 1 });
    try {
      await queueMetricsScenario(
        bus,
        createServiceMetrics("queues-in-process"),
        `test.queues.${randomUUID().slice(0, 8)}`,
      );
    } finally {
      await bus.close();
    }
  });

  it("on RabbitMQ: ready and dead-lettered messages as the broker counts them, and dead-letters counted", async () => {
    const bus = await createAmqpBus({ url: AMQP_URL, log });
    const queue = `test.queues.${randomUUID().slice(0, 8)}`;
    try {
      await queueMetricsScenario(bus, createServiceMetrics("queues-amqp"), queue);
    } finally {
      await bus.close();
      const admin = await connect(AMQP_URL);
      const channel = await admin.createChannel();
      await channel.deleteQueue(queue);
      await channel.deleteQueue(`${queue}.dlq`);
      await admin.close();
    }
  });
});
