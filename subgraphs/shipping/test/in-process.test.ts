import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessBus, type Envelope, type InProcessBus } from "@storefront/platform/bus";
import { createLogger } from "@storefront/platform/logger";
import { createMessage } from "@storefront/platform/messages";
import { startTestSubgraph, testEnv, waitFor } from "@storefront/testkit";
import { shipments } from "../src/db/schema";
import { shippingConfigFrom } from "../src/env";
import { shippingModule } from "../src";
import { US_ADDRESS, type ShippingSubgraph } from "./stack";

/** The embedded `npm start` mode: no RabbitMQ, one process, the in-process bus. */
let bus: InProcessBus;
let shipping: ShippingSubgraph;
// The production settings: requests come from the default queue name.
const config = shippingConfigFrom({ SERVICE_TOKEN: testEnv.serviceToken });
const events: Envelope[] = [];

beforeAll(async () => {
  bus = createInProcessBus({
    log: createLogger({ service: "test", level: "silent" }),
    redeliveryDelayMs: 10,
  });
  await bus.consume({ queue: "test.orders.shipment-events", bindings: ["shipping.#"] }, (message) => {
    events.push(message);
    return Promise.resolve();
  });
  shipping = await startTestSubgraph(
    shippingModule(config, {
      bus,
      relayIntervalMs: 100,
    }),
  );
});
afterAll(async () => {
  await shipping?.stop();
  await bus?.close();
});

describe("shipping on the in-process bus", () => {
  it("consumes requests from the production queue name and publishes status events", async () => {
    expect(config.shipmentRequestsQueue).toBe("shipping.shipment-requests");
    const request = createMessage("orders.shipment-requested.v1", {
      orderId: randomUUID(),
      userId: randomUUID(),
      address: US_ADDRESS,
      shippingOptionId: "ups-ground",
      lines: [{ variantId: randomUUID(), sku: "SKU", quantity: 2 }],
      total: { amount: 1000, currency: "USD" },
    });
    await bus.publish(request);
    await bus.publish(request);
    const delivered = await waitFor(
      () => events.filter((e) => (e.payload as { orderId: string }).orderId === request.payload.orderId),
      (list) => list.length > 0,
    );
    expect(delivered[0]!.payload).toMatchObject({ status: "LABEL_CREATED", sequence: 1 });
    const rows = await shipping.database.db
      .select()
      .from(shipments)
      .where(eq(shipments.orderId, request.payload.orderId));
    expect(rows).toHaveLength(1);
  });

  it("dead-letters a malformed request", async () => {
    const bad: Envelope = {
      id: randomUUID(),
      type: "orders.shipment-requested.v1",
      occurredAt: new Date().toISOString(),
      payload: { orderId: "not-a-uuid" },
    };
    await bus.publish(bad);
    const dead = await waitFor(
      () => bus.deadLetters(config.shipmentRequestsQueue),
      (list) => list.some((m) => m.id === bad.id),
    );
    expect(dead.map((m) => m.id)).toContain(bad.id);
  });
});
