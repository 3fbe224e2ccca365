/**
 * Federated subscriptions benchmark: how many subscribers one router process holds, how long a
 * status change takes to reach the last of them, and what each costs the router in memory,
 * against a baseline of the same subscribers connected straight to the orders subgraph.
 *
 *   npx tsx bench/subscriptions.ts [--sizes 1000,10000] [--workers 4] [--changes 10]
 *   npm run bench -w @storefront/bench
 *
 * Needs the local PostgreSQL and RabbitMQ (as the e2e tests do). The platform runs in this
 * process (six subgraphs, fresh databases, a per-run exchange); the router under test runs in a
 * child process so its memory is its own; subscribers are spread over worker processes
 * (subscription-clients.ts), each on its own WebSocket. Every subscriber follows
 * `myOrderUpdates` of one customer; status changes are shipments advanced by an administrator,
 * one at a time, each awaited at every subscriber before the next. Latency is measured from the
 * change's own timestamp (`changedAt`, taken when orders commits it; same machine clock) to the
 * moment the last subscriber received it, so it covers the outbox, RabbitMQ, the orders
 * replica's fan-out and, on the router path, the router.
 *
 * Upstream: the router holds one graphql-ws connection to orders for the whole process, and
 * identical subscriptions (same document, variables and token) share one subscription on it, so
 * the subscribers here, all following one customer's `myOrderUpdates`, need one upstream
 * subscription. The routed run prints the upstream connections and subscriptions it held and how
 * many subscribers were deduplicated; the first must not grow with the number of subscribers.
 *
 * File descriptors: the router holds one socket per subscriber plus one per subgraph. The router
 * child is started with its soft `ulimit -n` raised to the hard limit; where the hard limit is
 * lower than needed, the figures show how many subscribers were held before the router ran out.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPlatform, type Platform } from "@storefront/e2e";
import { executeOk, testEnv, waitFor, freePort } from "@storefront/testkit";
import { sleep, startServiceProcess, type Memory, type ServiceProcess } from "./service-process";
import type { WorkerCommand, WorkerReply } from "./subscription-clients";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}
const SIZES = option("sizes", "1000,10000").split(",").map(Number);
const WORKERS = Number(option("workers", "4"));
const CHANGES = Number(option("changes", "10"));
const QUERY = `subscription { myOrderUpdates { orderId status sequence changedAt } }`;

/**
 * An orders replica of the platform (same database and broker queues) in its own process: the
 * baseline's subscribers connect to it, and the router under test subscribes to it.
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

/** The router under test, in its own process, over the platform's subgraphs and that orders replica. */
async function startRouterProcess(platform: Platform, orders: ServiceProcess, dir: string) {
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
    },
  );
}

