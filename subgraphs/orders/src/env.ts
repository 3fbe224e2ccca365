import { envFields, type SubgraphConfig } from "@storefront/platform/env";
import { subgraphConfigLoader, type MessagingConfig } from "@storefront/platform/subgraph-config";
import { subgraphUrl } from "@storefront/contracts/topology";

export interface OrdersConfig extends SubgraphConfig, MessagingConfig {
  /** Durable queue shipment events are consumed from. */
  shipmentEventsQueue: string;
  urls: { users: string; catalogue: string; cart: string; payments: string; shipping: string };
  reservationTtlSeconds: number;
  checkoutRecoverySeconds: number;
  checkoutReplayWaitSeconds: number;
}

/** Every setting of the orders subgraph; the only place it reads the environment. */
export const ordersConfig = subgraphConfigLoader(
  "orders",
  {
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
  },
  (env, base): OrdersConfig => ({
    ...base,
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
  }),
);

export const { shape: ordersEnvShape, from: ordersConfigFrom, load: loadOrdersConfig } = ordersConfig;
