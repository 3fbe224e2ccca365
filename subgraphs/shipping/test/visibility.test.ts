import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSql, executeInternal, testEnv, type TestAccount } from "@storefront/testkit";
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

/** What the router sends when a query selects `order { shipment { … } }`. */
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Order { id shipment { id trackingNumber status events { status at } order { id } } } } }`;

type Entities = {
  _entities: ({
    id: string;
    shipment: { id: string; trackingNumber: string; events: unknown[] } | null;
  } | null)[];
};

const representations = (ids: string[]) => ids.map((id) => ({ __typename: "Order", id }));
const entitiesAs = (ids: string[], token?: string) =>
  stack.gqlOk<Entities>(ENTITIES, { r: representations(ids) }, token);

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
    const { data } = await executeInternal<Entities>(stack.shipping.url, ENTITIES, {
      variables: { r: representations([orders[1]!.orderId]) },
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
  const SHIPMENT = `query($id: ID!) { shipment(id: $id) { id trackingNumber order { id } } }`;

  it("is the owner's and administrators' to see", async () => {
    const { shipmentId, orderId } = orders[2]!;
    for (const token of [owner.token, admin.token]) {
      const { shipment } = await stack.gqlOk<{ shipment: { id: string; order: { id: string } } }>(
        SHIPMENT,
        { id: shipmentId },
        token,
      );
      expect(shipment).toMatchObject({ id: shipmentId, order: { id: orderId } });
    }
    const { shipment } = await stack.gqlOk<{ shipment: null }>(SHIPMENT, { id: shipmentId }, other.token);
    expect(shipment).toBeNull();
    const signedOut = await stack.gql(SHIPMENT, { id: shipmentId });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("shipments (admin list)", () => {
  const LIST = `query($status: ShipmentStatus, $first: Int, $after: String) {
    shipments(status: $status, first: $first, after: $after) {
      edges { cursor node { id status } } nodes { id createdAt } pageInfo { hasNextPage endCursor } } }`;
  type Page = {
    shipments: {
      edges: { cursor: string; node: { id: string; status: string } }[];
      nodes: { id: string; createdAt: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };

  it("pages through every shipment newest first with keyset cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { shipments }: Page = await stack.gqlOk<Page>(LIST, { first: 3, after }, admin.token);
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
    await stack.gqlOk(
      `mutation($id: ID!) { advanceShipment(id: $id) { id } }`,
      { id: orders[9]!.shipmentId },
      admin.token,
    );
    const { shipments } = await stack.gqlOk<Page>(LIST, { status: "IN_TRANSIT" }, admin.token);
    expect(shipments.nodes.map((n) => n.id)).toEqual([orders[9]!.shipmentId]);
  });

  it("is for administrators only and checks its arguments", async () => {
    expect((await stack.gql(LIST, {}, owner.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await stack.gql(LIST, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const tooMany = await stack.gql(LIST, { first: 1000 }, admin.token);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const badCursor = await stack.gql(LIST, { after: "garbage" }, admin.token);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
