import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { cartConfigFrom, cartModule } from "@storefront/cart";
import { catalogueConfigFrom, catalogueModule } from "@storefront/catalogue";
import { insertVariant, stockOf } from "@storefront/catalogue/testing";
import { ordersConfigFrom, ordersModule } from "@storefront/orders";
import { paymentsConfigFrom, paymentsModule } from "@storefront/payments";
import { createAmqpBus, createInProcessBus, type MessageBus } from "@storefront/platform/bus";
import { shippingConfigFrom, shippingModule } from "@storefront/shipping";
import { startTestRouter } from "@storefront/router/testing";
import {
  createTestDatabase,
  deleteBrokerObjects,
  executeOk,
  startTestSubgraph,
  testAccounts,
  testEnv,
  type TestDatabase,
} from "@storefront/testkit";
import { usersConfigFrom, usersModule } from "@storefront/users";

export interface PlatformOptions {
  /** RabbitMQ (the production path, default) or the embedded in-process bus. */
  bus?: "amqp" | "in-process";
  /** Broker URL for the services (e.g. through a TCP relay); defaults to the test broker. */
  amqpUrl?: string;
  /** Extra router settings (limits, clients …). */
  routerEnv?: Record<string, string>;
  /** Extra users settings (e.g. a short access-token lifetime). */
  usersEnv?: Record<string, string>;
  simulatedCarrierStepSeconds?: number;
}

export const CARDS = {
  ok: "4242424242424242",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  processingError: "4000000000000119",
};

/** The shop ships from GB in these runs; UPS Ground is its domestic standard service. */
export const SHOP_COUNTRY = "GB";
export const DOMESTIC_OPTION = "ups-ground";
export const ADDRESS = {
  fullName: "Ada Lovelace",
  line1: "12 Analytical Way",
  city: "London",
  postalCode: "N1 9GU",
  country: "GB",
};

/** A checkout's input as a storefront sends it: a new idempotency key, the test address, domestic shipping. */
export function checkoutInput(card = CARDS.ok) {
  return {
    idempotencyKey: randomUUID(),
    shippingAddress: ADDRESS,
    shippingOptionId: DOMESTIC_OPTION,
    card: { number: card, expMonth: 12, expYear: 2030, cvc: "123" },
  };
}

export interface PlacedOrder {
  __typename: "Order" | "CheckoutError";
  id?: string;
  status?: string;
  code?: string;
  message?: string;
  order?: { id: string; status: string } | null;
}

const CHECKOUT = `mutation($i: CheckoutInput!) {
  checkout(input: $i) {
    __typename
    ... on Order { id status }
    ... on CheckoutError { code message order { id status } }
  }
}`;

const silent = pino({ level: testEnv.logLevel });

/**
 * The whole platform as it runs in production, on this machine: six subgraphs on their own
 * fresh databases, the router over them, and RabbitMQ on an exchange and queues of this run's
 * own (so test files running in parallel never see each other's messages). Orders can be
 * restarted, or given a second replica, on the same database.
 */
