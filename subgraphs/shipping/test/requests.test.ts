import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Envelope } from "@storefront/platform/bus";
import { REQUEST_TYPE, startStack, US_ADDRESS, waitFor, type Stack } from "./stack";
import { messageSchemas } from "@storefront/contracts/events";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** Waits until the consumer has finished `count` deliveries of the message. */
const handledTimes = (messageId: string, count: number) =>
  waitFor(
    () => stack.handledCount(messageId),
    (n) => n >= count,
  );

describe("shipment requests from orders", () => {
  it("creates one shipment with a tracking number and a LABEL_CREATED event, and announces it", async () => {
    const message = stack.request({ shippingOptionId: "fedex-priority" });
    await stack.publish(message);
    const [shipment] = await waitFor(
      () => stack.shipmentsOf(message.payload.orderId),
      (rows) => rows.length > 0,
    );

    expect(shipment).toMatchObject({
      orderId: message.payload.orderId,
      userId: message.payload.userId,
      optionId: "fedex-priority",
      carrier: "FedEx",
      service: "Priority",
      status: "LABEL_CREATED",
      sequence: 1,
    });
    expect(shipment!.trackingNumber).toMatch(/^FX\d{12}$/);
    expect(shipment!.estimatedDeliveryAt!.getTime()).toBeGreaterThan(shipment!.createdAt.getTime());
    const events = await stack.eventsOf(shipment!.id);
    expect(events.map((e) => [e.status, e.sequence])).toEqual([["LABEL_CREATED", 1]]);
    expect(await stack.inboxHas(message.id)).toBe(true);

    const [announced] = await waitFor(
      () => stack.eventsFor(message.payload.orderId),
      (list) => list.length > 0,
    );
    expect(announced!.type).toBe("shipping.shipment-status-changed.v1");
    expect(messageSchemas["shipping.shipment-status-changed.v1"].parse(announced!.payload)).toMatchObject({
      shipmentId: shipment!.id,
      orderId: message.payload.orderId,
      status: "LABEL_CREATED",
      carrier: "FedEx",
      trackingNumber: shipment!.trackingNumber,
      sequence: 1,
    });
    // Marked sent once the broker confirmed it.
    const rows = await waitFor(
      () => stack.outboxOf(message.payload.orderId),
      (list) => list.every((row) => row.publishedAt !== null),
    );
    expect(rows).toHaveLength(1);
  });

  it("gives every carrier's shipments tracking numbers in that carrier's style", async () => {
    const ups = await stack.requestShipment({ shippingOptionId: "ups-express" });
    const dhl = await stack.requestShipment({
      shippingOptionId: "dhl-express",
      address: { ...US_ADDRESS, country: "JP", postalCode: "100-0001" },
    });
    expect(ups.shipment.trackingNumber).toMatch(/^1Z\d{16}$/);
    expect(dhl.shipment).toMatchObject({ carrier: "DHL", service: "Express Worldwide" });
    expect(dhl.shipment.trackingNumber).toMatch(/^JD\d{18}$/);
  });

  it("ships an order whose option no longer exists with the cheapest standard service", async () => {
    const { shipment } = await stack.requestShipment({ shippingOptionId: "retired-carrier-overnight" });
    expect(shipment).toMatchObject({ optionId: "ups-ground", carrier: "UPS", service: "Ground" });
  });

  it("handles the same message delivered twice in a row once", async () => {
    const message = stack.request();
    await stack.publish(message);
    await handledTimes(message.id, 1);
    await stack.publish(message);
    await handledTimes(message.id, 2);

    const rows = await stack.shipmentsOf(message.payload.orderId);
    expect(rows).toHaveLength(1);
    expect(await stack.eventsOf(rows[0]!.id)).toHaveLength(1);
    expect(await stack.outboxOf(message.payload.orderId)).toHaveLength(1);
    expect(stack.handled.filter((h) => h.message.id === message.id).map((h) => h.applied)).toEqual([
      true,
      false,
    ]);
  });

  it("handles the same message delivered ten times at once once", async () => {
    const message = stack.request();
    await Promise.all(Array.from({ length: 10 }, () => stack.publish(message)));
    await handledTimes(message.id, 10);

    const rows = await stack.shipmentsOf(message.payload.orderId);
    expect(rows).toHaveLength(1);
    const events = await stack.eventsOf(rows[0]!.id);
    expect(events.map((e) => e.status)).toEqual(["LABEL_CREATED"]);
    expect(await stack.outboxOf(message.payload.orderId)).toHaveLength(1);
    expect(stack.handled.filter((h) => h.message.id === message.id && h.applied)).toHaveLength(1);
  });

  it("gives an order one shipment however many distinct requests arrive for it, even at once", async () => {
    const first = stack.request();
    // A re-published request: same order, new message id (e.g. orders' recovery ran twice).
    const republished = stack.request({ ...first.payload, shippingOptionId: "ups-express" });
    await Promise.all(
      Array.from({ length: 5 }, () => [stack.publish(first), stack.publish(republished)]).flat(),
    );
    await handledTimes(first.id, 5);
    await handledTimes(republished.id, 5);

    const rows = await stack.shipmentsOf(first.payload.orderId);
    expect(rows).toHaveLength(1);
    expect(await stack.eventsOf(rows[0]!.id)).toHaveLength(1);
    expect(await stack.outboxOf(first.payload.orderId)).toHaveLength(1);
    // Each distinct message is recorded as handled, though only one created the shipment.
    expect(await stack.inboxHas(first.id)).toBe(true);
    expect(await stack.inboxHas(republished.id)).toBe(true);
  });

  it("dead-letters malformed messages at once, with their headers, and goes on with the next", async () => {
    const testCase = randomUUID();
    await stack.publishRaw("not json {", { "x-test-case": testCase });
    // A well-formed envelope whose payload is not a shipment request (no order id).
    const badPayload: Envelope = {
      id: randomUUID(),
      type: REQUEST_TYPE,
      occurredAt: new Date().toISOString(),
      payload: { userId: randomUUID(), shippingOptionId: "ups-ground" },
      headers: { requestId: `bad-${testCase}` },
    };
    await stack.publish(badPayload);
    const good = stack.request();
    await stack.publish(good);
    await waitFor(
      () => stack.shipmentsOf(good.payload.orderId),
      (rows) => rows.length === 1,
    );

    const dead = await stack.waitForDeadLetters(2);
    expect(dead).toHaveLength(2);
    const raw = dead.find((m) => m.content.toString() === "not json {");
    const invalid = dead.find((m) => m.properties.messageId === badPayload.id);
    expect(raw?.properties.headers).toMatchObject({
      "x-test-case": testCase,
      "x-first-death-reason": "rejected",
      "x-first-death-queue": stack.queue,
    });
    expect(invalid?.properties.headers).toMatchObject({
      requestId: `bad-${testCase}`,
      "x-first-death-reason": "rejected",
    });
    expect(JSON.parse(invalid!.content.toString())).toEqual(badPayload);
    // The handler never got as far as the outage hook for either: no retries were spent.
    expect(stack.deliveries.some((d) => d.message.id === badPayload.id)).toBe(false);
    expect(await stack.inboxHas(badPayload.id)).toBe(false);
  });

  it("redelivers a request that keeps failing until the delivery limit, then dead-letters it", async () => {
    const poisoned = stack.request();
    await stack.failingOrders.add(poisoned.payload.orderId);
    await stack.publish(poisoned);
    const [dead] = await stack.waitForDeadLetters(1, 20_000);

    const attempts = stack.deliveries.filter((d) => d.message.id === poisoned.id);
    expect(attempts.map((d) => d.delivery.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(attempts.slice(1).every((d) => d.delivery.redelivered)).toBe(true);
    expect(dead!.properties.messageId).toBe(poisoned.id);
    const headers = dead!.properties.headers as Record<string, unknown>;
    expect(headers).toMatchObject({
      requestId: poisoned.headers!.requestId,
      "x-first-death-reason": "delivery_limit",
      "x-first-death-queue": stack.queue,
    });
    // The death record says why and from where; the attempts above were numbered by the
    // broker's x-delivery-count on each redelivery.
    expect(headers["x-death"]).toEqual([
      expect.objectContaining({ reason: "delivery_limit", queue: stack.queue, count: 1 }),
    ]);
    expect(await stack.shipmentsOf(poisoned.payload.orderId)).toHaveLength(0);
    expect(await stack.inboxHas(poisoned.id)).toBe(false);

    // The consumer carries on with what comes next.
    await stack.failingOrders.delete(poisoned.payload.orderId);
    const next = await stack.requestShipment();
    expect(next.shipment.status).toBe("LABEL_CREATED");
  });

  it("reports the broker in its readiness check", async () => {
    const response = await fetch(new URL("/ready", stack.shipping.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ checks: { database: "ok", broker: "ok" } });
  });
});
