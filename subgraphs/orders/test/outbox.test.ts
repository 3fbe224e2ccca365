import { randomUUID } from "node:crypto";
import { eq, isNull } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAmqpBus, type Envelope, type MessageBus } from "@storefront/platform/bus";
import { openDatabase, type DatabaseHandle } from "@storefront/platform/db";
import { createMessage } from "@storefront/platform/messages";
import { idleOutboxRelay, inTransactionWithOutbox, startOutboxRelay } from "@storefront/platform/outbox";
import { createTestDatabase, testEnv, waitFor, type TestDatabase } from "@storefront/testkit";
import { migrationsFolder, schema } from "../src/db";
import { outbox } from "../src/db/schema";

const log = pino({ level: "silent" });
let database: TestDatabase;
let handle: DatabaseHandle<typeof schema>;
let bus: MessageBus;
let observer: MessageBus;
const received: Envelope[] = [];
const exchange = `test.outbox.${randomUUID()}`;

const statusEvent = () =>
  createMessage("orders.order-status-changed.v1", {
    orderId: randomUUID(),
    userId: randomUUID(),
    status: "PAID",
    previousStatus: "PAYMENT_PENDING",
    sequence: 3,
    changedAt: new Date().toISOString(),
  });

beforeAll(async () => {
  database = await createTestDatabase("outbox");
  handle = await openDatabase({
    service: "orders",
    url: database.url,
    dataDir: "memory://",
    migrationsFolder,
    schema,
    log,
  });
  bus = await createAmqpBus({ url: testEnv.amqpUrl, log, exchange });
  observer = await createAmqpBus({ url: testEnv.amqpUrl, log, exchange });
});
afterAll(async () => {
  await observer?.close();
  await bus?.close();
  await handle?.close();
  await database?.drop();
});

/** Stores messages without waking any relay: they wait for the next pass of one that runs. */
const store = (messages: Envelope[]) =>
  inTransactionWithOutbox(handle.db, idleOutboxRelay(outbox), (_tx, pending) => pending.enqueue(...messages));

const pendingRows = () => handle.db.select().from(outbox).where(isNull(outbox.publishedAt));

describe("transactional outbox", () => {
  it("a message whose transaction rolls back is never stored, so never sent", async () => {
    const message = statusEvent();
    await inTransactionWithOutbox(handle.db, idleOutboxRelay(outbox), async (_tx, pending) => {
      await pending.enqueue(message);
      throw new Error("the state change failed");
    }).catch(() => {});
    expect((await handle.db.select().from(outbox)).map((r) => r.id)).not.toContain(message.id);
  });

  it("keeps a message no queue is bound for pending, then sends it once a queue appears", async () => {
    const relay = startOutboxRelay({ db: handle.db, table: outbox, bus, log, intervalMs: 50 });
    try {
      const message = statusEvent();
      await inTransactionWithOutbox(handle.db, relay, (_tx, pending) => pending.enqueue(message));
      const failed = await waitFor(pendingRows, (rows) =>
        rows.some((r) => r.id === message.id && r.attempts > 0),
      );
      const row = failed.find((r) => r.id === message.id)!;
      expect(row.publishedAt).toBeNull();
      expect(row.lastError).toMatch(/no queue is bound/);
      expect(row.nextAttemptAt).not.toBeNull();

      await observer.consume({ queue: `test.outbox.${randomUUID()}`, bindings: ["orders.#"] }, (m) => {
        received.push(m);
        return Promise.resolve();
      });
      await waitFor(
        () => received.filter((m) => m.id === message.id),
        (list) => list.length > 0,
        10_000,
      );
      const left = await waitFor(pendingRows, (rows) => rows.length === 0);
      expect(left).toHaveLength(0);
      expect(received.filter((m) => m.id === message.id)).toHaveLength(1);
    } finally {
      await relay.stop();
    }
  });

  it("two relays on one table send each message exactly once (FOR UPDATE SKIP LOCKED)", async () => {
    const messages = Array.from({ length: 60 }, statusEvent);
    await store(messages);
    const relays = [1, 2].map(() =>
      startOutboxRelay({ db: handle.db, table: outbox, bus, log, intervalMs: 10, batchSize: 7 }),
    );
    try {
      const ids = new Set(messages.map((m) => m.id));
      await waitFor(
        () => received.filter((m) => ids.has(m.id)),
        (list) => list.length >= messages.length,
        15_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const counts = new Map<string, number>();
      for (const m of received) if (ids.has(m.id)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
      expect(counts.size).toBe(messages.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
  });

  it("a broker that never confirms does not hold the relay: the publish expires and the row stays pending", async () => {
    // A broker under a resource alarm: the link is up, publishes are accepted, confirms never come.
    const blocked: MessageBus = {
      publish: () => new Promise<void>(() => {}),
      consume: () => Promise.reject(new Error("not used")),
      subscribe: () => Promise.reject(new Error("not used")),
      isReady: () => true,
      close: () => Promise.resolve(),
    };
    const message = statusEvent();
    await store([message]);
    const relay = startOutboxRelay({
      db: handle.db,
      table: outbox,
      bus: blocked,
      log,
      intervalMs: 3_600_000,
      publishTimeoutMs: 200,
    });
    try {
      expect(await relay.drain()).toBe(0);
      const [row] = await handle.db.select().from(outbox).where(eq(outbox.id, message.id));
      expect(row).toMatchObject({ publishedAt: null, attempts: 1 });
      expect(row!.lastError).toMatch(/did not confirm within 200 ms/);
    } finally {
      // Stopping must not wait on the publish that never ends.
      await relay.stop();
      await handle.db.delete(outbox).where(eq(outbox.id, message.id));
    }
  });
});
