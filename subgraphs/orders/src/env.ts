import {
  configLoader,
  envFields,
  subgraphConfig,
  subgraphEnvShape,
  type SubgraphConfig,
} from "@storefront/platform";
import { queueName, subgraphUrl, subgraphs as topology } from "@storefront/contracts/topology";

/** Every setting of the orders subgraph; the only place it reads the environment. */
export const ordersEnvShape = {
  ORDERS_PORT: envFields.port(topology.orders.port),
  ORDERS_METRICS_PORT: envFields.port(topology.orders.metricsPort),
  ORDERS_DATABASE_URL: envFields.postgresUrl(),
  ...subgraphEnvShape,
  AMQP_URL: envFields.amqpUrl(),
  AMQP_EXCHANGE: envFields.amqpExchange(),
  SHIPMENT_EVENTS_QUEUE: envFields.queueName(queueName("orders", "SHIPMENT_EVENTS_QUEUE")),
  USERS_URL: envFields.url().default(subgraphUrl("users")),
  CATALOGUE_URL: envFields.url().default(subgraphUrl("catalogue")),
  CART_URL: envFields.url().default(subgraphUrl("cart")),
  PAYMENTS_URL: envFields.url().default(subgraphUrl("payments")),
  SHIPPING_URL: envFields.url().default(subgraphUrl("shipping")),
  RESERVATION_TTL_SECONDS: envFields.seconds(15 * 60),
  /**
   * A checkout untouched for this long is treated as interrupted and finished by the recovery
   * sweep. It must exceed the longest a live checkout can take (three service calls of at most
   * 10 s each), or the sweep would race a checkout still in progress.
   */
  CHECKOUT_RECOVERY_SECONDS: envFields.seconds(60),
  /**
   * How long a checkout repeated with the key of one still in progress waits for its outcome
   * before answering with the order as it stands (PENDING or PAYMENT_PENDING, to be followed).
   * Well inside the router's subgraph deadline (SUBGRAPH_TIMEOUT_MS, 10 s): a retry after a crash
   * gets an answer, not a timeout, while the recovery sweep finishes the interrupted checkout.
   */
  CHECKOUT_REPLAY_WAIT_SECONDS: envFields.seconds(5),
};

export interface OrdersConfig extends SubgraphConfig {
  amqpUrl: string | undefined;
  amqpExchange: string;
  /** Durable queue shipment events are consumed from. */
  shipmentEventsQueue: string;
  urls: { users: string; catalogue: string; cart: string; payments: string; shipping: string };
  reservationTtlSeconds: number;
  checkoutRecoverySeconds: number;
  checkoutReplayWaitSeconds: number;
}

const loader = configLoader(ordersEnvShape, (env): OrdersConfig => ({
  ...subgraphConfig(env, {
    port: env.ORDERS_PORT,
    metricsPort: env.ORDERS_METRICS_PORT,
    databaseUrl: env.ORDERS_DATABASE_URL,
  }),
  amqpUrl: env.AMQP_URL,
  amqpExchange: env.AMQP_EXCHANGE,
  shipmentEventsQueue: env.SHIPMENT_EVENTS_QUEUE,
  urls: {
    users: env.USERS_URL,
    catalogue: env.CATALOGUE_URL,
    cart: env.CART_URL,
    payments: env.PAYMENTS_URL,
    shipping: env.SHIPPING_URL,
  },
  reservationTtlSeconds: env.RESERVATION_TTL_SECONDS,
  checkoutRecoverySeconds: env.CHECKOUT_RECOVERY_SECONDS,
  checkoutReplayWaitSeconds: env.CHECKOUT_REPLAY_WAIT_SECONDS,
}));

export const ordersConfigFrom = loader.from;
export const loadOrdersConfig = loader.load;
