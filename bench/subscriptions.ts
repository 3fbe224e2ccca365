/**
 * Federated subscriptions benchmark: how many subscribers one router process holds on each
 * transport, how long an order's status change takes to reach the last of its subscribers, and
 * what each subscriber costs the router (memory, file descriptors, upstream connections and
 * subscriptions, subgraph fetches per event).
 *
 *   npx tsx bench/subscriptions.ts [--sizes 1000,10000] [--transports ws,sse,multipart]
 *     [--changes 10] [--selection cross|orders] [--customers 8] [--sessions 4]
 *     [--per-order 10] [--orders N] [--per-connection 1] [--workers 4] [--heap-snapshots DIR]
 *     [--cpu-prof DIR]
 *   npx tsx bench/subscriptions.ts --sizes 500 --changes 3          (a quick smoke run)
 *   npm run bench -w @storefront/bench
 *
 * Needs the local PostgreSQL and RabbitMQ (as the e2e tests do). The platform runs in this
 * process (six subgraphs, fresh databases, a per-run exchange); an orders replica and the router
 * under test run in child processes of their own, so the router's memory and descriptors are its
 * own (a fresh router for each size × transport); subscribers are spread over worker processes (subscription-clients.ts), which speak each
 * transport on the wire: graphql-ws, GraphQL over SSE (graphql-sse, distinct connections) and
 * Apollo's multipart subscriptions.
 *
 * Selection (`--selection cross`, the default): every subscriber follows one order with
 * `orderStatusChanged(orderId:)`, selecting the order's total and lines (orders), its payment
 * (payments), its shipment (shipping) and each line's product (catalogue), so every event is
 * completed with three other subgraphs' entity fetches. `--selection orders` is the earlier
 * orders-only scenario: `myOrderUpdates { orderId status sequence changedAt }` of the subscriber's
 * customer.
 *
 * Who subscribes: `--customers` customers place the orders (round robin), each signed in on
 * `--sessions` devices, so each has that many tokens. Subscribers are spread over
 * ⌈size / --per-order⌉ orders, at most 2,000 (or `--orders`), by a Zipf distribution: the order of rank r gets a
 * share proportional to 1/r, so a few hot orders have hundreds or thousands of subscribers and
 * the long tail one or a few. Each subscriber follows its order as the order's own customer, the
 * j-th of an order's subscribers on session j mod --sessions. That is what deduplication may share
 * honestly: the router shares an upstream subscription only between identical document, variables
 * and authorization scope. For a primary that can resume (`orderStatusChanged`) the scope is the
 * user and role, so one customer's sessions share it (it moves to another session's token when
 * the one it was opened as expires or leaves): an order's subscribers need one upstream
 * subscription. `myOrderUpdates` cannot resume, so it is shared per token: one per session. The
 * table prints that expected count beside the router's. An administrator token for everybody
 * would let every customer's subscribers share one scope and flatter deduplication; distinct
 * users for every subscriber would leave nothing to share, which is not how one customer's tabs
 * and devices behave.
 *
 * Changes: shipments advanced by an administrator (through the platform's own router, not the one
 * under test): a parcel in transit makes its order SHIPPED, delivered makes it DELIVERED. The
 * orders that change are spread on a log scale from the hottest to the coldest rank (each gives
 * two changes), one change at a time, each awaited at every subscriber of its order before the
 * next; the first is a warm-up and not measured. Latency runs from the change's own timestamp
 * (`changedAt`, taken when orders commits it; same machine clock) to the moment the LAST of that
 * order's subscribers received it: the outbox, RabbitMQ, the orders replica, the router's
 * completion of the event with the other subgraphs, and the fan-out. Orders that changed are not
 * used again; the rest are reused by the next run.
 *
 * Figures per size × transport: held (subscriptions the clients had accepted) and live (those the
 * router still counted active after the changes); p50 / p99 / max of change → last delivery;
 * deliveries against those expected, and any with errors or a cross-subgraph field missing; the
 * router's RSS and file descriptors above its idle baseline, per held subscriber; its upstream
 * connections and subscriptions (router_subscription_upstream_*) and deduplicated subscribers;
 * subgraph fetches per measured change (subgraph_fetches_total and subgraph_fetches_shared_total
 * deltas, by subgraph, divided by the number of changes).
 *
 * File descriptors: every HTTP subscription and, by default, every graphql-ws subscriber holds a
 * socket of its own, so the router needs one descriptor per subscriber plus a few per subgraph.
 * The soft `ulimit -n` of the router and of the client processes is raised to the hard limit
 * (more client processes are started when a share of the sockets would not fit in one); a run
 * needing more connections than the router's limit is skipped, saying so. Distinct connections
 * from one address to the router are also bounded by the ephemeral port range (printed).
 * graphql-ws can carry many subscriptions on one socket: `--per-connection 10` packs up to 10
 * subscriptions of one token onto each connection (a page following several orders, or tabs
 * sharing a socket), which is how 50,000 held subscriptions fit under a 20,000 hard limit; the
 * table says how many connections carried them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPlatform, type Platform } from "@storefront/e2e";
import { executeOk, testEnv, waitFor, freePort } from "@storefront/testkit";
import { fetchText, sleep, startServiceProcess, type ServiceProcess } from "./service-process";
import type { ConnectionSpec, Transport, WorkerCommand, WorkerReply } from "./subscription-clients";
import {
  byLabel,
  changedRanks,
  expectedUpstream,
  packConnections,
  parseMetrics,
  percentile,
  skewedCounts,
  subscribersOf,
  sumOf,
  type MetricSample,
  type SubscriberSpec,
} from "./subscription-load";

const KNOWN_OPTIONS = [
  "sizes",
  "transports",
  "changes",
  "selection",
  "customers",
  "sessions",
  "per-order",
  "orders",
  "per-connection",
  "workers",
  "heap-snapshots",
  "cpu-prof",
];
for (const arg of process.argv.slice(2))
  if (arg.startsWith("--") && !KNOWN_OPTIONS.includes(arg.slice(2)))
    throw new Error(`unknown option ${arg}; the options are --${KNOWN_OPTIONS.join(", --")}`);

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}
function positive(name: string, fallback: string): number {
  const value = Number(option(name, fallback));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer`);
  return value;
}
const TRANSPORTS_KNOWN: Transport[] = ["ws", "sse", "multipart"];
const SIZES = option("sizes", "1000,10000")
  .split(",")
  .map((size) => {
    const value = Number(size);
    if (!Number.isInteger(value) || value < 1)
      throw new Error("--sizes takes positive integers, e.g. 1000,10000");
    return value;
  });
const TRANSPORTS = option("transports", TRANSPORTS_KNOWN.join(",")).split(",") as Transport[];
for (const transport of TRANSPORTS)
  if (!TRANSPORTS_KNOWN.includes(transport))
    throw new Error(`--transports takes ${TRANSPORTS_KNOWN.join(", ")}; not ${transport}`);
const SELECTION = option("selection", "cross");
if (SELECTION !== "cross" && SELECTION !== "orders") throw new Error("--selection takes cross or orders");
const WORKERS = positive("workers", "4");
const CHANGES = positive("changes", "10");
const CUSTOMERS = positive("customers", "8");
const SESSIONS = positive("sessions", "4");
const PER_ORDER = positive("per-order", "10");
const ORDERS = process.argv.includes("--orders") ? positive("orders", "1") : undefined;
const PER_CONNECTION = positive("per-connection", "1");
/**
 * A folder for heap snapshots of the router, for finding what a subscriber costs: each run writes
 * into `<size>-<transport>/` one idle (heap-1) and one loaded (heap-2), after a full collection;
 * compare them with `npx tsx bench/heap-diff.ts <idle> <loaded> <held>`. Writing a snapshot stops the
 * router for seconds, so the latency and RSS figures of such a run are not to be quoted.
 */
