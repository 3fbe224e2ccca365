import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { connect, type Channel, type ChannelModel } from "amqplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAmqpBus, createInProcessBus, type Envelope, type MessageBus } from "@storefront/platform/bus";
import { openDatabase } from "@storefront/platform/db";
import { createLogger } from "@storefront/platform/logger";
import { createMessage } from "@storefront/platform/messages";
import {
  createTestDatabase,
  interceptDeliveries,
  startTestSubgraph,
  testEnv,
  waitFor,
  type TestDatabase,
} from "@storefront/testkit";
import { migrationsFolder, schema } from "../src/db";
import { outbox, shipments } from "../src/db/schema";
import { shippingConfigFrom } from "../src/env";
import { shippingModule } from "../src/server";
import { US_ADDRESS } from "./stack";

const log = createLogger({ service: "shipping-test", level: "silent" });
const exchange = `test.${randomUUID()}`;
const queue = `test.shipping.${randomUUID()}`;
const config = shippingConfigFrom({ SERVICE_TOKEN: testEnv.serviceToken, SHIPMENT_REQUESTS_QUEUE: queue });
let database: TestDatabase;
let bus: MessageBus;
let observer: MessageBus;
let amqp: ChannelModel;
let channel: Channel;
const announced: Envelope[] = [];

beforeAll(async () => {
  database = await createTestDatabase("shipping_lifecycle");
  bus = await createAmqpBus({ url: testEnv.amqpUrl, log, exchange });
  observer = await createAmqpBus({ url: testEnv.amqpUrl, log, exchange });
  await observer.consume({ queue: `${queue}.observed`, bindings: ["shipping.#"] }, (message) => {
    announced.push(message);
    return Promise.resolve();
  });
  amqp = await connect(testEnv.amqpUrl);
  channel = await amqp.createChannel();
});
afterAll(async () => {
  await observer?.close();
  await bus?.close();
  for (const name of [queue, `${queue}.dlq`, `${queue}.observed`, `${queue}.observed.dlq`])
    await channel?.deleteQueue(name);
  await channel?.deleteExchange(exchange);
  await channel?.deleteExchange(`${exchange}.dlx`);
  await amqp?.close();
  await database?.drop();
});

describe("shipping lifecycle", () => {
  it("on stop, finishes the request in hand, acks it and publishes what it committed", async () => {
    let started = false;
    // The relay never ticks on its own here: only the wake-up after a commit or the final drain can send.
    // Each delivery is held up half a second before the service handles it, so stop() comes
    // while a request is in hand.
    const slowBus = interceptDeliveries(bus, (handler) => async (message, delivery) => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await handler(message, delivery);
    });
    const shipping = await startTestSubgraph(
      shippingModule(config, { bus: slowBus, relayIntervalMs: 2_147_483_647 }),
      { databaseUrl: database.url! },
    );
    const request = createMessage("orders.shipment-requested.v1", {
      orderId: randomUUID(),
      userId: randomUUID(),
      address: US_ADDRESS,
      shippingOptionId: "ups-ground",
      lines: [{ variantId: randomUUID(), sku: "SKU", quantity: 1 }],
      total: { amount: 1000, currency: "USD" },
    });
    await bus.publish(request);
    await waitFor(
      () => started,
      (yes) => yes,
    );
    await shipping.stop();

    const handle = await openDatabase({
      service: "shipping",
      url: database.url,
      migrationsFolder,
      schema,
      log,
    });
    try {
      const rows = await handle.db
        .select()
        .from(shipments)
        .where(eq(shipments.orderId, request.payload.orderId));
      expect(rows).toHaveLength(1);
      const [event] = await handle.db.select().from(outbox);
      expect(event?.publishedAt).not.toBeNull();
    } finally {
      await handle.close();
    }
    // Acked before the consumer went away: nothing was put back for another replica to redo.
    expect((await channel.checkQueue(queue)).messageCount).toBe(0);
    expect(announced.map((m) => (m.payload as { orderId: string }).orderId)).toContain(
      request.payload.orderId,
    );
  });

  it("does not start without a working bus", async () => {
    const closed = createInProcessBus({ log });
    await closed.close();
    await expect(
      startTestSubgraph(shippingModule(config, { bus: closed }), { databaseUrl: database.url! }),
    ).rejects.toThrow(/closed/);
  });
});
