import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { connect } from "amqplib";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAmqpBus, createInProcessBus, type Envelope, type MessageBus } from "../src/bus";
import type { DatabaseHandle } from "../src/db";
import { handleOnce, inboxTable } from "../src/inbox";
import {
  idleOutboxRelay,
  inTransactionWithOutbox,
  outboxTable,
  startOutboxRelay,
  type OutboxRelay,
} from "../src/outbox";
import { envelope, waitFor } from "./bus-helpers";
import { createMessagingTables, openTestDatabase, type Driver } from "./databases";

const AMQP_URL = process.env.TEST_AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672";
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
/** setInterval's largest delay: the relay never ticks, so only a wake-up after commit can send. */
const NEVER = 2_147_483_647;
const outbox = outboxTable();
const inbox = inboxTable();
const run = randomUUID().slice(0, 8);

type BusKind = "in-process" | "amqp";

describe.each([
  ["pglite", "in-process"],
  ["pglite", "amqp"],
  ["postgres", "in-process"],
  ["postgres", "amqp"],
] as const)("the outbox on %s with the %s bus", (driver: Driver, kind: BusKind) => {
  const name = `${driver}-${kind}`;
  const exchange = `test.outbox.${run}.${name}`;
  const queue = `test.outbox.${run}.${name}`;
  const type = `test.outbox-${run}-${name}.v1`;
  let handle: DatabaseHandle<Record<string, never>>;
  let bus: MessageBus;
  let relay: OutboxRelay;
  const received: Envelope[] = [];
  /** Relay passes started: each begins by asking the bus whether it is ready. */
  let passes = 0;

  beforeAll(async () => {
    handle = await openTestDatabase(driver, `outbox-${name}`, { poolSize: 4 });
    await createMessagingTables(handle);
    bus =
      kind === "amqp"
        ? await createAmqpBus({ url: AMQP_URL, log, exchange })
        : createInProcessBus({ log, redeliveryDelayMs: 1 });
    await bus.consume({ queue, bindings: [type] }, (message) => {
      received.push(message);
      return Promise.resolve();
    });
    const watched: MessageBus = {
      publish: (message) => bus.publish(message),
      consume: (spec, handler) => bus.consume(spec, handler),
      subscribe: (spec, handler) => bus.subscribe(spec, handler),
      isReady: () => {
        passes++;
        return bus.isReady();
      },
      close: () => bus.close(),
    };
    relay = startOutboxRelay({ db: handle.db, table: outbox, bus: watched, log, intervalMs: NEVER });
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    await bus?.close();
    await handle?.close();
    if (kind !== "amqp") return;
    const admin = await connect(AMQP_URL);
    try {
      const channel = await admin.createChannel();
      for (const name of [queue, `${queue}.dlq`]) await channel.deleteQueue(name);
      await channel.deleteExchange(exchange);
      await channel.deleteExchange(`${exchange}.dlx`);
    } finally {
      await admin.close();
    }
  });

  const rowsOf = (ids: string[]) => handle.db.select().from(outbox).where(inArray(outbox.id, ids));
  const arrived = (ids: string[]) =>
    waitFor(() => ids.every((id) => received.some((message) => message.id === id)));

  it("publishes what a committed transaction enqueued at once, with no tick and no manual wake-up", async () => {
    const messages = [envelope(type, { n: 1 }), envelope(type, { n: 2 })];
    const result = await inTransactionWithOutbox(handle.db, relay, async (_tx, pending) => {
      await pending.enqueue(messages[0]!);
      await pending.enqueue(messages[1]!);
      return "done";
    });
    expect(result).toBe("done");
    await arrived(messages.map((m) => m.id));
    expect(received.filter((m) => m.type === type).map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    await waitFor(async () =>
      (await rowsOf(messages.map((m) => m.id))).every((row) => row.publishedAt !== null),
    );
  });

  it("a transaction that rolls back stores nothing and does not wake the relay", async () => {
    const thrown = envelope(type);
    const rolledBack = envelope(type);
    const before = passes;
    await expect(
      inTransactionWithOutbox(handle.db, relay, async (_tx, pending) => {
        await pending.enqueue(thrown);
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    await expect(
      inTransactionWithOutbox(handle.db, relay, async (tx, pending) => {
        await pending.enqueue(rolledBack);
        tx.rollback();
      }),
    ).rejects.toThrow();
    // A wake-up starts its pass before the call returns, so none has happened if none shows now.
    expect(passes).toBe(before);
    expect(await rowsOf([thrown.id, rolledBack.id])).toEqual([]);

    // The same probe sees the wake-up of a transaction that commits.
    const committed = envelope(type);
    await inTransactionWithOutbox(handle.db, relay, (_tx, pending) => pending.enqueue(committed));
    expect(passes).toBe(before + 1);
    await arrived([committed.id]);
    expect(received.map((m) => m.id)).not.toContain(thrown.id);
    expect(received.map((m) => m.id)).not.toContain(rolledBack.id);
  });

  it("a transaction that enqueued nothing does not wake the relay", async () => {
    const before = passes;
    expect(
      await inTransactionWithOutbox(handle.db, relay, async (_tx, pending) => {
        await pending.enqueue();
        return 7;
      }),
    ).toBe(7);
    expect(passes).toBe(before);
  });

  it("an outbox cannot be written after its transaction has ended", async () => {
    let kept: Parameters<Parameters<typeof inTransactionWithOutbox>[2]>[1] | undefined;
    await inTransactionWithOutbox(handle.db, relay, (_tx, pending) => {
      kept = pending;
      return Promise.resolve();
    });
    await expect(kept!.enqueue(envelope(type))).rejects.toThrow(/after its transaction ended/);
  });

  it("an idle relay keeps what is written through it for the next pass of a running one", async () => {
    const message = envelope(type);
    const before = passes;
    await inTransactionWithOutbox(handle.db, idleOutboxRelay(outbox), (_tx, pending) =>
      pending.enqueue(message),
    );
    expect(passes).toBe(before);
    const [row] = await rowsOf([message.id]);
    expect(row?.publishedAt).toBeNull();
    await relay.drain();
    await arrived([message.id]);
  });

  it("a handled message's effect sends through the outbox once, promptly, and a duplicate sends nothing", async () => {
    const delivered = envelope(`test.inbox-${run}.v1`);
    const announced = envelope(type);
    const handle1 = () =>
      handleOnce(handle.db, inbox, delivered, (_tx, pending) => pending.enqueue(announced), relay);
    expect(await handle1()).toBe(true);
    await arrived([announced.id]);
    const before = passes;
    expect(await handle1()).toBe(false);
    expect(passes).toBe(before);
    expect(received.filter((m) => m.id === announced.id)).toHaveLength(1);
    await waitFor(async () => (await rowsOf([announced.id]))[0]?.publishedAt != null);
  });
});