const HEAP_SNAPSHOTS = process.argv.includes("--heap-snapshots")
  ? path.resolve(option("heap-snapshots", "."))
  : undefined;
/** A folder for a CPU profile of the router (node --cpu-prof), written when it stops. */
const CPU_PROFILE = process.argv.includes("--cpu-prof") ? path.resolve(option("cpu-prof", ".")) : undefined;

const CROSS_QUERY = `subscription Follow($orderId: ID!) {
  orderStatusChanged(orderId: $orderId) {
    orderId status sequence changedAt
    order {
      total { amount currency }
      payment { status }
      shipment { trackingNumber }
      lines { quantity variant { sku product { name } } }
    }
  }
}`;
const ORDERS_QUERY = `subscription { myOrderUpdates { orderId status sequence changedAt } }`;
const QUERY = SELECTION === "cross" ? CROSS_QUERY : ORDERS_QUERY;

/** The `transport` label of the router's subscription metrics. */
const METRIC_TRANSPORT: Record<Transport, string> = { ws: "graphql-ws", sse: "sse", multipart: "multipart" };

/** Orders that change in one run: the warm-up and the measured changes, two per order. */
const CHANGED_PER_RUN = Math.ceil((CHANGES + 1) / 2);

/**
 * Orders a run spreads its subscribers over unless `--orders` says: placing each takes a real
 * checkout, so past 20,000 subscribers the tail is "a few" subscribers per order rather than one.
 */
