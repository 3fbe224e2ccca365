import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSql, executeInternal, testEnv, type TestAccount } from "@storefront/testkit";
import {
  AdvanceShipmentIdDocument,
  OrderShipmentsDocument,
  ShipmentsDocument,
  ShipmentSummaryDocument,
  type ShipmentsQuery,
} from "./generated/shipping";
import { startStack, type Stack } from "./stack";

let stack: Stack;
let owner: TestAccount;
let other: TestAccount;
let admin: TestAccount;
/** Ten orders of `owner`, each with its shipment. */
let orders: { orderId: string; shipmentId: string; trackingNumber: string }[];

beforeAll(async () => {
  // No relay: its background passes would run on the same database while statements are counted.
  stack = await startStack({ observeEvents: false, module: { relay: false } });
  [owner, other, admin] = await Promise.all([
    stack.accounts.customer(),
    stack.accounts.customer(),
    stack.accounts.admin(),
  ]);
  const created = await Promise.all(
    Array.from({ length: 10 }, () => stack.requestShipment({ userId: owner.id })),
  );
  orders = created.map(({ message, shipment }) => ({
    orderId: message.payload.orderId,
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber,
  }));
});
afterAll(async () => {
  await stack?.stop();
});

const representations = (ids: string[]) => ids.map((id) => ({ __typename: "Order", id }));
const entitiesAs = (ids: string[], token?: string) =>
  stack.executeOk(OrderShipmentsDocument, { representations: representations(ids) }, { token });

describe("Order.shipment", () => {
  it("shows the shipment to the order's customer and to administrators", async () => {
    for (const token of [owner.token, admin.token]) {
      const { _entities } = await entitiesAs([orders[0]!.orderId], token);
      expect(_entities[0]).toMatchObject({
        id: orders[0]!.orderId,
        shipment: {
          id: orders[0]!.shipmentId,
          trackingNumber: orders[0]!.trackingNumber,
          status: "LABEL_CREATED",
        },
      });
      expect(_entities[0]!.shipment!.events).toHaveLength(1);
    }
  });

  it("shows it to platform services calling with the service credential", async () => {
    const { data } = await executeInternal(stack.shipping.url, OrderShipmentsDocument, {
      variables: { representations: representations([orders[1]!.orderId]) },
      serviceToken: testEnv.serviceToken,
    });
    expect(data!._entities[0]!.shipment?.id).toBe(orders[1]!.shipmentId);
  });

  it("is null for another customer, for a guest and for an order without a shipment", async () => {
    expect((await entitiesAs([orders[0]!.orderId], other.token))._entities[0]!.shipment).toBeNull();
    expect((await entitiesAs([orders[0]!.orderId]))._entities[0]!.shipment).toBeNull();
    const unknown = await entitiesAs(["00000000-0000-4000-8000-000000000000", "not-a-uuid"], admin.token);
    expect(unknown._entities.map((e) => e!.shipment)).toEqual([null, null]);
  });

  it("costs the same SQL statements for ten orders as for one", async () => {
    const one = await countSql({ shipping: stack.shipping.database }, () =>
      entitiesAs([orders[0]!.orderId], owner.token),
    );
    const ten = await countSql({ shipping: stack.shipping.database }, () =>
      entitiesAs(
        orders.map((o) => o.orderId),
        owner.token,
      ),
    );
    expect(ten.result._entities.every((e) => e!.shipment !== null)).toBe(true);
    // One statement for the shipments, one for all their events.
    expect(one.statements.shipping).toBe(2);
    expect(ten.statements.shipping).toBe(one.statements.shipping);
  });
});

describe("shipment(id)", () => {
  it("is the owner's and administrators' to see", async () => {
    const { shipmentId, orderId } = orders[2]!;
    for (const token of [owner.token, admin.token]) {
      const { shipment } = await stack.executeOk(ShipmentSummaryDocument, { id: shipmentId }, { token });
      expect(shipment).toMatchObject({ id: shipmentId, order: { id: orderId } });
    }
    const { shipment } = await stack.executeOk(
      ShipmentSummaryDocument,
      { id: shipmentId },
      { token: other.token },
    );
    expect(shipment).toBeNull();
    const signedOut = await stack.execute(ShipmentSummaryDocument, { id: shipmentId });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("shipments (admin list)", () => {
  it("pages through every shipment newest first with keyset cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { shipments }: ShipmentsQuery = await stack.executeOk(
        ShipmentsDocument,
        { first: 3, after },
        { token: admin.token },
      );
      seen.push(...shipments.nodes.map((n) => n.id));
      const times = shipments.nodes.map((n) => Date.parse(n.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      if (!shipments.pageInfo.hasNextPage) break;
      after = shipments.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(orders.map((o) => o.shipmentId)));
  });

  it("filters by status", async () => {
    await stack.executeOk(AdvanceShipmentIdDocument, { id: orders[9]!.shipmentId }, { token: admin.token });
    const { shipments } = await stack.executeOk(
      ShipmentsDocument,
      { status: "IN_TRANSIT" },
      { token: admin.token },
    );
    expect(shipments.nodes.map((n) => n.id)).toEqual([orders[9]!.shipmentId]);
  });

  it("is for administrators only and checks its arguments", async () => {
    const asOwner = await stack.execute(ShipmentsDocument, {}, { token: owner.token });
    expect(asOwner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const signedOut = await stack.execute(ShipmentsDocument, {});
    expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const tooMany = await stack.execute(ShipmentsDocument, { first: 1000 }, { token: admin.token });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const badCursor = await stack.execute(ShipmentsDocument, { after: "garbage" }, { token: admin.token });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
