import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idleOutboxRelay, inTransactionWithOutbox } from "@storefront/platform/outbox";
import type { TestAccount } from "@storefront/testkit";
import { outbox, shipments } from "../src/db/schema";
import { advanceDueShipments } from "../src/services/simulated-carrier";
import { changeStatus, MOVING_STATUSES, nextStatus } from "../src/services/transitions";
import {
  AdvanceShipmentDocument,
  ReportShipmentExceptionDocument,
  ShipmentDocument,
} from "./generated/shipping";
import { startStack, waitFor, type Stack } from "./stack";

let stack: Stack;
let admin: TestAccount;
let customer: TestAccount;

beforeAll(async () => {
  stack = await startStack();
  [admin, customer] = await Promise.all([stack.accounts.admin(), stack.accounts.customer()]);
});
afterAll(async () => {
  await stack?.stop();
});

const advance = (id: string, note?: string, token = admin.token) =>
  stack.execute(AdvanceShipmentDocument, { id, note: note ?? null }, { token });
const reportException = (id: string, reason: string, token = admin.token) =>
  stack.execute(ReportShipmentExceptionDocument, { id, reason }, { token });

const rowOf = async (id: string) => (await stack.db.select().from(shipments).where(eq(shipments.id, id)))[0]!;

describe("advancing a shipment", () => {
  it("goes through every status to DELIVERED, one event and one message per step", async () => {
    const { message, shipment } = await stack.requestShipment();
    const seen: string[] = [];
    for (const note of ["Collected from the warehouse", undefined, "Left with the neighbour"]) {
      const { data, errors } = await advance(shipment.id, note);
      expect(errors).toBeUndefined();
      seen.push(data!.advanceShipment.status);
    }
    expect(seen).toEqual(["IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]);

    const { data } = await advance(shipment.id);
    const final = (await stack.executeOk(ShipmentDocument, { id: shipment.id }, { token: admin.token }))
      .shipment!;
    expect(data).toBeNull();
    expect(final.events.map((e) => [e.status, e.note])).toEqual([
      ["LABEL_CREATED", "Shipping label created with UPS"],
      ["IN_TRANSIT", "Collected from the warehouse"],
      ["OUT_FOR_DELIVERY", "Out for delivery"],
      ["DELIVERED", "Left with the neighbour"],
    ]);
    const times = final.events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(final.order.id).toBe(message.payload.orderId);

    const outbox = await stack.outboxOf(message.payload.orderId);
    expect(outbox.map((row) => (row.envelope.payload as { sequence: number }).sequence)).toEqual([
      1, 2, 3, 4,
    ]);
    const announced = await waitFor(
      () => stack.eventsFor(message.payload.orderId),
      (list) => list.length >= 4,
    );
    expect(announced.map((e) => (e.payload as { status: string }).status).sort()).toEqual(
      ["DELIVERED", "IN_TRANSIT", "LABEL_CREATED", "OUT_FOR_DELIVERY"].sort(),
    );
    expect((await rowOf(shipment.id)).sequence).toBe(4);
  });

  it("refuses to advance a delivered shipment", async () => {
    const { shipment } = await stack.requestShipment();
    for (let i = 0; i < 3; i++) await advance(shipment.id);
    const { errors } = await advance(shipment.id);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const { errors: exceptionErrors } = await reportException(shipment.id, "Lost");
    expect(exceptionErrors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await rowOf(shipment.id)).sequence).toBe(4);
  });

  it("records an exception with its reason and resumes after the last normal status", async () => {
    const { message, shipment } = await stack.requestShipment();
    await advance(shipment.id);
    const held = await reportException(shipment.id, "  Address incomplete: no flat number  ");
    expect(held.errors).toBeUndefined();
    expect(held.data!.reportShipmentException).toMatchObject({
      status: "EXCEPTION",
      exceptionReason: "Address incomplete: no flat number",
    });

    const resumed = await advance(shipment.id, "Address confirmed with the customer");
    expect(resumed.data!.advanceShipment).toMatchObject({
      status: "OUT_FOR_DELIVERY",
      exceptionReason: null,
    });
    expect(resumed.data!.advanceShipment.events.map((e) => e.status)).toEqual([
      "LABEL_CREATED",
      "IN_TRANSIT",
      "EXCEPTION",
      "OUT_FOR_DELIVERY",
    ]);
    const exceptionMessage = (await stack.outboxOf(message.payload.orderId))[2]!.envelope.payload;
    expect(exceptionMessage).toMatchObject({
      status: "EXCEPTION",
      note: "Address incomplete: no flat number",
      sequence: 3,
    });
  });

  it("resumes to IN_TRANSIT when the exception came straight after the label", async () => {
    const { shipment } = await stack.requestShipment();
    await reportException(shipment.id, "Parcel damaged at the depot");
    const { data } = await advance(shipment.id);
    expect(data!.advanceShipment.status).toBe("IN_TRANSIT");
  });

  it("requires a reason for an exception", async () => {
    const { shipment } = await stack.requestShipment();
    const { errors } = await reportException(shipment.id, "   ");
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    const long = await advance(shipment.id, "x".repeat(501));
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "note" });
    expect((await rowOf(shipment.id)).sequence).toBe(1);
  });

  it("lets exactly one of racing changes from the same state win, at every step", async () => {
    const { message, shipment } = await stack.requestShipment();
    for (const expected of ["IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]) {
      const snapshot = await rowOf(shipment.id);
      const to = nextStatus(snapshot)!;
      expect(to).toBe(expected);
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () =>
          inTransactionWithOutbox(stack.db, idleOutboxRelay(outbox), (tx, pending) =>
            changeStatus(tx, pending, snapshot, to, null),
          ),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    }
    const events = await stack.eventsOf(shipment.id);
    expect(events.map((e) => e.status)).toEqual([
      "LABEL_CREATED",
      "IN_TRANSIT",
      "OUT_FOR_DELIVERY",
      "DELIVERED",
    ]);
    expect(await stack.outboxOf(message.payload.orderId)).toHaveLength(4);
  });

  it("never lets concurrent advance mutations skip or repeat a step", async () => {
    const { message, shipment } = await stack.requestShipment();
    const results = await Promise.all(Array.from({ length: 6 }, () => advance(shipment.id)));
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    // Each success is one step; a request that read a state someone else had just left loses.
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(won.length).toBeLessThanOrEqual(3);
    expect(lost.every((r) => r.errors![0]!.extensions?.code === "BAD_USER_INPUT")).toBe(true);
    const row = await rowOf(shipment.id);
    expect(row.sequence).toBe(1 + won.length);
    const events = await stack.eventsOf(shipment.id);
    expect(events.map((e) => e.status)).toEqual(
      ["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"].slice(0, 1 + won.length),
    );
    expect(await stack.outboxOf(message.payload.orderId)).toHaveLength(1 + won.length);
  });

  it("is for administrators only", async () => {
    const { shipment } = await stack.requestShipment({ userId: customer.id });
    const asCustomer = await advance(shipment.id, undefined, customer.token);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const signedOut = await stack.execute(AdvanceShipmentDocument, { id: shipment.id });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const exception = await reportException(shipment.id, "Because I say so", customer.token);
    expect(exception.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await rowOf(shipment.id)).sequence).toBe(1);
  });

  it("says NOT_FOUND for a shipment that does not exist", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const { errors } = await advance(id);
      expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it("lets concurrent carrier passes split the due shipments, never moving one twice", async () => {
    const fresh = await Promise.all(Array.from({ length: 6 }, () => stack.requestShipment()));
    const due = await stack.db.select().from(shipments).where(inArray(shipments.status, MOVING_STATUSES));
    const moved = await Promise.all(
      [0, 1, 2].map(() => advanceDueShipments(stack.db, idleOutboxRelay(outbox), 0)),
    );
    expect(moved.reduce((a, b) => a + b, 0)).toBe(due.length);
    for (const { shipment } of fresh) {
      expect((await stack.eventsOf(shipment.id)).map((e) => e.status)).toEqual([
        "LABEL_CREATED",
        "IN_TRANSIT",
      ]);
    }
  });
});