const MAX_ORDERS = 2_000;

/** How many orders a run of `size` subscribers spreads them over. */
const orderCount = (size: number) =>
  Math.min(size, Math.max(CHANGED_PER_RUN, ORDERS ?? Math.min(MAX_ORDERS, Math.ceil(size / PER_ORDER))));

/** The open-file limits of this process: soft and hard. */
function fileLimits(pid: number | "self" = "self") {
  const line = /Max open files\s+(\S+)\s+(\S+)/.exec(readFileSync(`/proc/${pid}/limits`, "utf8"));
  const value = (text: string | undefined) => (text === "unlimited" ? Infinity : Number(text));
  return { soft: value(line?.[1]), hard: value(line?.[2]) };
}

/**
 * An orders replica of the platform (same database and broker queues) in its own process: the
 * router under test subscribes to it, so its events do not share the driver's CPU.
 */
async function startOrdersProcess(platform: Platform) {
  const [port, metricsPort] = [await freePort(), await freePort()];
  return startServiceProcess(
    "orders",
    "subgraphs/orders/src/main.ts",
    { port, metricsPort },
    {
      ORDERS_PORT: String(port),
      ORDERS_METRICS_PORT: String(metricsPort),
      ORDERS_DATABASE_URL: platform.orders[0]!.databaseUrl!,
      AMQP_URL: testEnv.amqpUrl,
      AMQP_EXCHANGE: platform.exchange,
      SHIPMENT_EVENTS_QUEUE: platform.queue("shipment-events"),
      JWKS_URL: new URL("/.well-known/jwks.json", platform.users.url).toString(),
      SERVICE_TOKEN: testEnv.serviceToken,
      USERS_URL: platform.users.url,
      CATALOGUE_URL: platform.catalogue.url,
      CART_URL: platform.cart.url,
      PAYMENTS_URL: platform.payments.url,
      SHIPPING_URL: platform.shipping.url,
    },
  );
}

/**
 * The router under test, in its own process, over that orders replica and the platform's other
 * subgraphs (payments, shipping, catalogue answer the events' entity fetches).
 */