function startWorkers(count: number) {
  return Array.from({ length: count }, () =>
    fork(path.join(import.meta.dirname, "subscription-clients.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
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

/** Shipments advanced by an administrator: each call makes exactly one order status change. */
async function statusChanges(platform: Platform, orders: number) {
  const url = platform.router.url;
  const customer = await platform.accounts.customer("Bench Shopper");
  const admin = await platform.accounts.admin("Bench Carrier");
  const variant = await platform.variantWithStock(orders * 2 + 10, 900, "Bench Mug");
  const pool: { id: string; shipmentId: string; shipped: boolean }[] = [];
  for (let i = 0; i < orders; i++) {
    const placed = await platform.placeOrder(customer.token, variant.id);
    pool.push({ id: placed.id!, shipmentId: "", shipped: false });
  }
  const { shipments } = await waitFor(
    () =>
      executeOk<{ shipments: { nodes: { id: string; order: { id: string } }[] } }>(
        url,
        `{ shipments(first: 100) { nodes { id order { id } } } }`,
        { token: admin.token },
      ),
    (result) => pool.every((order) => result.shipments.nodes.some((s) => s.order.id === order.id)),
    30_000,
  );
  for (const order of pool) order.shipmentId = shipments.nodes.find((s) => s.order.id === order.id)!.id;

  const advance = (shipmentId: string) =>
    executeOk(url, `mutation($id: ID!) { advanceShipment(id: $id) { status } }`, {
      variables: { id: shipmentId },
      token: admin.token,
    });
  return {
    token: customer.token,
    /** Makes the next change; returns the key subscribers will see it under (order id and sequence). */
    async next(): Promise<string> {
      const order = pool[0];
      if (!order) throw new Error("no orders left to change; raise the pool size");
      if (!order.shipped) {
        order.shipped = true;
        await advance(order.shipmentId); // IN_TRANSIT: the order becomes SHIPPED (sequence 4)
        return `${order.id}:4`;
      }
      pool.shift();
      await advance(order.shipmentId); // OUT_FOR_DELIVERY: no order change
      await advance(order.shipmentId); // DELIVERED (sequence 5)
      return `${order.id}:5`;
    },
  };
}

type Changes = Awaited<ReturnType<typeof statusChanges>>;

/** Waits until `expected` subscribers have the change; the time the last one got it. */
async function delivered(workers: ChildProcess[], key: string, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await Promise.all(workers.map((w) => ask(w, { type: "stats", key }, "stats", key)));
    const count = stats.reduce((n, s) => n + s.count, 0);
    if (count >= expected || Date.now() > deadline) {
      return {
        count,
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

interface PhaseResult {
  held: number;
  failed: number;
  reasons: Record<string, number>;
  live: number;
  latencies: number[];
  incomplete: number;
  /** Accepted subscriptions the server ended during the run, by error code. */
  ended: Record<string, number>;
  dropped: number;
  rssPerSubscriber: number;
  heapPerSubscriber: number;
  /** The router's side towards orders once every subscriber is live (the routed run only). */
  upstream?: Upstream;
}

interface Upstream {
  connections: number;
  subscriptions: number;
  deduplicated: number;
}

/** The router's connections and subscriptions to orders, from its metrics. */
async function upstreamOf(router: ServiceProcess): Promise<Upstream> {
  return {
    connections: await router.metric("router_subscription_upstream_connections"),
    subscriptions: await router.metric("router_subscription_upstream_subscriptions"),
    deduplicated: await router.metric("router_subscription_deduplicated_subscribers"),
  };
}

async function phase(
  workers: ChildProcess[],
  url: string,
  size: number,
  changes: Changes,
  measure: () => Promise<Memory>,
  upstream?: () => Promise<Upstream>,
): Promise<PhaseResult> {
  const before = await measure();
  const wsUrl = url.replace(/^http/, "ws");
  const shares = workers.map(
    (_, i) => Math.floor(size / workers.length) + (i < size % workers.length ? 1 : 0),
  );
  const opened = await Promise.all(
    workers.map((worker, i) =>
      ask(
        worker,
        { type: "open", url: wsUrl, count: shares[i]!, token: changes.token, query: QUERY, concurrency: 50 },
        "opened",
      ),
    ),
  );
  const held = opened.reduce((n, o) => n + o.held, 0);
  const failed = opened.reduce((n, o) => n + o.failed, 0);
  const reasons: Record<string, number> = {};
  for (const o of opened) for (const [r, n] of Object.entries(o.reasons)) reasons[r] = (reasons[r] ?? 0) + n;
  // Subscribe messages are in flight after the acks; give the subgraph subscriptions a moment.
  await sleep(1_000 + size / 10);

  // A first change every held subscriber must see: it proves they are all live.
  const warmUp = await delivered(workers, await changes.next(), held, 60_000);
  const live = warmUp.count;
  const after = await measure();
  const upstreamHeld = await upstream?.();

  const latencies: number[] = [];
  let incomplete = 0;
  let last = warmUp;
  for (let i = 0; i < CHANGES; i++) {
    last = await delivered(workers, await changes.next(), live, 30_000);
    if (last.count < live) incomplete += 1;
    latencies.push(last.lastAt - last.changedAt);
  }
  await Promise.all(workers.map((worker) => ask(worker, { type: "close" }, "closed")));
  return {
    held,
    failed,
    reasons,
    live,
    latencies,
    incomplete,
    ended: last.ended,
    dropped: last.dropped,
    rssPerSubscriber: (after.rss - before.rss) / Math.max(1, held),
    heapPerSubscriber: (after.heap - before.heap) / Math.max(1, held),
    ...(upstreamHeld ? { upstream: upstreamHeld } : {}),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ratio = (value: number, base: number) => (base > 0 ? `×${(value / base).toFixed(2)}` : "×–");

function report(size: number, baseline: PhaseResult, routed: PhaseResult) {
  const line = (label: string, r: PhaseResult, base?: PhaseResult) => {
    const [p50, p99, max] = [50, 99, 100].map((p) => percentile(r.latencies, p));
    const [b50, b99, bmax] = base ? [50, 99, 100].map((p) => percentile(base.latencies, p)) : [];
    const latency = `${p50} / ${p99} / ${max} ms`;
    const latencyRatio = base ? ` (${ratio(p50!, b50!)} / ${ratio(p99!, b99!)} / ${ratio(max!, bmax!)})` : "";
    const memory = `RSS ${kib(r.rssPerSubscriber)}${base ? ` (${ratio(r.rssPerSubscriber, base.rssPerSubscriber)})` : ""}, heap ${kib(r.heapPerSubscriber)}${base ? ` (${ratio(r.heapPerSubscriber, base.heapPerSubscriber)})` : ""}`;
    const failures = r.failed ? `, ${r.failed} failed: ${JSON.stringify(r.reasons)}` : "";
    const endedEarly = Object.keys(r.ended).length ? `, ended by the server: ${JSON.stringify(r.ended)}` : "";
    const drops = r.dropped ? `, ${r.dropped} sockets dropped` : "";
    const missing = r.incomplete
      ? `, ${r.incomplete} of ${r.latencies.length} changes did not reach every live subscriber`
      : "";
    console.log(
      `  ${label.padEnd(22)} held ${r.held}/${size}, live ${r.live}${failures}${endedEarly}${drops}${missing}`,
    );
    console.log(`  ${"".padEnd(22)} change → last subscriber p50 / p99 / max: ${latency}${latencyRatio}`);
    console.log(`  ${"".padEnd(22)} memory per subscriber: ${memory}`);
    if (r.upstream) {
      const { connections, subscriptions, deduplicated } = r.upstream;
      console.log(
        `  ${"".padEnd(22)} upstream to orders: ${connections} connection(s), ${subscriptions} subscription(s), ${deduplicated} subscribers deduplicated`,
      );
    }
  };
  console.log(`\n${size.toLocaleString("en")} subscribers`);
  line("direct to orders", baseline);
  line("through the router", routed, baseline);
}

async function main() {
  const changesPerPhase = CHANGES + 1;
  console.log(
    `Subscriptions benchmark: sizes ${SIZES.join(", ")}, ${WORKERS} client processes, ${CHANGES} measured changes per run (+1 warm-up)`,
  );
  const platform = await startPlatform({
    usersEnv: { ACCESS_TOKEN_TTL_SECONDS: "7200" },
    routerEnv: { RATE_LIMIT_PER_MINUTE: "0" },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-subscriptions-"));
  const workers = startWorkers(WORKERS);
  const services: ServiceProcess[] = [];
  try {
    const changes = await statusChanges(platform, Math.ceil((SIZES.length * 2 * changesPerPhase) / 2) + 1);
    const orders = await startOrdersProcess(platform);
    services.push(orders);
    const router = await startRouterProcess(platform, orders, dir);
    services.push(router);
    console.log(
      `open-file limits: router ${router.fdLimit} (one per subscriber, one per subgraph), orders ${orders.fdLimit}; ${os.cpus().length} CPUs`,
    );
    for (const size of SIZES) {
      const baseline = await phase(workers, orders.url, size, changes, () => orders.memory());
      const routed = await phase(
        workers,
        router.url,
        size,
        changes,
        () => router.memory(),
        () => upstreamOf(router),
      );
      // Let the router's side of the closed connections finish before the next run.
      await waitFor(
        () => router.metric("router_subscription_connections"),
        (open) => open === 0,
        60_000,
      );
      report(size, baseline, routed);
    }
  } finally {
    for (const worker of workers) worker.disconnect();
    for (const service of services.reverse()) await service.stop();
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
