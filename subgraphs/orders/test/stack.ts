import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
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
  executeInternal,
  executeOk,
  SHIPPING_OPTION,
  startTcpRelay,
  startTestSubgraph,
  startTokenIssuer,
  testEnv,
  type ExecuteResult,
  type TestSubgraph,
} from "@storefront/testkit";

export { waitFor } from "@storefront/testkit";
import { seedUsers, usersConfigFrom, usersModule } from "@storefront/users";
import { ordersConfigFrom } from "../src/env";
import { ordersModule, type OrdersModuleOptions } from "../src/server";
import { schema as ordersSchema } from "../src/db";
import { AddToCartDocument } from "./generated/cart";
import { CheckoutDocument, type CheckoutInput, type CheckoutMutation } from "./generated/orders";
import { PaymentForOrderDocument } from "./generated/payments";
import { startGraphqlLink } from "./graphql-link";

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
  // Orders reach the catalogue through a link that can hold one of its operations (the stock
  // reservation) while the others go through.
  const catalogueLink = await startGraphqlLink(catalogue.url);
  const payments = await startTestSubgraph(paymentsModule(paymentsConfigFrom(jwks)));
  // Orders reach payments through a relay (a test can take payments away: an outage mid-checkout)
  // and behind it a link that keeps what orders asked payments and what payments answered.
  const paymentsWire = await startGraphqlLink(payments.url);
  const paymentsLink = await startTcpRelay({ host: "127.0.0.1", port: paymentsWire.port });
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
    CATALOGUE_URL: catalogueLink.url,
    CART_URL: cart.url,
    PAYMENTS_URL: `http://127.0.0.1:${paymentsLink.port}${new URL(payments.url).pathname}`,
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

  /** The order's payment as payments answers a platform service (its latest attempt), or null. */
  const paymentForOrder = async (orderId: string) => {
    const result = await executeInternal(payments.url, PaymentForOrderDocument, {
      variables: { orderId },
      serviceToken: testEnv.serviceToken,
    });
    if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.paymentForOrder;
  };
  /**
   * The payments that orders' charges got back, as they passed to and from payments: a payment is
   * made only by a charge, and the checkout's charges all go through the link.
   */
  const charged = (matches: (input: { orderId?: string; userId?: string }) => boolean) =>
    paymentsWire
      .passed()
      .filter(
        (sent) =>
          sent.operation === "ChargePayment" &&
          matches((sent.variables.input ?? {}) as { orderId?: string; userId?: string }),
      )
      .flatMap((sent) => {
        const payment = (sent.data as { chargePayment?: { id: string; status: string } } | null | undefined)
          ?.chargePayment;
        return payment ? [payment] : [];
      });
  /**
   * The payments of these orders, each once, as the payments API shows them: the payment payments
   * reports for each order (with the service credential) as it is now, and any other payment a
   * charge for it was answered with, as it was charged (nothing refunded yet).
   */
  const paymentsOfOrders = async (orderIds: string[], alsoCharged: { id: string; status: string }[]) => {
    const found = new Map<string, { id: string; status: string; refundedAmount: number }>();
    for (const orderId of orderIds) {
      const payment = await paymentForOrder(orderId);
      if (payment) found.set(payment.id, { ...payment, refundedAmount: payment.refundedAmount.amount });
    }
    for (const payment of alsoCharged)
      if (!found.has(payment.id)) found.set(payment.id, { ...payment, refundedAmount: 0 });
    return [...found.values()];
  };

  const extra = {
    users,
    catalogue,
    catalogueLink,
    cart,
    payments,
    paymentsLink,
    /** The order's payments, as payments answers for the order and as its charges were answered. */
    paymentsFor: (orderId: string) =>
      paymentsOfOrders(
        [orderId],
        charged((input) => input.orderId === orderId),
      ),
    /**
     * The customer's payments: those of every order they have (read in orders' own database) and
     * any a charge made for them was answered with.
     */
    async paymentsOf(userId: string) {
      const orderIds = await orders.database.db
        .select({ id: ordersSchema.orders.id })
        .from(ordersSchema.orders)
        .where(eq(ordersSchema.orders.userId, userId));
      return paymentsOfOrders(
        orderIds.map((order) => order.id),
        charged((input) => input.userId === userId),
      );
    },
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
      return executeOk(cart.url, AddToCartDocument, {
        variables: { v: variantId, q: quantity, t: auth.cartToken ?? null },
        ...(auth.token ? { token: auth.token } : {}),
      });
    },
    checkout(
      token: string,
      options: {
        key?: string;
        card?: string;
        /** Also addresses the schema's types let through and the checkout's rules refuse. */
        address?: Record<string, unknown>;
        shippingOptionId?: string;
      } = {},
    ): Promise<ExecuteResult<{ checkout: CheckoutOutcome }>> {
      return stack.execute(
        CheckoutDocument,
        {
          input: {
            idempotencyKey: options.key ?? randomUUID(),
            shippingAddress: (options.address ?? ADDRESS) as CheckoutInput["shippingAddress"],
            shippingOptionId: options.shippingOptionId ?? SHIPPING_OPTION,
            card: { ...card(options.card ?? CARDS.ok), expYear: 2030 },
          },
        },
        { token },
      );
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
    await paymentsWire.close();
    await payments.stop();
    await cart.stop();
    await catalogueLink.close();
    await catalogue.stop();
    await users.stop();
  };
  return stack;
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

type Member = CheckoutMutation["checkout"];
type KeyOfAny<T> = T extends unknown ? keyof T : never;
type FieldOfAny<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * What the checkout answers (an Order or a CheckoutError), with every field of either readable:
 * the tests read the fields the outcome they expect has, without narrowing it first.
 */
export type CheckoutOutcome = Pick<Member, "__typename"> & {
  [K in Exclude<KeyOfAny<Member>, "__typename">]?: FieldOfAny<Member, K>;
};