async function startRouterProcess(platform: Platform, orders: ServiceProcess, dir: string, runName: string) {
  const snapshots = HEAP_SNAPSHOTS && path.join(HEAP_SNAPSHOTS, runName);
  if (snapshots) mkdirSync(snapshots, { recursive: true });
  const supergraph = path.join(dir, "supergraph.graphql");
  writeFileSync(supergraph, platform.router.supergraphSdl);
  const [port, metricsPort] = [await freePort(), await freePort()];
  return startServiceProcess(
    "router",
    "router/src/main.ts",
    { port, metricsPort },
    {
      ROUTER_PORT: String(port),
      ROUTER_METRICS_PORT: String(metricsPort),
      SUPERGRAPH_PATH: supergraph,
      SUBGRAPH_URLS: `orders=${orders.url}`,
      JWKS_URL: new URL("/.well-known/jwks.json", platform.users.url).toString(),
      RATE_LIMIT_PER_MINUTE: "0",
      SUBSCRIPTION_MAX_PER_CONNECTION: String(Math.max(20, PER_CONNECTION)),
      ...(snapshots ? { HEAP_SNAPSHOT_DIR: snapshots } : {}),
    },
    CPU_PROFILE ? { nodeOptions: ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE}`] } : {},
  );
}

/** Client processes, each with its soft open-file limit raised to the hard one (as the router's). */
function startWorkers(count: number) {
  return Array.from({ length: count }, () =>
    spawn(
      "sh",
      [
        "-c",
        'ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"',
        process.execPath,
        "--import",
        "tsx",
        path.join(import.meta.dirname, "subscription-clients.ts"),
      ],
      { stdio: ["ignore", "inherit", "inherit", "ipc"] },
    ),
  );
}

function ask<T extends WorkerReply["type"]>(
  worker: ChildProcess,
  command: WorkerCommand,
  reply: T,
  key?: string,
): Promise<Extract<WorkerReply, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (message: WorkerReply) => {
      if (message.type !== reply || ("key" in message && key !== undefined && message.key !== key)) return;
      worker.off("message", listener);
      resolve(message as Extract<WorkerReply, { type: T }>);
    };
    worker.on("message", listener);
    worker.send(command);
  });
}

interface PooledOrder {
  id: string;
  /** Index of the customer who placed it. */
  customer: number;
  /** Status changes made so far (two at most: SHIPPED, DELIVERED). */
  changes: number;
  shipmentId?: string;
}

/**
 * The customers (each with `SESSIONS` tokens), an administrator, and a pool of paid orders,
 * placed by the customers in turn (each customer's orders one after another: one cart each).
 */
async function preparePool(platform: Platform, orders: number) {
  const admin = await platform.accounts.admin("Bench Carrier");
  const customers = await Promise.all(
    Array.from({ length: CUSTOMERS }, async (_, i) => {
      const account = await platform.accounts.customer(`Bench Shopper ${i + 1}`);
      const tokens = [account.token];
      while (tokens.length < SESSIONS) tokens.push(await platform.accounts.signIn(account.email));
      return tokens;
    }),
  );
  // A product per customer: concurrent checkouts do not queue on one stock row.
  const variants = await Promise.all(
    customers.map((_, i) =>
      platform.variantWithStock(Math.ceil(orders / CUSTOMERS) + 10, 900, `Bench Mug ${i + 1}`),
    ),
  );
  const pool: PooledOrder[] = [];
  const started = Date.now();
  await Promise.all(
    customers.map(async (tokens, customer) => {
      for (let i = customer; i < orders; i += CUSTOMERS) {
        const placed = await platform.placeOrder(tokens[0]!, variants[customer]!.id);
        if (placed.status !== "PAID") throw new Error(`a bench order was not paid: ${placed.status}`);
        pool.push({ id: placed.id!, customer, changes: 0 });
      }
    }),
  );
  console.log(
    `placed ${orders} orders for ${CUSTOMERS} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { admin: admin.token, tokens: customers.flat(), pool };
}

type Pool = Awaited<ReturnType<typeof preparePool>>;

/** The token of a customer's session, as an index into `Pool.tokens`. */
const tokenIndex = (customer: number, session: number) => customer * SESSIONS + session;

/**
 * Makes the order's next status change; returns the key subscribers see it under (order id and
 * sequence). After checkout an order is PAID at sequence 3.
 */
async function changeStatus(platform: Platform, pool: Pool, order: PooledOrder): Promise<string> {
  const url = platform.router.url;
  order.shipmentId ??= await waitFor(
    async () =>
      (
        await executeOk<{ order: { shipment: { id: string } | null } | null }>(
          url,
          `query($id: ID!) { order(id: $id) { shipment { id } } }`,
          { variables: { id: order.id }, token: pool.admin },
        )
      ).order?.shipment?.id,
    (id) => id !== undefined,
    30_000,
  );
  const advance = () =>
    executeOk(url, `mutation($id: ID!) { advanceShipment(id: $id) { status } }`, {
      variables: { id: order.shipmentId },
      token: pool.admin,
    });
  order.changes += 1;
  if (order.changes === 1) {
    await advance(); // IN_TRANSIT: the order becomes SHIPPED (sequence 4)
    return `${order.id}:4`;
  }
  if (order.changes > 2) throw new Error("an order changes twice at most");
  await advance(); // OUT_FOR_DELIVERY: no order change
  await advance(); // DELIVERED (sequence 5)
  return `${order.id}:5`;
}

/** Waits until `expected` subscribers have the change; the time the last one got it. */
async function delivered(workers: ChildProcess[], key: string, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await Promise.all(workers.map((w) => ask(w, { type: "stats", key }, "stats", key)));
    const count = stats.reduce((n, s) => n + s.count, 0);
    if (count >= expected || Date.now() > deadline) {
      return {
        count,
        partial: stats.reduce((n, s) => n + s.partial, 0),
        lastAt: Math.max(...stats.map((s) => s.lastAt)),
        changedAt: Math.max(...stats.map((s) => s.changedAt)),
        dropped: stats.reduce((n, s) => n + s.dropped, 0),
        ended: stats.reduce<Record<string, number>>((all, s) => {
          for (const [code, n] of Object.entries(s.ended)) all[code] = (all[code] ?? 0) + n;
          return all;
        }, {}),
      };
    }
    await sleep(10);
  }
}

async function routerMetrics(router: ServiceProcess): Promise<MetricSample[]> {
  return parseMetrics(await fetchText(router.metricsUrl));
}

