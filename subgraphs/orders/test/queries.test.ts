import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_TOKEN_HEADER } from "@storefront/platform/context";
import { countSql, testEnv } from "@storefront/testkit";
import { MyOrdersDocument, OrderEntitiesDocument, type OrderEntitiesQuery } from "./generated/orders";
import { startStack, type Stack } from "./stack";

let s: Stack;
let customer: { id: string; token: string };
const orderIds: string[] = [];

beforeAll(async () => {
  s = await startStack();
  customer = await s.customer();
  for (let i = 0; i < 5; i++) {
    const variant = await s.variantWithStock(5);
    await s.addToCart(variant, 2, { token: customer.token });
    const placed = (await s.checkout(customer.token)).data!.checkout;
    orderIds.push(placed.id!);
  }
  // Counting statements on the orders database counts everything on it: restart orders with its
  // background work (outbox relay, recovery sweep) idle, so only the operations under test count.
  await s.restartOrders({ relay: false, recoveryIntervalMs: 3_600_000 });
}, 120_000);
afterAll(async () => {
  await s?.stop();
});

/** An order as the router's entity fetch gets it back: every representation sent is an order. */
type OrderEntity = Extract<NonNullable<OrderEntitiesQuery["_entities"][number]>, { id: string }>;

describe("reading orders costs the same SQL for one order as for many", () => {
  it("myOrders with lines and history: one statement per relation, whatever the page size", async () => {
    const one = await countSql({ orders: s.orders.database }, () =>
      s.as(customer).executeOk(MyOrdersDocument, { first: 1 }),
    );
    const five = await countSql({ orders: s.orders.database }, () =>
      s.as(customer).executeOk(MyOrdersDocument, { first: 5 }),
    );
    expect(five.result.myOrders.nodes).toHaveLength(5);
    expect(five.result.myOrders.nodes.every((order) => order.lines.length === 1)).toBe(true);
    expect(five.statements.orders).toBe(one.statements.orders);
    expect(five.statements.orders).toBeLessThanOrEqual(3);
  });

  it("entity references from the router (Order._entities) are batched into one lookup", async () => {
    const entities = (ids: string[]) =>
      countSql({ orders: s.orders.database }, async () => {
        const data = await s.executeOk(
          OrderEntitiesDocument,
          { r: ids.map((id) => ({ __typename: "Order", id })) },
          { headers: { [SERVICE_TOKEN_HEADER]: testEnv.serviceToken } },
        );
        return data as { _entities: OrderEntity[] };
      });
    const single = await entities(orderIds.slice(0, 1));
    const all = await entities(orderIds);
    expect(all.result._entities.map((o) => o.id)).toEqual(orderIds);
    expect(all.statements.orders).toBe(single.statements.orders);
    expect(all.statements.orders).toBe(2);
  });
});
