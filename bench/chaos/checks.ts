/**
 * What must hold once the platform has settled after the faults, read with SQL from each
 * service's own database (and the broker's queues): nothing lost, nothing doubled.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { connect, type GetMessage } from "amqplib";
import postgres from "postgres";
import { testEnv } from "@storefront/testkit";
import { sleep } from "../service-process";
import type { ChaosPlatform, SubgraphName } from "./platform";
import type { CheckoutRecord } from "./workload";

/** Statuses an order leaves on its own: the recovery sweep finishes a checkout stuck in them. */
const IN_FLIGHT = ["PENDING", "PAYMENT_PENDING"];
/** Paid, and so owed exactly one shipment. */
const PAID_OR_LATER = ["PAID", "SHIPPED", "DELIVERED"];

type Sql = postgres.Sql;

async function withDatabases<T>(
  platform: ChaosPlatform,
  work: (db: Record<"orders" | "shipping" | "payments", Sql>) => Promise<T>,
): Promise<T> {
  const open = (name: SubgraphName) => postgres(platform.databaseUrls[name], { max: 1, onnotice: () => {} });
  const db = { orders: open("orders"), shipping: open("shipping"), payments: open("payments") };
  try {
    return await work(db);
  } finally {
    await Promise.all(Object.values(db).map((sql) => sql.end({ timeout: 1 })));
  }
}