interface RunResult {
  size: number;
  transport: Transport;
  skipped?: string;
  orders: number;
  hottest: number;
  single: number;
  connections: number;
  held: number;
  failed: number;
  reasons: Record<string, number>;
  live: number;
  latencies: number[];
  fanOuts: number[];
  expectedDeliveries: number;
  deliveries: number;
  partial: number;
  ended: Record<string, number>;
  dropped: number;
  rssIdle: number;
  rssPerSubscriber: number;
  /** What the RSS per subscriber is made of, per held subscriber (after a full collection). */
  heapUsedPerSubscriber: number;
  heapTotalPerSubscriber: number;
  youngTotalPerSubscriber: number;
  externalPerSubscriber: number;
  fdsIdle: number;
  fdsPerSubscriber: number;
  upstreamConnections: Record<string, number>;
  upstreamSubscriptions: number;
  expectedUpstream: number;
  deduplicated: number;
  fetchesPerEvent: Record<string, number>;
  sharedPerEvent: Record<string, number>;
}

/**
 * The router's memory after a full collection: RSS from /proc, and from its metrics the V8 heap
 * in use, the heap V8 holds (used and free pages), and external memory (Buffers, ArrayBuffers and
 * other memory V8 objects own outside the heap).
 */
async function routerMemory(router: ServiceProcess) {
  const { rss, heap } = await router.memory();
  const text = await fetchText(router.metricsUrl);
  const gauge = (name: string) =>
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, "m").exec(text)?.[1] ?? NaN);
  return {
    rss,
    heapUsed: heap,
    heapTotal: gauge("nodejs_heap_size_total_bytes"),
    // The young generation's share of what V8 holds: it grows with the allocation rate (a storm of
    // connections), whatever the number of subscribers held afterwards.
    youngTotal: Number(
      /^nodejs_heap_space_size_total_bytes\{[^}]*space="new"[^}]*\} (\S+)/m.exec(text)?.[1] ?? NaN,
    ),
    external: gauge("nodejs_external_memory_bytes"),
  };
}

