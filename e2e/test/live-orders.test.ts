import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  executeOk,
  startTcpRelay,
  subscribe,
  waitFor,
  type GraphQLResponseError,
  type SubscriptionProbe,
  type TestAccount,
} from "@storefront/testkit";
import { ORDER_STATUS, startPlatform, type Platform, type StatusEvent } from "../src";

/**
 * Live order tracking through the router: graphql-ws clients on the router, the primary
 * subscription on the orders subgraph, and each event completed with payments, shipping and the
 * catalogue, all on RabbitMQ and PostgreSQL.
 *
 * Two platforms start side by side: `shop` (the router reaches orders through a TCP relay that
 * plays the load balancer, so a replica can be taken away) and `strict` (3-second access tokens
 * and a tiny rate limit).
 */
let shop: Platform;
let strict: Platform;
let relay: Awaited<ReturnType<typeof startTcpRelay>>;
const probes: SubscriptionProbe<unknown>[] = [];

const RATE_LIMIT = 3;
const PARTNER_KEY = "dev-only-partner-example-key";

beforeAll(async () => {
  // Nothing listens on port 1: the relay is pointed at the first orders replica once it runs.
  relay = await startTcpRelay({ host: "127.0.0.1", port: 1 });
  [shop, strict] = await Promise.all([
    startPlatform({
      routerEnv: {
        SUBGRAPH_URLS: `orders=http://127.0.0.1:${relay.port}/graphql`,
        RATE_LIMIT_PER_MINUTE: "0",
        SUBSCRIPTION_RESUME_TIMEOUT_MS: "20000",
      },
      // Started before the relay has its target: the router must not need orders to start.
    }).then((platform) => {
      relay.retarget(platform.orders[0]!.port);
      return platform;
    }),
    startPlatform({
      usersEnv: { ACCESS_TOKEN_TTL_SECONDS: "3" },
      routerEnv: { RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(probes.map((probe) => probe.close().catch(() => {})));
  await Promise.all([shop?.stop(), strict?.stop()]);
  await relay?.close();
});

function track<T>(probe: SubscriptionProbe<T>): SubscriptionProbe<T> {
  probes.push(probe);
  return probe;
}

const codeOf = (result: { errors?: GraphQLResponseError[] } | undefined) =>
  result?.errors?.[0]?.extensions?.code;

/** PENDING is sequence 1 and PAYMENT_PENDING 2; subscribing after 2 replays PAID first. */
const SEQUENCE_AT_PAYMENT_PENDING = 2;

/** A paid order of a new customer whose shipment exists (shipping made it from the AMQP request). */
async function paidOrder(platform: Platform, productName: string) {
  const url = platform.router.url;
  const variant = await platform.variantWithStock(5, 1250, productName);
  const customer = await platform.accounts.customer();
  const placed = await platform.placeOrder(customer.token, variant.id, { quantity: 2 });
  expect(placed.status).toBe("PAID");
  const orderId = placed.id!;
  const admin = await platform.accounts.admin();
  const shipmentId = await waitFor(
    async () => {
      const { shipments } = await executeOk<{
        shipments: { nodes: { id: string; order: { id: string } }[] };
      }>(url, `{ shipments(first: 100) { nodes { id order { id } } } }`, { token: admin.token });
      return shipments.nodes.find((s) => s.order.id === orderId)?.id;
    },
    (id) => id !== undefined,
  );
  const advance = () =>
    executeOk(url, `mutation($id: ID!) { advanceShipment(id: $id) { status } }`, {
      variables: { id: shipmentId },
      token: admin.token,
    });
  return { orderId, customer, admin, variant, advance };
}

function expectComplete(event: StatusEvent | null | undefined, sku: string, productName: string) {
  const order = event!.orderStatusChanged.order;
  expect(order.total.amount).toBeGreaterThan(2500);
  expect(order.payment?.status).toBe("SUCCEEDED");
  expect(order.shipment?.trackingNumber).toMatch(/^1Z\d{16}$/);
  expect(order.lines).toEqual([{ quantity: 2, variant: { sku, product: { name: productName } } }]);
}

async function metric(metricsUrl: string, name: string, labels: Record<string, string> = {}) {
  const text = await (await fetch(metricsUrl)).text();
  const line = text
    .split("\n")
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("orderStatusChanged through the router", () => {
  it("delivers PAID, SHIPPED and DELIVERED in order, each with fields from every subgraph", async () => {
    const { orderId, customer, variant, advance } = await paidOrder(shop, "Live Mug");
    // Subscribed after checkout with afterSequence = PAYMENT_PENDING's sequence: PAID is replayed.
    const probe = track(
      subscribe<StatusEvent>(shop.router.url, ORDER_STATUS, {
        variables: { id: orderId, after: SEQUENCE_AT_PAYMENT_PENDING },
        token: customer.token,
      }),
    );
    await probe.waitFor(1);
    for (let step = 0; step < 3; step++) await advance();
    const results = await probe.waitFor(3);

    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(
      results.map((r) => [r.data!.orderStatusChanged.status, r.data!.orderStatusChanged.sequence]),
    ).toEqual([
      ["PAID", 3],
      ["SHIPPED", 4],
      ["DELIVERED", 5],
    ]);
    for (const result of results) expectComplete(result.data, variant.sku, "Live Mug");

    expect(await metric(shop.router.metricsUrl, "router_subscriptions_active")).toBeGreaterThanOrEqual(1);
    expect(
      await metric(shop.router.metricsUrl, "router_subscription_upstream_connections", {
        subgraph: "orders",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await metric(shop.router.metricsUrl, "router_subscription_events_total", {
        field: "orderStatusChanged",
      }),
    ).toBeGreaterThanOrEqual(3);

    // The client going away ends the subscription, and the router's connection to orders once idle.
    await probe.close();
    await waitFor(
      () =>
        metric(shop.router.metricsUrl, "router_subscription_upstream_connections", { subgraph: "orders" }),
      (open) => open === 0,
    );
  });

  it("refuses a customer who does not own the order with FORBIDDEN", async () => {
    const { orderId } = await paidOrder(shop, "Private Mug");
    const stranger = await shop.accounts.customer();
    const probe = track(
      subscribe<StatusEvent>(shop.router.url, ORDER_STATUS, {
        variables: { id: orderId, after: 0 },
        token: stranger.token,
      }),
    );
    const [result] = await probe.waitFor(1);
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result!.data ?? null).toBeNull();
    await probe.ended;
  });

  it("N clients on M orders hold one connection to orders; identical subscriptions share one upstream subscription; a stranger on it still gets FORBIDDEN", async () => {
    const metrics = shop.router.metricsUrl;
    const a = await paidOrder(shop, "Shared Mug A");
    const b = await paidOrder(shop, "Shared Mug B");
    const follow = (orderId: string, token: string, after: number) =>
      track(
        subscribe<StatusEvent>(shop.router.url, ORDER_STATUS, { variables: { id: orderId, after }, token }),
      );
    // The first of A's clients is live once PAID is replayed (sequence 3); the others then start
    // from 3 too, exactly where it is, and join its upstream subscription.
    const firstOfA = follow(a.orderId, a.customer.token, SEQUENCE_AT_PAYMENT_PENDING);
    const ofB = follow(b.orderId, b.customer.token, SEQUENCE_AT_PAYMENT_PENDING);
    await Promise.all([firstOfA.waitFor(1), ofB.waitFor(1)]);
    const othersOfA = [1, 2].map(() => follow(a.orderId, a.customer.token, 3));
    await waitFor(
      () => metric(metrics, "router_subscription_deduplicated_subscribers", { subgraph: "orders" }),
      (shared) => shared === 2,
    );
    expect(await metric(metrics, "router_subscription_upstream_subscriptions", { subgraph: "orders" })).toBe(
      2,
    );

    // Another customer's subscription to A's order goes over the same connection, and is refused.
    const stranger = await shop.accounts.customer();
    const refused = follow(a.orderId, stranger.token, 0);
    const [refusal] = await refused.waitFor(1);
    expect(codeOf(refusal)).toBe("FORBIDDEN");
    expect(
      await metric(metrics, "router_subscription_connections", { transport: "graphql-ws" }),
    ).toBeGreaterThanOrEqual(5);
    expect(await metric(metrics, "router_subscription_upstream_connections", { subgraph: "orders" })).toBe(1);

    for (let step = 0; step < 3; step++) await a.advance();
    const statuses = async (probe: SubscriptionProbe<StatusEvent>, count: number) =>
      (await probe.waitFor(count)).map((r) => {
        expect(r.errors).toBeUndefined();
        expectComplete(r.data, a.variant.sku, "Shared Mug A");
        return r.data!.orderStatusChanged.status;
      });
    expect(await statuses(firstOfA, 3)).toEqual(["PAID", "SHIPPED", "DELIVERED"]);
    for (const probe of othersOfA) expect(await statuses(probe, 2)).toEqual(["SHIPPED", "DELIVERED"]);
    expect(ofB.results).toHaveLength(1);
    expect(await metric(metrics, "router_subscription_upstream_connections", { subgraph: "orders" })).toBe(1);

    for (const probe of [firstOfA, ...othersOfA, ofB]) await probe.close();
    await waitFor(
      () => metric(metrics, "router_subscription_upstream_subscriptions", { subgraph: "orders" }),
      (held) => held === 0,
    );
  });

  it("myOrderUpdates follows every order of the signed-in customer", async () => {
    const customer = await shop.accounts.customer();
    type Update = {
      myOrderUpdates: { status: string; order: { id: string; payment: { status: string } | null } };
    };
    const probe = track(
      subscribe<Update>(
        shop.router.url,
        `subscription { myOrderUpdates { status order { id payment { status } } } }`,
        {
          token: customer.token,
        },
      ),
    );
    const variant = await shop.variantWithStock(5);
    const buy = async () => {
      const placed = await shop.placeOrder(customer.token, variant.id);
      return placed.id!;
    };
    const updatesOf = (orderId: string) =>
      probe.results
        .filter((r) => r.data?.myOrderUpdates.order.id === orderId)
        .map((r) => r.data!.myOrderUpdates);
    // "From now on" starts once orders has the subscription: a first order shows it is live.
    const first = await buy();
    await waitFor(
      () => Promise.resolve(updatesOf(first)),
      (updates) => updates.some((u) => u.status === "PAID"),
    );
    const second = await buy();
    const updates = await waitFor(
      () => Promise.resolve(updatesOf(second)),
      (all) => all.some((u) => u.status === "PAID"),
    );
    expect(probe.results.every((r) => r.errors === undefined)).toBe(true);
    expect(updates.map((u) => u.status)).toEqual(["PENDING", "PAYMENT_PENDING", "PAID"]);
    expect(updates.at(-1)!.order).toEqual({ id: second, payment: { status: "SUCCEEDED" } });
  });

  it("loses no status when the orders replica it is subscribed through stops", async () => {
    const { orderId, customer, variant, advance } = await paidOrder(shop, "Failover Mug");
    const replicaB = await shop.addOrdersReplica();
    const probe = track(
      subscribe<StatusEvent>(shop.router.url, ORDER_STATUS, {
        variables: { id: orderId, after: SEQUENCE_AT_PAYMENT_PENDING },
        token: customer.token,
      }),
    );
    await probe.waitFor(1);
    const resumesBefore = await metric(shop.router.metricsUrl, "router_subscription_resumes_total", {
      subgraph: "orders",
    });

    // The load balancer sends new connections to B; A stops while the parcel moves on.
    const replicaA = shop.orders[0]!;
    relay.retarget(replicaB.port);
    shop.orders.splice(0, 1);
    const stopping = replicaA.stop();
    await advance(); // IN_TRANSIT: the order becomes SHIPPED while A goes away
    await stopping;
    await advance(); // OUT_FOR_DELIVERY: no order change
    await advance(); // DELIVERED
    const results = await probe.waitFor(3, 30_000);

    expect(
      results.map((r) => [r.data?.orderStatusChanged.status, r.data?.orderStatusChanged.sequence]),
    ).toEqual([
      ["PAID", 3],
      ["SHIPPED", 4],
      ["DELIVERED", 5],
    ]);
    for (const result of results) expectComplete(result.data, variant.sku, "Failover Mug");
    expect(
      await metric(shop.router.metricsUrl, "router_subscription_resumes_total", { subgraph: "orders" }),
    ).toBeGreaterThan(resumesBefore);
    // Nothing more arrives (no duplicate from the replay), and the subscription is still open.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(probe.results).toHaveLength(3);
  }, 60_000);
});

describe("the same protection as HTTP on every subscribe", () => {
  it("refuses a selection nested deeper than MAX_DEPTH with DEPTH_LIMIT_EXCEEDED", async () => {
    const customer = await shop.accounts.customer();
    const probe = track(
      subscribe(
        shop.router.url,
        `subscription($id: ID!) { orderStatusChanged(orderId: $id) { order { lines { variant { product {
          variants { product { variants { product { variants { product { variants { sku } } } } } } } } } } } } }`,
        { variables: { id: randomUUID() }, token: customer.token },
      ),
    );
    const [result] = await probe.waitFor(1);
    expect(codeOf(result)).toBe("DEPTH_LIMIT_EXCEEDED");
    expect(result!.errors![0]!.extensions).toMatchObject({ limit: 12, actual: 13 });
  });

  it("refuses an invalid operation with GRAPHQL_VALIDATION_FAILED and a query with BAD_REQUEST", async () => {
    const customer = await shop.accounts.customer();
    const invalid = track(
      subscribe(shop.router.url, `subscription { myOrderUpdates { noSuchField } }`, {
        token: customer.token,
      }),
    );
    expect(codeOf((await invalid.waitFor(1))[0])).toBe("GRAPHQL_VALIDATION_FAILED");
    const query = track(subscribe(shop.router.url, `{ __typename }`, { token: customer.token }));
    expect(codeOf((await query.waitFor(1))[0])).toBe("BAD_REQUEST");
  });

  it("a safelisted partner cannot subscribe with operation text", async () => {
    const probe = track(
      subscribe(shop.router.url, `subscription { myOrderUpdates { status } }`, {
        connectionParams: { "x-api-key": PARTNER_KEY },
      }),
    );
    const [result] = await probe.waitFor(1);
    expect(codeOf(result)).toBe("PERSISTED_QUERY_REQUIRED");
  });

  it("an unknown API key or a bad token is refused at connection_init with 4403", async () => {
    const badToken = track(
      subscribe(shop.router.url, `subscription { myOrderUpdates { status } }`, { token: "not-a-jwt" }),
    );
    expect((await badToken.ended).code).toBe(4403);
    const badKey = track(
      subscribe(shop.router.url, `subscription { myOrderUpdates { status } }`, {
        connectionParams: { "x-api-key": "no-such-key" },
      }),
    );
    expect((await badKey.ended).code).toBe(4403);
    expect(
      await metric(shop.router.metricsUrl, "router_subscribe_rejections_total", {
        reason: "unauthenticated",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await metric(shop.router.metricsUrl, "router_subscribe_rejections_total", {
        reason: "invalid_api_key",
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("counts subscribes against the caller's rate limit", async () => {
    const customer = await strict.accounts.customer();
    const results: (number | string | undefined)[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) {
      const probe = track(
        subscribe(strict.router.url, `subscription { myOrderUpdates { status } }`, { token: customer.token }),
      );
      // An accepted subscription sends nothing until an order changes; a refused one answers at once.
      const first = await Promise.race([
        probe.waitFor(1, 1_000).then((r) => codeOf(r[0])),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 300)),
      ]).catch(() => undefined);
      results.push(first);
    }
    expect(results.slice(0, RATE_LIMIT)).toEqual(new Array(RATE_LIMIT).fill(undefined));
    expect(results[RATE_LIMIT]).toBe("RATE_LIMITED");
  });
});

describe("tokens on a live connection", () => {
  it("closes the socket with 4403 when the access token expires", async () => {
    const customer: TestAccount = await strict.accounts.customer();
    const started = Date.now();
    const probe = track(
      subscribe(strict.router.url, `subscription { myOrderUpdates { status } }`, { token: customer.token }),
    );
    const ended = await Promise.race([
      probe.ended,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("socket still open")), 8_000)),
    ]);
    expect(ended.code).toBe(4403);
    expect(ended.reason).toMatch(/expired/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
