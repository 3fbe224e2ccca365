import { describe, expect, it } from "vitest";
import { orderStatuses, shipmentStatuses } from "../src/enums";
import { messageSchemas, orderStatus, shipmentStatus } from "../src/events";
import { subgraphList } from "../src/topology";

describe("event schemas", () => {
  it("cover every event the topology has a subgraph publish or consume, and nothing else", () => {
    const published = subgraphList.flatMap((s) => s.publishes);
    const consumed = subgraphList.flatMap((s) => s.consumes.flatMap((queue) => queue.events));
    expect(Object.keys(messageSchemas).sort()).toEqual([...new Set(published)].sort());
    for (const event of consumed) expect(Object.keys(messageSchemas), event).toContain(event);
    // One publisher per event type.
    expect(published).toHaveLength(new Set(published).size);
  });

  it("carry the shared statuses", () => {
    expect(orderStatus.options).toEqual([...orderStatuses]);
    expect(shipmentStatus.options).toEqual([...shipmentStatuses]);
    const change = {
      shipmentId: "0b6f4c1e-3c1a-4f7e-9d2b-5a8e7c6d4b3a",
      orderId: "1b6f4c1e-3c1a-4f7e-9d2b-5a8e7c6d4b3a",
      carrier: "Parcelwise",
      trackingNumber: "PW123",
      sequence: 1,
      note: null,
      changedAt: new Date().toISOString(),
    };
    const schema = messageSchemas["shipping.shipment-status-changed.v1"];
    for (const status of shipmentStatuses) expect(schema.safeParse({ ...change, status }).success).toBe(true);
    expect(schema.safeParse({ ...change, status: "LOST" }).success).toBe(false);
  });
});