async function run(
  size: number,
  transport: Transport,
  context: { platform: Platform; pool: Pool; router: ServiceProcess; workers: ChildProcess[] },
): Promise<RunResult> {
  const { platform, pool, router, workers } = context;
  const available = pool.pool.filter((order) => order.changes === 0);
  const counts = skewedCounts(size, orderCount(size));
  if (available.length < counts.length)
    throw new Error("the order pool ran out; this is a bug in its sizing");
  const byRank = available.slice(0, counts.length);
  const subscribers = subscribersOf(counts, SESSIONS);
  const tokenOf = (s: SubscriberSpec) => tokenIndex(byRank[s.rank]!.customer, s.session);
  // Each order is followed by its own customer only: one scope per order.
  const scope = (s: SubscriberSpec) => (SELECTION === "cross" ? String(s.rank) : String(tokenOf(s)));
  const variablesOf = (s: SubscriberSpec) => (SELECTION === "cross" ? { orderId: byRank[s.rank]!.id } : {});
  const packed =
    transport === "ws" ? packConnections(subscribers, tokenOf, PER_CONNECTION) : subscribers.map((s) => [s]);
  const base: RunResult = {
    size,
    transport,
    orders: counts.length,
    hottest: counts[0]!,
    single: counts.filter((n) => n === 1).length,
    connections: packed.length,
    held: 0,
    failed: 0,
    reasons: {},
    live: 0,
    latencies: [],
    fanOuts: [],
    expectedDeliveries: 0,
    deliveries: 0,
    partial: 0,
    ended: {},
    dropped: 0,
    rssIdle: 0,
    rssPerSubscriber: NaN,
    heapUsedPerSubscriber: NaN,
    heapTotalPerSubscriber: NaN,
    youngTotalPerSubscriber: NaN,
    externalPerSubscriber: NaN,
    fdsIdle: 0,
    fdsPerSubscriber: NaN,
    upstreamConnections: {},
    upstreamSubscriptions: 0,
    expectedUpstream: expectedUpstream(subscribers, scope),
    deduplicated: 0,
    fetchesPerEvent: {},
    sharedPerEvent: {},
  };
  // Headroom for the router's own files, its subgraph connections and the metrics scrapes.
  if (packed.length + 500 > router.fdLimit)
    return {
      ...base,
      skipped: `${packed.length.toLocaleString("en")} client connections need more descriptors than the router's limit (${router.fdLimit})${transport === "ws" ? "; try --per-connection" : ""}`,
    };

  // Who receives a change of the order of each rank: its subscribers, or for myOrderUpdates
  // every subscriber of that order's customer.
  const recipients = (rank: number) =>
    SELECTION === "cross"
      ? counts[rank]!
      : subscribers.filter((s) => byRank[s.rank]!.customer === byRank[rank]!.customer).length;

  const idle = await routerMemory(router);
  const fdsIdle = router.openFiles();

  // Connections dealt to the workers in turn, so each holds a like share of hot and cold orders.
  const shares: ConnectionSpec[][] = workers.map(() => []);
  packed.forEach((connection, i) =>
    shares[i % workers.length]!.push({
      token: tokenOf(connection[0]!),
      variables: connection.map(variablesOf),
    }),
  );
  const opened = await Promise.all(
    workers.map((worker, i) =>
      ask(
        worker,
        {
          type: "open",
          transport,
          url: router.url,
          query: QUERY,
          tokens: pool.tokens,
          connections: shares[i]!,
          concurrency: 50,
        },
        "opened",
      ),
    ),
  );
  const held = opened.reduce((n, o) => n + o.held, 0);
  const failed = opened.reduce((n, o) => n + o.failed, 0);
  const reasons: Record<string, number> = {};
  for (const o of opened) for (const [r, n] of Object.entries(o.reasons)) reasons[r] = (reasons[r] ?? 0) + n;

  // Subscribes are in flight after the handshakes: wait for the router to count them all and to
  // hold its upstream subscriptions, then give the subgraph a moment to start its side.
  const label = { transport: METRIC_TRANSPORT[transport] };
  await waitFor(
    () => routerMetrics(router),
    (m) =>
      sumOf(m, "router_subscriptions_active", label) >= held &&
      sumOf(m, "router_subscription_upstream_subscriptions") >= Math.min(base.expectedUpstream, held),
    30_000 + size,
  ).catch(() => undefined);
  await sleep(1_000 + size / 20);

  const loaded = await routerMemory(router);
  const fdsLoaded = router.openFiles();
  const atLoad = await routerMetrics(router);

  // The orders that change, from the hottest rank to the coldest; two changes each.
  const ranks = changedRanks(CHANGED_PER_RUN, counts.length);
  const plan = ranks.flatMap((rank) => [rank, rank]).slice(0, CHANGES + 1);
  const runResult: RunResult = { ...base, held, failed, reasons };
  let fetchesBefore: MetricSample[] = atLoad;
  let last: Awaited<ReturnType<typeof delivered>> | undefined;
  for (const [i, rank] of plan.entries()) {
    const expected = recipients(rank);
    const key = await changeStatus(platform, pool, byRank[rank]!);
    last = await delivered(workers, key, expected, 30_000);
    if (i === 0) {
      // The warm-up: what it fetched is not counted.
      fetchesBefore = await routerMetrics(router);
      continue;
    }
    runResult.latencies.push(last.count > 0 ? last.lastAt - last.changedAt : NaN);
    runResult.fanOuts.push(expected);
    runResult.expectedDeliveries += expected;
    runResult.deliveries += Math.min(last.count, expected);
    runResult.partial += last.partial;
  }
  const fetchesAfter = await routerMetrics(router);
  const measured = Math.max(1, plan.length - 1);
  const perEvent = (name: string) => {
    const before = byLabel(fetchesBefore, name, "subgraph");
    const after = byLabel(fetchesAfter, name, "subgraph");
    return Object.fromEntries(
      Object.entries(after)
        .map(([subgraph, n]) => [subgraph, (n - (before[subgraph] ?? 0)) / measured] as const)
        .filter(([, n]) => n > 0),
    );
  };
  runResult.fetchesPerEvent = perEvent("subgraph_fetches_total");
  runResult.sharedPerEvent = perEvent("subgraph_fetches_shared_total");
  runResult.live = sumOf(fetchesAfter, "router_subscriptions_active", label);
  runResult.ended = last?.ended ?? {};
  runResult.dropped = last?.dropped ?? 0;
  runResult.rssIdle = idle.rss;
  runResult.rssPerSubscriber = (loaded.rss - idle.rss) / Math.max(1, held);
  runResult.heapUsedPerSubscriber = (loaded.heapUsed - idle.heapUsed) / Math.max(1, held);
  runResult.heapTotalPerSubscriber = (loaded.heapTotal - idle.heapTotal) / Math.max(1, held);
  runResult.externalPerSubscriber = (loaded.external - idle.external) / Math.max(1, held);
  runResult.youngTotalPerSubscriber = (loaded.youngTotal - idle.youngTotal) / Math.max(1, held);
  runResult.fdsIdle = fdsIdle;
  runResult.fdsPerSubscriber = (fdsLoaded - fdsIdle) / Math.max(1, held);
  runResult.upstreamConnections = byLabel(atLoad, "router_subscription_upstream_connections", "subgraph");
  runResult.upstreamSubscriptions = sumOf(atLoad, "router_subscription_upstream_subscriptions");
  runResult.deduplicated = sumOf(atLoad, "router_subscription_deduplicated_subscribers");

  await Promise.all(workers.map((worker) => ask(worker, { type: "close" }, "closed")));
  // Let the router's side of the closed connections finish before the next run.
  await waitFor(
    () => routerMetrics(router),
    (m) =>
      sumOf(m, "router_subscription_connections") === 0 &&
      sumOf(m, "router_subscription_upstream_subscriptions") === 0,
    60_000,
  ).catch(() =>
    console.log(
      "  (the router still held connections or upstream subscriptions 60 s after the clients left)",
    ),
  );
  return runResult;
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";
const MiB = 1024 * 1024;
const perSubgraph = (values: Record<string, number>, digits = 1) =>
  Object.keys(values).length
    ? Object.entries(values)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([subgraph, n]) => `${subgraph} ${fmt(n, digits)}`)
        .join(", ")
    : "none";

