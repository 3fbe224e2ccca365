import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idleOutboxRelay, inTransactionWithOutbox } from "@storefront/platform/outbox";
import { outbox, shipments } from "../src/db/schema";
import { changeStatus } from "../src/services/transitions";
import { startStack, waitFor, type Stack } from "./stack";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    env: { SIMULATED_CARRIER: "true", SIMULATED_CARRIER_STEP_SECONDS: "1" },
    module: { simulatedCarrierIntervalMs: 100 },
  });
  // A second process on the same database runs its own carrier: they must not both move a shipment.
  await stack.startReplica();
});
afterAll(async () => {
  await stack?.stop();
});

const statusOf = async (id: string) =>
  (await stack.db.select().from(shipments).where(eq(shipments.id, id)))[0]!.status;

describe("simulated carrier", () => {
  it("moves shipments to DELIVERED one step at a time, each step exactly once across replicas", async () => {
    const requested = await Promise.all(Array.from({ length: 5 }, () => stack.requestShipment()));
    for (const { shipment } of requested) {
      await waitFor(
        () => statusOf(shipment.id),
        (status) => status === "DELIVERED",
        15_000,
      );
    }
    for (const { message, shipment } of requested) {
      const events = await stack.eventsOf(shipment.id);
      expect(events.map((e) => e.status)).toEqual([
        "LABEL_CREATED",
        "IN_TRANSIT",
        "OUT_FOR_DELIVERY",
        "DELIVERED",
      ]);
      expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
      // Each step waited for the step time since the one before.
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.at.getTime() - events[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(1_000);
      }
      expect(events[1]!.note).toContain("simulated carrier");
      expect(await stack.outboxOf(message.payload.orderId)).toHaveLength(4);
    }
  });

  it("leaves a shipment held by an exception for a person to deal with", async () => {
    const { shipment } = await stack.requestShipment();
    const row = (await stack.db.select().from(shipments).where(eq(shipments.id, shipment.id)))[0]!;
    // Whatever the carrier did meanwhile, the exception is applied to the state as it is now.
    await waitFor(
      async () => {
        const current = (await stack.db.select().from(shipments).where(eq(shipments.id, row.id)))[0]!;
        // Its message waits for the running relay's next pass.
        return inTransactionWithOutbox(stack.db, idleOutboxRelay(outbox), (tx, pending) =>
          changeStatus(tx, pending, current, "EXCEPTION", "Customs inspection"),
        );
      },
      (updated) => updated !== undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await statusOf(shipment.id)).toBe("EXCEPTION");
  });
});
