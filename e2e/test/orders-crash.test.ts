import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ordersDbSchema } from "@storefront/orders";
import { type Envelope } from "@storefront/platform/bus";
import { shippingDbSchema } from "@storefront/shipping";
import { executeOk, startTcpRelay, testEnv, waitFor, freePort } from "@storefront/testkit";
import { checkoutInput, type Platform, startPlatform } from "../src";

let platform: Platform;
let child: ChildProcess | undefined;
const shipmentRequests: Envelope[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  // What a second consumer of shipment requests sees: every publish, duplicates included.
  await platform.bus.consume(
    { queue: platform.queue("observed-shipment-requests"), bindings: ["orders.shipment-requested.v1"] },
    (message) => {
      shipmentRequests.push(message);
      return Promise.resolve();
    },
  );
}, 120_000);

afterAll(async () => {
  child?.kill("SIGKILL");
  await platform?.stop();
});

/** The orders service as its own process (`src/main.ts`), as it runs in production. */
async function spawnOrders(amqpUrl: string): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  const config = platform.ordersConfig;
  const ordersDir = path.resolve(import.meta.dirname, "../../subgraphs/orders");
  const processHandle = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ordersDir,
    stdio: "ignore",
    env: {
      ...process.env,
      ORDERS_PORT: String(port),
      // Metrics on a free port: the default (9094) may be taken by another run.
      ORDERS_METRICS_PORT: "0",
      ORDERS_DATABASE_URL: platform.ordersDatabase.url,
      AMQP_URL: amqpUrl,
      AMQP_EXCHANGE: platform.exchange,
      SHIPMENT_EVENTS_QUEUE: config.shipmentEventsQueue,
      JWKS_URL: config.jwksUrl,
      SERVICE_TOKEN: testEnv.serviceToken,
      USERS_URL: config.urls.users,
      CATALOGUE_URL: config.urls.catalogue,
      CART_URL: config.urls.cart,
      PAYMENTS_URL: config.urls.payments,
      SHIPPING_URL: config.urls.shipping,
      LOG_LEVEL: "silent",
    },
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      ),
    (ready) => ready,
    30_000,
  );
  return { process: processHandle, url };
}

describe("the orders process killed after payment, before the shipment request is published", () => {
  it("publishes the request exactly once after a restart, and the order gets one shipment", async () => {
    // Only the process under test may take orders: the in-process replica is stopped.
    await platform.orders[0]!.stop();
    platform.orders.length = 0;
    // The child reaches RabbitMQ through a relay that the test cuts: it can commit, not publish.
    const broker = await startTcpRelay({
      host: "127.0.0.1",
      port: Number(new URL(testEnv.amqpUrl).port || 5672),
    });
    const brokerUrl = new URL(testEnv.amqpUrl);
    brokerUrl.host = `127.0.0.1:${broker.port}`;
    const spawned = await spawnOrders(brokerUrl.toString());
    child = spawned.process;
    broker.cut();

    const variant = await platform.variantWithStock(3);
    const customer = await platform.accounts.customer();
    await executeOk(
      platform.cart.url,
      `mutation($v: ID!) { addToCart(variantId: $v, quantity: 1) { cart { id } } }`,
      {
        variables: { v: variant.id },
        token: customer.token,
      },
    );
    const { checkout } = await executeOk<{ checkout: { id: string; status: string } }>(
      spawned.url,
      `mutation($i: CheckoutInput!) { checkout(input: $i) { ... on Order { id status } } }`,
      {
        token: customer.token,
        variables: { i: checkoutInput() },
      },
    );
    expect(checkout.status).toBe("PAID");
    const ordersDb = platform.ordersDatabase;
    expect(ordersDb.url).toBeDefined();

    // Killed, not stopped: nothing gets the chance to flush.
    child.kill("SIGKILL");
    await new Promise((resolve) => child!.once("exit", resolve));
    await broker.close();
    const requestsFor = () =>
      shipmentRequests.filter((m) => (m.payload as { orderId: string }).orderId === checkout.id);
    expect(requestsFor()).toHaveLength(0);

    // A new orders process on the same database: its relay finds the pending request.
    const restarted = await platform.addOrdersReplica();
    await waitFor(requestsFor, (list) => list.length > 0, 20_000);
    const outbox = restarted.database.db;
    const pending = await waitFor(
      async () =>
        (
          await outbox
            .select({ n: count() })
            .from(ordersDbSchema.outbox)
            .where(isNull(ordersDbSchema.outbox.publishedAt))
        )[0]!.n,
      (n) => n === 0,
    );
    expect(pending).toBe(0);
    const shipments = await waitFor(
      () =>
        platform.shipping.database.db
          .select()
          .from(shippingDbSchema.shipments)
          .where(eq(shippingDbSchema.shipments.orderId, checkout.id)),
      (rows) => rows.length > 0,
    );
    // Give a duplicate every chance to appear before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(requestsFor()).toHaveLength(1);
    expect(shipments).toHaveLength(1);
  });
});
