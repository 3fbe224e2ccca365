import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSql, executeOk, testEnv } from "@storefront/testkit";
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

const MY_ORDERS = `query($first: Int) {
  myOrders(first: $first) {
    nodes { id status total { amount } lines { sku quantity unitPrice { amount currency } lineTotal { amount } } statusHistory { status at } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe("reading orders costs the same SQL for one order as for many", () => {
  it("myOrders with lines and history: one statement per relation, whatever the page size", async () => {
    const one = await countSql({ orders: s.orders.database }, () =>
      executeOk(s.orders.url, MY_ORDERS, { variables: { first: 1 }, token: customer.token }),
    );
    const five = await countSql({ orders: s.orders.database }, () =>
      executeOk<{ myOrders: { nodes: { lines: unknown[] }[] } }>(s.orders.url, MY_ORDERS, {
        variables: { first: 5 },
        token: customer.token,
      }),
    );
    expect(five.result.myOrders.nodes).toHaveLength(5);
    expect(five.result.myOrders.nodes.every((order) => order.lines.length === 1)).toBe(true);
    expect(five.statements.orders).toBe(one.statements.orders);
    expect(five.statements.orders).toBeLessThanOrEqual(3);
  });

  it("entity references from the router (Order._entities) are batched into one lookup", async () => {
    const entities = (ids: string[]) =>
      countSql({ orders: s.orders.database }, () =>
        executeOk<{ _entities: { id: string; lines: unknown[] }[] }>(
          s.orders.url,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id status lines { sku } } } }`,
          {
            variables: { r: ids.map((id) => ({ __typename: "Order", id })) },
            headers: { "x-service-token": testEnv.serviceToken },
          },
        ),
      );
    const single = await entities(orderIds.slice(0, 1));
    const all = await entities(orderIds);
    expect(all.result._entities.map((o) => o.id)).toEqual(orderIds);
    expect(all.statements.orders).toBe(single.statements.orders);
    expect(all.statements.orders).toBe(2);
  });
});
