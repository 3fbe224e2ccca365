import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, waitFor, type Stack } from "./stack";

let stack: Stack;

beforeAll(async () => {
  // Nobody is bound for `shipping.#` on this file's exchange until the test binds a queue.
  stack = await startStack({ observeEvents: false });
});
afterAll(async () => {
  await stack?.stop();
});

describe("shipment events outbox", () => {
  it("keeps an event the broker cannot route pending, and sends it once a queue is bound", async () => {
    const { message } = await stack.requestShipment();
    const orderId = message.payload.orderId;
    const failed = await waitFor(
      () => stack.outboxOf(orderId),
      (rows) => rows.length === 1 && rows[0]!.attempts > 0,
    );
    expect(failed[0]).toMatchObject({ publishedAt: null, type: "shipping.shipment-status-changed.v1" });
    expect(failed[0]!.lastError).toMatch(/no queue is bound/);
    expect(failed[0]!.nextAttemptAt).not.toBeNull();

    await stack.observeEvents();
    const delivered = await waitFor(
      () => stack.eventsFor(orderId),
      (list) => list.length > 0,
    );
    expect(delivered.map((e) => e.id)).toEqual([failed[0]!.id]);
    const sent = await waitFor(
      () => stack.outboxOf(orderId),
      (rows) => rows[0]!.publishedAt !== null,
    );
    expect(sent[0]!.publishedAt).not.toBeNull();
    // Sent once: a later pass does not send it again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stack.eventsFor(orderId)).toHaveLength(1);
  });

  it("leaves nothing unsent once a consumer is bound", async () => {
    const { message } = await stack.requestShipment();
    const rows = await waitFor(
      () => stack.outboxOf(message.payload.orderId),
      (list) => list.length === 1 && list[0]!.publishedAt !== null,
    );
    expect(rows[0]!.attempts).toBe(1);
  });
});
