import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PermanentMessageError } from "./bus/types";
import { createMessage, readMessage } from "./messages";

const statusChange = {
  orderId: randomUUID(),
  userId: randomUUID(),
  status: "PAID" as const,
  previousStatus: "PAYMENT_PENDING" as const,
  sequence: 3,
  changedAt: new Date().toISOString(),
};

describe("versioned messages", () => {
  it("creates a validated envelope and reads it back", () => {
    const message = createMessage("orders.order-status-changed.v1", statusChange);
    expect(message.type).toBe("orders.order-status-changed.v1");
    expect(
      readMessage("orders.order-status-changed.v1", JSON.parse(JSON.stringify(message)) as typeof message),
    ).toEqual(statusChange);
  });

  it("refuses to create a message that does not match its schema", () => {
    expect(() =>
      createMessage("orders.order-status-changed.v1", { ...statusChange, status: "LOST" as never }),
    ).toThrow();
  });

  it("treats a malformed or mistyped message as permanent, so it dead-letters", () => {
    const message = createMessage("orders.order-status-changed.v1", statusChange);
    expect(() =>
      readMessage("orders.order-status-changed.v1", { ...message, payload: { orderId: 1 } }),
    ).toThrow(PermanentMessageError);
    expect(() => readMessage("orders.shipment-requested.v1", message)).toThrow(PermanentMessageError);
  });
});