async function unsent(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from outbox where published_at is null`;
  return row!.n;
}

async function queueDepths(platform: ChaosPlatform): Promise<Record<string, number>> {
  const connection = await connect(testEnv.amqpUrl);
  try {
    const channel = await connection.createChannel();
    const depths: Record<string, number> = {};
    for (const queue of Object.values(platform.queues)) {
      depths[queue] = (await channel.checkQueue(queue)).messageCount;
    }
    return depths;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

interface DrainState {
  ordersOutbox: number;
  shippingOutbox: number;
  inFlightOrders: number;
  paidOrders: number;
  shipments: number;
  queued: number;
}

async function drainState(platform: ChaosPlatform): Promise<DrainState> {
  const [state, depths] = await Promise.all([
    withDatabases(platform, async (db) => {
      const [orders] = await db.orders<{ in_flight: number; paid: number }[]>`
        select count(*) filter (where status::text in ${db.orders(IN_FLIGHT)})::int as in_flight,
               count(*) filter (where status::text in ${db.orders(PAID_OR_LATER)})::int as paid
        from orders`;
      const [shipments] = await db.shipping<{ n: number }[]>`select count(*)::int as n from shipments`;
      return {
        ordersOutbox: await unsent(db.orders),
        shippingOutbox: await unsent(db.shipping),
        inFlightOrders: orders!.in_flight,
        paidOrders: orders!.paid,
        shipments: shipments!.n,
      };
    }),
    queueDepths(platform).catch(() => ({ unreachable: 1 })),
  ]);
  return { ...state, queued: Object.values(depths).reduce((a, b) => a + b, 0) };
}

const drained = (s: DrainState) =>
  s.ordersOutbox === 0 &&
  s.shippingOutbox === 0 &&
  s.inFlightOrders === 0 &&
  s.queued === 0 &&
  s.shipments >= s.paidOrders;

/**
 * Waits until the outboxes are empty, no checkout is half done, the queues are empty and every
 * paid order has its shipment; gives up after `timeoutMs` (the checks then say what is missing).
 */
export async function waitForDrain(platform: ChaosPlatform, timeoutMs: number, log: (line: string) => void) {
  const startedAt = Date.now();
  let lastPrinted = 0;
  for (;;) {
    const state = await drainState(platform);
    const elapsed = Date.now() - startedAt;
    if (drained(state)) return { drained: true, ms: elapsed };
    if (elapsed > timeoutMs) return { drained: false, ms: elapsed };
    if (Date.now() - lastPrinted >= 5_000) {
      lastPrinted = Date.now();
      log(
        `  draining ${(elapsed / 1000).toFixed(0)} s: outbox orders ${state.ordersOutbox}, shipping ${state.shippingOutbox}; ${state.inFlightOrders} checkouts in flight; ${state.queued} queued; ${state.shipments}/${state.paidOrders} paid orders shipped`,
      );
    }
    await sleep(1_000);
  }
}

export interface DeadLetter {
  queue: string;
  type: string;
  messageId: string;
  reason: string;
}

/** Why the consumer gave the message up, from its own log line (the broker only knows `rejected`). */
function loggedReason(platform: ChaosPlatform, messageId: string): string | undefined {
  for (const service of ["orders", "shipping"]) {
    let text: string;
    try {
      text = readFileSync(path.join(platform.logDir, `${service}.log`), "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      if (!line.includes(messageId) || !line.includes("dead-lettered")) continue;
      try {
        const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
        return [entry.msg, entry.err?.message].filter(Boolean).join(": ");
      } catch {
        return line.slice(0, 200);
      }
    }
  }
  return undefined;
}

/**
 * Every message in the run's dead-letter queues (`<queue>.dlq`, where the bus sends what failed
 * permanently or reached its delivery limit), read without taking it off the queue.
 */
export async function readDeadLetters(platform: ChaosPlatform): Promise<DeadLetter[]> {
  const connection = await connect(testEnv.amqpUrl);
  const letters: DeadLetter[] = [];
  try {
    const channel = await connection.createChannel();
    for (const queue of Object.values(platform.queues)) {
      for (;;) {
        const message: GetMessage | false = await channel.get(`${queue}.dlq`, { noAck: false });
        if (!message) break;
        const headers = message.properties.headers ?? {};
        const messageId = String(message.properties.messageId ?? "?");
        letters.push({
          queue,
          type: String(message.properties.type ?? "?"),
          messageId,
          reason:
            loggedReason(platform, messageId) ??
            `${String(headers["x-first-death-reason"] ?? "unknown")} (no log line found)`,
        });
      }
    }
    // Closing without acks puts every message back.
    await channel.close();
  } finally {
    await connection.close().catch(() => undefined);
  }
  return letters;
}

export interface Invariants {
  ordersByStatus: Record<string, number>;
  /** Paid without a shipment, or a client's answered checkout with no order behind it. */
  lost: { paidWithoutShipment: string[]; answeredWithoutOrder: string[]; chargedWithoutPaidOrder: string[] };
  duplicates: { ordersPerKey: string[]; shipmentsPerOrder: string[] };
  /** Orders still half way through checkout after the drain. */
  unsettled: string[];
  shipmentsWithoutPaidOrder: string[];
  unsentOutbox: { orders: number; shipping: number };
  unanswered: number;
}

export async function checkInvariants(
  platform: ChaosPlatform,
  records: CheckoutRecord[],
): Promise<Invariants> {
  return withDatabases(platform, async (db) => {
    const orders = await db.orders<{ id: string; status: string; idempotency_key: string }[]>`
      select id, status::text as status, idempotency_key from orders`;
    const shipments = await db.shipping<{ order_id: string; n: number }[]>`
      select order_id, count(*)::int as n from shipments group by order_id`;
    const charged = await db.payments<{ order_id: string }[]>`
      select distinct order_id from payments where status = 'SUCCEEDED'`;

    const ordersByStatus: Record<string, number> = {};
    const statusOf = new Map<string, string>();
    const ordersPerKey = new Map<string, number>();
    for (const order of orders) {
      ordersByStatus[order.status] = (ordersByStatus[order.status] ?? 0) + 1;
      statusOf.set(order.id, order.status);
      ordersPerKey.set(order.idempotency_key, (ordersPerKey.get(order.idempotency_key) ?? 0) + 1);
    }
    const shipmentsOf = new Map(shipments.map((s) => [s.order_id, s.n]));
    const paid = orders.filter((o) => PAID_OR_LATER.includes(o.status));
    return {
      ordersByStatus,
      lost: {
        paidWithoutShipment: paid.filter((o) => !shipmentsOf.has(o.id)).map((o) => o.id),
        answeredWithoutOrder: records
          .filter((r) => r.outcome !== "unanswered" && r.orderId !== undefined)
          .filter((r) => !statusOf.has(r.orderId!) || ordersPerKey.get(r.idempotencyKey) !== 1)
          .map((r) => r.idempotencyKey),
        chargedWithoutPaidOrder: charged
          .filter((c) => !PAID_OR_LATER.includes(statusOf.get(c.order_id) ?? ""))
          .map((c) => c.order_id),
      },
      duplicates: {
        ordersPerKey: [...ordersPerKey].filter(([, n]) => n > 1).map(([key]) => key),
        shipmentsPerOrder: shipments.filter((s) => s.n > 1).map((s) => s.order_id),
      },
      unsettled: orders.filter((o) => IN_FLIGHT.includes(o.status)).map((o) => o.id),
      shipmentsWithoutPaidOrder: shipments
        .filter((s) => !PAID_OR_LATER.includes(statusOf.get(s.order_id) ?? ""))
        .map((s) => s.order_id),
      unsentOutbox: { orders: await unsent(db.orders), shipping: await unsent(db.shipping) },
      unanswered: records.filter((r) => r.outcome === "unanswered").length,
    };
  });
}

/** The names of the invariants that do not hold; empty when the run passed. */
export function failedInvariants(result: Invariants): string[] {
  const failures: [string, number][] = [
    ["paid orders without a shipment", result.lost.paidWithoutShipment.length],
    ["answered checkouts without their order", result.lost.answeredWithoutOrder.length],
    ["charged payments without a paid order", result.lost.chargedWithoutPaidOrder.length],
    ["idempotency keys with more than one order", result.duplicates.ordersPerKey.length],
    ["orders with more than one shipment", result.duplicates.shipmentsPerOrder.length],
    ["orders still in checkout", result.unsettled.length],
    ["shipments of orders not paid", result.shipmentsWithoutPaidOrder.length],
    ["unsent orders outbox messages", result.unsentOutbox.orders],
    ["unsent shipping outbox messages", result.unsentOutbox.shipping],
    ["checkouts never answered", result.unanswered],
  ];
  return failures.filter(([, n]) => n > 0).map(([name, n]) => `${n} ${name}`);
}
