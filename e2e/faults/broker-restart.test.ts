import { execFileSync, spawnSync } from "node:child_process";
import { count, countDistinct, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ordersDbSchema } from "@storefront/orders";
import { shippingDbSchema } from "@storefront/shipping";
import { testEnv, waitFor, type TestAccount } from "@storefront/testkit";
import { type Platform, startPlatform } from "../src";

/**
 * Stops and restarts the machine's RabbitMQ while orders are being placed. It takes the broker
 * away from everything on the machine, so it runs on its own after every other test (see
 * scripts/test.mjs), never alongside them.
 */
const brokerControl = spawnSync("rabbitmqctl", ["status"], { stdio: "ignore", timeout: 30_000 }).status === 0;
const ORDERS = 500;
const CUSTOMERS = 25;

function rabbitmqctl(command: "stop_app" | "start_app") {
  execFileSync("rabbitmqctl", [command], { stdio: "ignore", timeout: 120_000 });
}

let platform: Platform;

beforeAll(async () => {
  if (!brokerControl && testEnv.requireRealServices) throw new Error("rabbitmqctl cannot control the broker");
  if (brokerControl) platform = await startPlatform();
}, 120_000);

afterAll(async () => {
  // Whatever happened, leave the broker running for whoever comes next.
  if (brokerControl) rabbitmqctl("start_app");
  await platform?.stop();
}, 120_000);

describe("RabbitMQ restarted while orders are placed", () => {
  it.skipIf(!brokerControl)(
    `every one of ${ORDERS} paid orders gets exactly one shipment, and both outboxes end empty`,
    async () => {
      const variant = await platform.variantWithStock(ORDERS * 2, 900);
      const customers: TestAccount[] = [];
      for (let i = 0; i < CUSTOMERS; i++) customers.push(await platform.accounts.customer());

      const orderIds: string[] = [];
      const placeOrders = async (customer: TestAccount) => {
        for (let n = 0; n < ORDERS / CUSTOMERS; n++) {
          const placed = await platform.placeOrder(customer.token, variant.id);
          expect(placed).toMatchObject({ __typename: "Order", status: "PAID" });
          orderIds.push(placed.id!);
        }
      };
      const placing = Promise.all(customers.map(placeOrders));

      // Take the broker away once orders are flowing, and bring it back while they still are.
      await waitFor(
        () => orderIds.length,
        (n) => n >= ORDERS / 5,
        60_000,
      );
      rabbitmqctl("stop_app");
      const placedWhileDown = orderIds.length;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      rabbitmqctl("start_app");
      await placing;
      expect(orderIds).toHaveLength(ORDERS);
      // Orders really were placed with the broker gone; their messages waited in the outbox.
      expect(placedWhileDown).toBeLessThan(ORDERS);

      const shippingDb = platform.shipping.database.db;
      const shipmentsOf = async () => {
        const [row] = await shippingDb
          .select({ shipments: count(), orders: countDistinct(shippingDbSchema.shipments.orderId) })
          .from(shippingDbSchema.shipments)
          .where(inArray(shippingDbSchema.shipments.orderId, orderIds));
        return row!;
      };
      const settled = await waitFor(shipmentsOf, (row) => row.orders === ORDERS, 180_000);
      expect(settled).toEqual({ shipments: ORDERS, orders: ORDERS });

      const pending = async () => {
        const [orders] = await platform.orders[0]!.database.db.select({ n: count() })
          .from(ordersDbSchema.outbox)
          .where(isNull(ordersDbSchema.outbox.publishedAt));
        const [shipping] = await shippingDb
          .select({ n: count() })
          .from(shippingDbSchema.outbox)
          .where(isNull(shippingDbSchema.outbox.publishedAt));
        return { orders: orders!.n, shipping: shipping!.n };
      };
      expect(await waitFor(pending, (p) => p.orders === 0 && p.shipping === 0, 120_000)).toEqual({
        orders: 0,
        shipping: 0,
      });
      // Some shipment requests really waited in the outbox through the outage.
      const [waited] = await platform.orders[0]!.database.db.select({ n: count() })
        .from(ordersDbSchema.outbox)
        .where(
          sql`${ordersDbSchema.outbox.publishedAt} - ${ordersDbSchema.outbox.createdAt} > interval '2 seconds'`,
        );
      expect(waited!.n).toBeGreaterThan(0);
      // A duplicate would show up as a second shipment; give any redelivery time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await shipmentsOf()).toEqual({ shipments: ORDERS, orders: ORDERS });
    },
    600_000,
  );
});