const TRANSPORT_NAMES: Record<Transport, string> = {
  ws: "graphql-ws",
  sse: "SSE (graphql-sse, distinct connections)",
  multipart: 'multipart HTTP (subscriptionSpec="1.0")',
};

function table(r: RunResult) {
  const carried =
    r.transport === "ws" && PER_CONNECTION > 1
      ? ` — ${fmt(r.connections)} connections, up to ${PER_CONNECTION} subscriptions each`
      : " — one connection per subscriber";
  console.log(`\n${fmt(r.size)} subscribers · ${TRANSPORT_NAMES[r.transport]}${carried}`);
  const row = (label: string, value: string) => console.log(`  ${label.padEnd(24)} ${value}`);
  row(
    "orders followed",
    `${fmt(r.orders)} (hottest ${fmt(r.hottest)} subscribers, ${fmt(r.single)} followed by one), ${CUSTOMERS} customers × ${SESSIONS} session${SESSIONS === 1 ? "" : "s"}`,
  );
  if (r.skipped) return row("skipped", r.skipped);
  const failures = r.failed ? `; ${fmt(r.failed)} refused: ${JSON.stringify(r.reasons)}` : "";
  row("held / live", `${fmt(r.held)} / ${fmt(r.live)} of ${fmt(r.size)}${failures}`);
  const [p50, p99, max] = [50, 99, 100].map((p) => percentile(r.latencies, p));
  row(
    "change → last delivery",
    `p50 ${fmt(p50!)} ms, p99 ${fmt(p99!)} ms, max ${fmt(max!)} ms over ${r.latencies.length} changes (fan-out ${r.fanOuts.map((n) => fmt(n)).join(", ")}; ms ${r.latencies.map((n) => fmt(n)).join(", ")})`,
  );
  const endedEarly = Object.keys(r.ended).length ? `; ended by the server: ${JSON.stringify(r.ended)}` : "";
  row(
    "deliveries",
    `${fmt(r.deliveries)} of ${fmt(r.expectedDeliveries)}, ${fmt(r.partial)} with errors or a field missing, ${fmt(r.dropped)} dropped${endedEarly}`,
  );
  row(
    "router RSS / subscriber",
    `${fmt(r.rssPerSubscriber / 1024, 1)} KiB (idle ${fmt(r.rssIdle / MiB)} MiB)`,
  );
  row(
    "  of which, / subscriber",
    `V8 heap used ${fmt(r.heapUsedPerSubscriber / 1024, 1)} KiB, heap held ${fmt(r.heapTotalPerSubscriber / 1024, 1)} KiB (young generation ${fmt(r.youngTotalPerSubscriber / 1024, 1)}), external ${fmt(r.externalPerSubscriber / 1024, 1)} KiB; the rest (RSS − heap held − external) ${fmt((r.rssPerSubscriber - r.heapTotalPerSubscriber - r.externalPerSubscriber) / 1024, 1)} KiB is outside V8: sockets, the HTTP parser, libuv, malloc`,
  );
  row("router fds / subscriber", `${fmt(r.fdsPerSubscriber, 2)} (idle ${fmt(r.fdsIdle)})`);
  row(
    "upstream",
    `connections: ${perSubgraph(r.upstreamConnections, 0)}; subscriptions ${fmt(r.upstreamSubscriptions)} (expected ${fmt(r.expectedUpstream)}: one per ${SELECTION === "cross" ? "order" : "session"} followed); ${fmt(r.deduplicated)} subscribers deduplicated`,
  );
  row(
    "subgraph fetches / event",
    `${perSubgraph(r.fetchesPerEvent)}; shared: ${perSubgraph(r.sharedPerEvent)}`,
  );
}