export async function startPlatform(options: PlatformOptions = {}) {
  const run = randomUUID();
  const exchange = `test.${run}`;
  // Every queue named through here is deleted from the broker when the platform stops.
  const queues: string[] = [];
  const queue = (name: string) => {
    const full = `test.${run}.${name}`;
    if (!queues.includes(full)) queues.push(full);
    return full;
  };
  const bus: MessageBus =
    options.bus === "in-process"
      ? createInProcessBus({ log: silent })
      : await createAmqpBus({
          url: options.amqpUrl ?? testEnv.amqpUrl,
          log: silent,
          exchange,
          reconnect: { initialMs: 100, maxMs: 1_000 },
        });
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
    stoppers.length = 0;
  };
  try {
    const users = await startTestSubgraph(usersModule(usersConfigFrom(options.usersEnv ?? {})));
    stoppers.push(() => users.stop());
    const env = {
      JWKS_URL: new URL("/.well-known/jwks.json", users.url).toString(),
      SERVICE_TOKEN: testEnv.serviceToken,
      LOG_LEVEL: testEnv.logLevel,
    };
    const catalogue = await startTestSubgraph(catalogueModule(catalogueConfigFrom(env)));
    stoppers.push(() => catalogue.stop());
    const cart = await startTestSubgraph(
      cartModule(cartConfigFrom({ ...env, CATALOGUE_URL: catalogue.url })),
    );
    stoppers.push(() => cart.stop());
    const payments = await startTestSubgraph(paymentsModule(paymentsConfigFrom(env)));
    stoppers.push(() => payments.stop());
    const shipping = await startTestSubgraph(
      shippingModule(
        shippingConfigFrom({
          ...env,
          SHOP_COUNTRY,
          SHOP_CURRENCY: "USD",
          SHIPMENT_REQUESTS_QUEUE: queue("shipping-requests"),
          ...(options.simulatedCarrierStepSeconds
            ? {
                SIMULATED_CARRIER: "true",
                SIMULATED_CARRIER_STEP_SECONDS: String(options.simulatedCarrierStepSeconds),
              }
            : {}),
        }),
        { bus, relayIntervalMs: 100 },
      ),
    );
    stoppers.push(() => shipping.stop());

    const ordersConfig = ordersConfigFrom({
      ...env,
      USERS_URL: users.url,
      CATALOGUE_URL: catalogue.url,
      CART_URL: cart.url,
      PAYMENTS_URL: payments.url,
      SHIPPING_URL: shipping.url,
      SHIPMENT_EVENTS_QUEUE: queue("shipment-events"),
    });
    // One database for every orders process of this run: replicas and restarts share it.
    const ordersDatabase: TestDatabase = await createTestDatabase("orders");
    stoppers.push(() => ordersDatabase.drop());
    const startOrders = () =>
      startTestSubgraph(
        ordersModule(ordersConfig, {
          bus,
          relayIntervalMs: 100,
          recoveryIntervalMs: 1_000,
        }),
        ordersDatabase.url ? { databaseUrl: ordersDatabase.url } : {},
      );
    const orders = [await startOrders()];
    stoppers.push(async () => {
      for (const replica of orders) await replica.stop();
    });

    const subgraphs = [
      { name: "users", url: users.url },
      { name: "catalogue", url: catalogue.url },
      { name: "cart", url: cart.url },
      { name: "payments", url: payments.url },
      { name: "shipping", url: shipping.url },
      { name: "orders", url: orders[0]!.url },
    ];
    const router = await startTestRouter(subgraphs, {
      env: { LOG_LEVEL: testEnv.logLevel, ...options.routerEnv },
    });
    stoppers.push(() => router.stop());
    stoppers.unshift(async () => {
      await bus.close();
      if (options.bus !== "in-process") await deleteBrokerObjects({ queues, exchanges: [exchange] });
    });

    const accounts = testAccounts(users);
    return {
      users,
      catalogue,
      cart,
      payments,
      shipping,
      orders,
      ordersConfig,
      ordersDatabase,
      router,
      bus,
      accounts,
      exchange,
      queue,
      /** Starts another orders replica on the same database and broker queues. */
      async addOrdersReplica() {
        const replica = await startOrders();
        orders.push(replica);
        return replica;
      },
      /** A product with one variant holding `stock` units, straight into the catalogue's database. */
      variantWithStock: (stock: number, priceAmount = 2500, name?: string) =>
        insertVariant(catalogue.database.db, { stock, priceAmount, ...(name ? { name } : {}) }),
      stockOf: (variantId: string) => stockOf(catalogue.database.db, variantId),
      /** Puts `quantity` of a variant in the customer's cart and checks out, through the router. */
      async placeOrder(token: string, variantId: string, options: { quantity?: number; card?: string } = {}) {
        await executeOk(
          router.url,
          `mutation($v: ID!, $q: Int!) { addToCart(variantId: $v, quantity: $q) { cart { id } } }`,
          { variables: { v: variantId, q: options.quantity ?? 1 }, token },
        );
        const { checkout } = await executeOk<{ checkout: PlacedOrder }>(router.url, CHECKOUT, {
          variables: { i: checkoutInput(options.card) },
          token,
        });
        return checkout;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    await bus.close().catch(() => {});
    throw error;
  }
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
