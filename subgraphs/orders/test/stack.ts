import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { catalogueConfigFrom, catalogueModule } from "@storefront/catalogue";
import { cartConfigFrom, cartModule } from "@storefront/cart";
import { paymentsConfigFrom, paymentsModule } from "@storefront/payments";
import { shippingConfigFrom, shippingModule } from "@storefront/shipping";
import { createAmqpBus, type Envelope } from "@storefront/platform/bus";
import {
  ADDRESS,
  buildStack,
  card,
  CARDS,
  catalogueAdmin as catalogueClient,
  createTestDatabase,
  deleteBrokerObjects,
  execute,
  executeOk,
  SHIPPING_OPTION,
  startTcpRelay,
  startTestSubgraph,
  startTokenIssuer,
  testEnv,
  type TestSubgraph,
} from "@storefront/testkit";

export { waitFor } from "@storefront/testkit";
import { seedUsers, usersConfigFrom, usersModule } from "@storefront/users";
import { ordersConfigFrom } from "../src/env";
import { ordersModule, type OrdersModuleOptions } from "../src/server";
import type { schema as ordersSchema } from "../src/db";

export { ADDRESS, CARDS, SHIPPING_OPTION, SHIPPING_PRICE } from "@storefront/testkit";

const silent = pino({ level: "silent" });

/**
 * Every subgraph the checkout touches, each on its own fresh database, and RabbitMQ through an
 * exchange of this test file's own, so messages from parallel runs never mix.
 */