function summary(results: RunResult[]) {
  const header = [
    "size",
    "transport",
    "held",
    "live",
    "p50 ms",
    "p99 ms",
    "KiB/sub",
    "heap KiB/sub",
    "fds/sub",
    "up conns",
    "up subs",
    "fetches/event",
  ];
  const rows = results.map((r) =>
    r.skipped
      ? [fmt(r.size), r.transport, "skipped", "", "", "", "", "", "", "", "", ""]
      : [
          fmt(r.size),
          r.transport + (r.transport === "ws" && PER_CONNECTION > 1 ? `×${PER_CONNECTION}` : ""),
          fmt(r.held),
          fmt(r.live),
          fmt(percentile(r.latencies, 50)),
          fmt(percentile(r.latencies, 99)),
          fmt(r.rssPerSubscriber / 1024, 1),
          fmt(r.heapUsedPerSubscriber / 1024, 1),
          fmt(r.fdsPerSubscriber, 2),
          fmt(Object.values(r.upstreamConnections).reduce((a, b) => a + b, 0)),
          fmt(r.upstreamSubscriptions),
          fmt(
            Object.values(r.fetchesPerEvent).reduce((a, b) => a + b, 0),
            1,
          ),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`;
  console.log("\nSummary");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

async function main() {
  const limits = fileLimits();
  const mostConnections = Math.max(...SIZES);
  // Each client process holds its share of the sockets under the hard limit (its soft one is raised).
  const workerCount = Math.max(WORKERS, Math.ceil(mostConnections / Math.max(1, limits.hard - 256)));
  console.log(
    `Subscriptions benchmark: sizes ${SIZES.join(", ")}; transports ${TRANSPORTS.join(", ")}; selection ${SELECTION === "cross" ? "orderStatusChanged across orders, payments, shipping, catalogue" : "myOrderUpdates (orders only)"}; ${CHANGES} measured changes per run (+1 warm-up); ${workerCount} client processes; ${os.cpus().length} CPUs`,
  );
  const ports = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
    .trim()
    .split(/\s+/)
    .map(Number);
  console.log(
    `open files (ulimit -n): soft ${limits.soft}, hard ${limits.hard}; ephemeral ports ${ports[0]}–${ports[1]} (${(ports[1]! - ports[0]! + 1).toLocaleString("en")} client sockets to one address)`,
  );
  if (limits.hard < 50_000)
    console.log(
      `  50,000 distinct connections exceed the hard limit of ${limits.hard} descriptors for one router process: 50,000 held subscriptions are measured over graphql-ws with --per-connection (e.g. 10), and SSE and multipart (one connection per subscription) only up to ${Math.max(0, limits.hard - 500).toLocaleString("en")}.`,
    );

  const runs = SIZES.length * TRANSPORTS.length;
  const poolSize = Math.max(...SIZES.map(orderCount)) + runs * CHANGED_PER_RUN;
  const platform = await startPlatform({
    usersEnv: { ACCESS_TOKEN_TTL_SECONDS: "7200" },
    routerEnv: { RATE_LIMIT_PER_MINUTE: "0" },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-subscriptions-"));
  const workers = startWorkers(workerCount);
  const services: ServiceProcess[] = [];
  const results: RunResult[] = [];
  try {
    const pool = await preparePool(platform, poolSize);
    const orders = await startOrdersProcess(platform);
    services.push(orders);
    for (const size of SIZES)
      for (const transport of TRANSPORTS) {
        // A router of its own for each run: one that held an earlier run's subscribers has a heap
        // V8 already grew, which the next run's memory figures would not show.
        const router = await startRouterProcess(platform, orders, dir, `${size}-${transport}`);
        if (results.length === 0) {
          const routerLimits = fileLimits(router.pid);
          console.log(`router open files: soft ${routerLimits.soft}, hard ${routerLimits.hard}`);
        }
        try {
          const result = await run(size, transport, { platform, pool, router, workers });
          table(result);
          results.push(result);
        } finally {
          await router.stop();
        }
      }
    summary(results);
  } finally {
    for (const worker of workers) worker.disconnect();
    for (const service of services.reverse()) await service.stop();
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
