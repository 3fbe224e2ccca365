import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSql, type Caller, type ExecuteResult, type TestAccount } from "@storefront/testkit";
import { OrderPaymentsDocument, OrderPaymentsWithRefundsDocument } from "./generated/payments";
import { CARDS, asService, card, startStack, type Stack } from "./stack";

let h: Stack;
let owner: TestAccount;
let other: TestAccount;
let admin: TestAccount;
beforeAll(async () => {
  h = await startStack();
  [owner, other, admin] = [
    await h.accounts.customer(),
    await h.accounts.customer(),
    await h.accounts.admin(),
  ];
});
afterAll(async () => {
  await h?.stop();
});

/** How the router asks for `Order.payment`: an entity fetch with the order ids. */
async function orderPayments(orderIds: string[], caller: Caller) {
  return entities(await h.execute(OrderPaymentsDocument, { r: representations(orderIds) }, caller));
}

/** The same, with each payment's refunds. */
async function orderPaymentsWithRefunds(orderIds: string[], caller: Caller) {
  return entities(
    await h.execute(OrderPaymentsWithRefundsDocument, { r: representations(orderIds) }, caller),
  );
}

function entities<TEntity>(result: ExecuteResult<{ _entities: TEntity[] }>) {
  if (!result.data) throw new Error(`entity fetch failed: ${JSON.stringify(result.errors)}`);
  // Payments resolves every Order it is asked for (its payment may be null, the order never is).
  return result.data._entities as NonNullable<TEntity>[];
}

const representations = (orderIds: string[]) => orderIds.map((id) => ({ __typename: "Order", id }));

describe("Order.payment visibility", () => {
  let orderId: string;
  let paymentId: string;
  beforeAll(async () => {
    const { input, payment } = await h.charged({ userId: owner.id, amount: 3100 });
    orderId = input.orderId;
    paymentId = payment.id;
  });

  it("the customer who paid sees it", async () => {
    const [order] = await orderPayments([orderId], { token: owner.token });
    expect(order).toEqual({
      id: orderId,
      payment: { id: paymentId, status: "SUCCEEDED", cardLast4: "4242", amount: { amount: 3100 } },
    });
  });

  it("an administrator and a platform service see it", async () => {
    expect((await orderPayments([orderId], { token: admin.token }))[0]?.payment?.id).toBe(paymentId);
    expect((await orderPayments([orderId], asService))[0]?.payment?.id).toBe(paymentId);
  });

  it("another customer and a guest get null, not an error", async () => {
    expect(await orderPayments([orderId], { token: other.token })).toEqual([{ id: orderId, payment: null }]);
    expect(await orderPayments([orderId], {})).toEqual([{ id: orderId, payment: null }]);
  });

  it("is null for an order without a payment, and for an id that is not a UUID", async () => {
    const unknown = randomUUID();
    expect(await orderPayments([unknown, "not-a-uuid"], { token: admin.token })).toEqual([
      { id: unknown, payment: null },
      { id: "not-a-uuid", payment: null },
    ]);
  });

  it("in a batch, each customer sees only their own orders' payments", async () => {
    const { input: theirs } = await h.charged({ userId: other.id });
    const seen = await orderPayments([orderId, theirs.orderId], { token: owner.token });
    expect(seen.map((o) => o.payment?.id ?? null)).toEqual([paymentId, null]);
  });

  it("is the latest attempt after a failed one", async () => {
    const retriedOrder = randomUUID();
    await h.charged({ orderId: retriedOrder, userId: owner.id, card: card(CARDS.declined) });
    const { payment: paid } = await h.charged({ orderId: retriedOrder, userId: owner.id });
    const [order] = await orderPayments([retriedOrder], { token: owner.token });
    expect(order?.payment).toMatchObject({ id: paid.id, status: "SUCCEEDED" });
  });
});

describe("SQL statements", () => {
  async function ordersWithPayments(count: number, refundsEach: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { input, payment } = await h.charged({ userId: owner.id, amount: 1000 });
      for (let r = 0; r < refundsEach; r++) {
        await h.refund(admin.token, { paymentId: payment.id, amount: 100 });
      }
      ids.push(input.orderId);
    }
    return ids;
  }

  it("10 orders' payments: one statement", async () => {
    const ids = await ordersWithPayments(10, 0);
    const { result, statements } = await countSql({ payments: h.payments.database }, () =>
      orderPayments(ids, { token: owner.token }),
    );
    expect(result.every((o) => o.payment?.status === "SUCCEEDED")).toBe(true);
    expect(statements.payments).toBe(1);
  });

  it("payments with their refunds: the same number of statements for 2 orders as for 10", async () => {
    const few = await ordersWithPayments(2, 2);
    const many = await ordersWithPayments(10, 2);
    const forFew = await countSql({ payments: h.payments.database }, () =>
      orderPaymentsWithRefunds(few, { token: admin.token }),
    );
    const forMany = await countSql({ payments: h.payments.database }, () =>
      orderPaymentsWithRefunds(many, { token: admin.token }),
    );
    expect(forMany.result.every((o) => o.payment?.refunds?.length === 2)).toBe(true);
    expect(forMany.result[0]?.payment?.status).toBe("PARTIALLY_REFUNDED");
    expect(forFew.statements.payments).toBe(2);
    expect(forMany.statements.payments).toBe(forFew.statements.payments);
  });

  it("a guest costs no SQL at all", async () => {
    const ids = await ordersWithPayments(3, 0);
    const { statements } = await countSql({ payments: h.payments.database }, () => orderPayments(ids, {}));
    expect(statements.payments).toBe(0);
  });
});