export async function startStack() {
  const exchange = `test.${randomUUID()}`;
  const issuer = await startTokenIssuer(usersModule(usersConfigFrom({})), seedUsers);
  const { users, env: jwks } = issuer;
  const catalogue = await startTestSubgraph(catalogueModule(catalogueConfigFrom(jwks)));
  const cart = await startTestSubgraph(cartModule(cartConfigFrom({ ...jwks, CATALOGUE_URL: catalogue.url })));
  const payments = await startTestSubgraph(paymentsModule(paymentsConfigFrom(jwks)));
  const paymentsLink = await startTcpRelay({ host: "127.0.0.1", port: payments.port });
  const bus = await createAmqpBus({ url: testEnv.amqpUrl, log: silent, exchange });
  // Queue names are global on the broker: this run's own, so parallel runs never share one.
  const queue = `test.orders.${randomUUID()}`;
  const shipping = await startTestSubgraph(
    shippingModule(
      shippingConfigFrom({
        ...jwks,
        SHOP_COUNTRY: "GB",
        SHOP_CURRENCY: "USD",
        SHIPMENT_REQUESTS_QUEUE: `${queue}.shipping-requests`,
      }),
      { bus, relayIntervalMs: 100 },
    ),
  );
  const ordersEnv = {
    ...jwks,
    USERS_URL: users.url,
    CATALOGUE_URL: catalogue.url,
    CART_URL: cart.url,
    // Through a relay, so a test can take payments away from orders (an outage mid-checkout).
    PAYMENTS_URL: `http://127.0.0.1:${paymentsLink.port}/graphql`,
    SHIPPING_URL: shipping.url,
  };
  const observer = await createAmqpBus({ url: testEnv.amqpUrl, log: silent, exchange });

  // What a downstream consumer (shipping) would receive; bound before any order is placed.
  const shipmentRequests: Envelope[] = [];
  const statusEvents: Envelope[] = [];
  await observer.consume(
    { queue: `${queue}.shipments`, bindings: ["orders.shipment-requested.v1"] },
    (message) => {
      shipmentRequests.push(message);
      return Promise.resolve();
    },
  );
  await observer.consume(
    { queue: `${queue}.status`, bindings: ["orders.order-status-changed.v1"] },
    (message) => {
      statusEvents.push(message);
      return Promise.resolve();
    },
  );

  // The database outlives each orders process, as it would across a crash and restart.
  const ordersDatabase = await createTestDatabase("orders");
  const startOrders = (options: Partial<OrdersModuleOptions> = {}) =>
    startTestSubgraph(
      ordersModule(
        ordersConfigFrom({
          ...ordersEnv,
          CHECKOUT_RECOVERY_SECONDS: "30",
          SHIPMENT_EVENTS_QUEUE: `${queue}.shipment-events`,
        }),
        {
          bus,
          relayIntervalMs: 100,
          recoveryIntervalMs: 500,
          ...options,
        },
      ),
      ordersDatabase.url ? { databaseUrl: ordersDatabase.url } : {},
    );
  let orders: TestSubgraph<typeof ordersSchema> = await startOrders();

  const accounts = issuer.accounts;
  const catalogueAdmin = catalogueClient(catalogue.url, (await accounts.admin("Catalogue Admin")).token);
  const extra = {
    users,
    catalogue,
    cart,
    payments,
    paymentsLink,
    shipping,
    get orders() {
      return orders;
    },
    bus,
    shipmentRequests,
    statusEvents,
    /** Replaces the orders process with a new one on the same database (a restart). */
    async restartOrders(options: Partial<OrdersModuleOptions> = {}) {
      await orders.stop().catch(() => {});
      orders = await startOrders(options);
      return orders;
    },
    customer: () => accounts.customer("Shopper"),
    /** A product with one variant holding `stock` units, made through the catalogue's API. */
    async variantWithStock(stock: number, priceAmount = 2500) {
      return (await catalogueAdmin.variant({ stock, price: priceAmount })).id;
    },
    /** Stock on hand and the ledger's sum, as the catalogue reports them to an administrator. */
    stockOf: (variantId: string) => catalogueAdmin.stockOf(variantId),
    addToCart(variantId: string, quantity: number, auth: { token?: string; cartToken?: string }) {
      return executeOk<{ addToCart: { cartToken: string | null; cart: { itemCount: number } } }>(
        cart.url,
        `mutation($v: ID!, $q: Int!, $t: String) { addToCart(variantId: $v, quantity: $q, cartToken: $t) { cartToken cart { itemCount } } }`,
        {
          variables: { v: variantId, q: quantity, t: auth.cartToken ?? null },
          ...(auth.token ? { token: auth.token } : {}),
        },
      );
    },
    checkout(
      token: string,
      options: {
        key?: string;
        card?: string;
        address?: Record<string, unknown>;
        shippingOptionId?: string;
      } = {},
    ) {
      return execute<{ checkout: CheckoutOutcome }>(orders.url, CHECKOUT, {
        token,
        variables: {
          input: {
            idempotencyKey: options.key ?? randomUUID(),
            shippingAddress: options.address ?? ADDRESS,
            shippingOptionId: options.shippingOptionId ?? SHIPPING_OPTION,
            card: { ...card(options.card ?? CARDS.ok), expYear: 2030 },
          },
        },
      });
    },
  };
  // The orders process is replaced on restart, so the stack's `subgraph`, `url` and `db` are
  // read through to the current one.
  const stack = buildStack(orders, [], extra);
  Object.defineProperties(stack, {
    subgraph: { get: () => orders },
    url: { get: () => orders.url },
    db: { get: () => orders.database.db },
  });
  stack.stop = async () => {
    await orders.stop().catch(() => {});
    await ordersDatabase.drop();
    await observer.close();
    await bus.close();
    await deleteBrokerObjects({
      queues: ["shipping-requests", "shipment-events", "shipments", "status"].map((n) => `${queue}.${n}`),
      exchanges: [exchange],
    });
    await shipping.stop();
    await paymentsLink.close();
    await payments.stop();
    await cart.stop();
    await catalogue.stop();
    await users.stop();
  };
  return stack;
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

export interface CheckoutOutcome {
  __typename: "Order" | "CheckoutError";
  id?: string;
  status?: string;
  total?: { amount: number };
  code?: string;
  message?: string;
  order?: { id: string; status: string } | null;
  shortages?: { requested: number; available: number }[];
}

export const CHECKOUT = `mutation($input: CheckoutInput!) {
  checkout(input: $input) {
    __typename
    ... on Order { id status total { amount currency } lines { sku quantity unitPrice { amount } } statusHistory { status } }
    ... on CheckoutError { code message order { id status } shortages { requested available } }
  }
}`;
