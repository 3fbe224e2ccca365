/**
 * Chaos run: orders placed through the router at a steady rate while the broker is restarted and
 * the orders and shipping processes are SIGKILLed, then SQL checks on every service's database
 * that nothing was lost or doubled. Not part of `npm test`.
 *
 *   npm run chaos -w @storefront/bench -- [--orders 10000] [--rate 15] [--faults all|none|rabbitmq,orders,shipping]
 *   npm run chaos -w @storefront/bench -- --soak 60          (memory soak; no faults)
 *
 * Options: --orders N (10,000), --rate R orders/s (15), --customers C placing orders at once (32),
 * --declined share of declined cards (0.03), --drain-timeout seconds (300), --skip-pgbench, and
 * --keep (leave the databases and broker objects for a look afterwards).
 *
 * Needs the local PostgreSQL and RabbitMQ (`rabbitmqctl` on PATH, run as a user allowed to stop
 * and start the node's application). Every subgraph and the router run in processes of their own
 * from their `src/main.ts` (bench/service-process.ts), on fresh databases `chaos_<run>_<service>`
 * and a per-run exchange `chaos.<run>` and queues `chaos.<run>.*`; their logs go to /tmp/chaos-<run>/ (kept when the run fails).
 * Processes, databases and broker objects are removed at the end, on failure and on Ctrl-C too
 * (unless --keep); the broker is always left running.
 *
 * The workload: C customers, each with a variant of its own (stock for twice its share), place
 * one order at a time: `addToCart` of one unit, then `checkout` with a good card (a declined one
 * for --declined of them). Order i starts at i / R seconds on the next free customer. A checkout
 * that fails (connection refused, a subgraph unavailable, a 5xx) is retried with the same
 * idempotency key, backing off up to 2 s, for up to 3 minutes, as a storefront would.
 *
 * The faults, at fixed fractions of the orders, one after another: RabbitMQ restarted at 20% and
 * 60% (`rabbitmqctl stop_app`, `start_app`, `await_startup`, then port 5672 accepting), orders
 * SIGKILLed and started again at 40%, shipping at 80%.
 *
 * After the last answer it waits (bounded by --drain-timeout, printing progress) until both
 * outboxes are sent, no checkout is half done (the orders recovery sweep finishes those, after
 * CHECKOUT_RECOVERY_SECONDS, 60 by default), both queues are empty and every paid order has its
 * shipment. Then, with SQL: every PAID/SHIPPED/DELIVERED order has exactly one shipment, and no
 * shipment belongs to any other order; no order is left PENDING or PAYMENT_PENDING (the rest are
 * final, PAYMENT_FAILED or CANCELLED, or waiting for the carrier, PAID or SHIPPED); every answered
 * checkout's order exists, once for its idempotency key; every succeeded charge belongs to a paid
 * order; both outboxes are at 0 unsent. Dead letters (`<queue>.dlq`) are listed with the reason
 * the consumer logged. It exits 1 when any of that fails.
 *
 * Finally pgbench (TPC-B-like, `-i -s 10`, then `-c 8 -j 2 -T 30`, database `chaos_pgbench`) runs
 * on the same server with the platform stopped, and checkout orders/s is given as a ratio to its
 * TPS.
 *
 * --soak M places orders at the rate for M minutes instead, printing every process's RSS and V8
 * heap (after a full GC) each minute, and fails when a process's RSS at the end is more than 10%
 * above its RSS just after the warm-up (10 minutes, or a fifth of a shorter soak), each end the
 * median of up to five minutes' samples. The
 * checks above run after it too.
 *
 * Default rate: alone on a 2-core machine running the whole platform, 32 customers ordering back
 * to back reached 34 orders/s (p50 730 ms a checkout; `--rate 500 --faults none`); 15/s leaves
 * room for the faults' catch-up. 10,000 orders then take about 11 minutes, plus the drain and
 * pgbench: about 13 minutes in all. A checkout that orders' crash left half done is finished by
 * its recovery sweep; its customer's retry meanwhile is answered with the order as it stands.
 */
import { checkInvariants, failedInvariants, readDeadLetters, waitForDrain } from "./chaos/checks";
import { crashService, ensureBrokerStarted, restartBroker } from "./chaos/faults";
import {
  formatSample,
  memoryTable,
  recordMemoryCurve,
  rssGrowthFailures,
  sampleMemory,
  warmUpMinutes,
  type MemorySample,
} from "./chaos/memory";
import { parseOptions, type Fault } from "./chaos/options";
import { pgbenchTps } from "./chaos/pgbench";
import { startChaosPlatform, type ChaosPlatform } from "./chaos/platform";
import { printReport, type FaultEvent } from "./chaos/report";
import { runWorkload, seedCustomers } from "./chaos/workload";

const options = parseOptions(process.argv.slice(2));
const log = (line: string) => console.log(line);

let cleanupPlatform: ((keep: boolean, keepLogs: boolean) => Promise<void>) | undefined;
let cleaning: Promise<void> | undefined;
function cleanup(passed: boolean): Promise<void> {
  cleaning ??= (async () => {
    await ensureBrokerStarted().catch((error: Error) =>
      log(`could not start RabbitMQ again: ${error.message}`),
    );
    await cleanupPlatform?.(options.keep, !passed).catch((error: Error) => log(`cleanup: ${error.message}`));
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the platform and removing the run's databases …`);
    void cleanup(false).finally(() => process.exit(130));
  });
}

/** Where each fault falls in a run of a fixed number of orders. */
const SCHEDULE: { at: number; fault: Fault }[] = [
  { at: 0.2, fault: "rabbitmq" },
  { at: 0.4, fault: "orders" },
  { at: 0.6, fault: "rabbitmq" },
  { at: 0.8, fault: "shipping" },
];

function faultInjector(platform: ChaosPlatform, startedAt: () => number, events: FaultEvent[]) {
  let chain = Promise.resolve();
  return {
    /** Queued behind the previous fault: a service cannot start while the broker is down. */
    inject(fault: Fault) {
      chain = chain.then(async () => {
        const event: FaultEvent = {
          name: fault,
          atSeconds: (Date.now() - startedAt()) / 1000,
          downMs: undefined,
        };
        events.push(event);
        log(
          `  fault: ${fault === "rabbitmq" ? "restarting RabbitMQ" : `SIGKILL ${fault}`} at ${event.atSeconds.toFixed(0)} s`,
        );
        try {
          ({ downMs: event.downMs } =
            fault === "rabbitmq" ? await restartBroker() : await crashService(platform, fault));
          log(`  fault: ${fault} back after ${event.downMs} ms`);
        } catch (error) {
          event.error = (error as Error).message;
          log(`  fault: ${fault} FAILED: ${event.error}`);
        }
      });
    },
    done: () => chain,
  };
}

async function main(): Promise<number> {
  const soakMs = options.soakMinutes === undefined ? undefined : options.soakMinutes * 60_000;
  const expectedOrders = soakMs === undefined ? options.orders : Math.ceil((options.rate * soakMs) / 1000);
  log(
    soakMs === undefined
      ? `Chaos run: ${options.orders} orders at ${options.rate}/s, ${options.customers} customers, faults: ${options.faults.join(", ") || "none"}`
      : `Soak: ${options.soakMinutes} minutes at ${options.rate}/s (about ${expectedOrders} orders), ${options.customers} customers`,
  );
  const platform = await startChaosPlatform({
    log,
    // Tokens outlive the run: a soak's customers sign in once.
    accessTokenTtlSeconds: Math.ceil((soakMs ?? 0) / 1000) + 7_200,
    onCleanup: (fn) => (cleanupPlatform = fn),
  });
  const stockEach = Math.ceil(expectedOrders / options.customers) * 2 + 20;
  const customers = await seedCustomers(platform, options.customers, stockEach);
  log(`seeded ${customers.length} customers, each with a variant of ${stockEach} units`);

  const faults: FaultEvent[] = [];
  let workloadStartedAt = Date.now();
  const injector = faultInjector(platform, () => workloadStartedAt, faults);
  const pending =
    soakMs === undefined
      ? SCHEDULE.filter((s) => options.faults.includes(s.fault)).map((s) => ({
          index: Math.floor(s.at * options.orders),
          fault: s.fault,
        }))
      : [];

  const samples: MemorySample[] = [];
  if (soakMs !== undefined) {
    samples.push(await sampleMemory(platform, 0));
    log(formatSample(samples[0]!));
  }
  workloadStartedAt = Date.now();
  const curve =
    soakMs === undefined
      ? Promise.resolve([])
      : recordMemoryCurve(platform, workloadStartedAt, options.soakMinutes!, log);
  const stats = await runWorkload({
    url: platform.routerUrl,
    customers,
    rate: options.rate,
    orders: soakMs === undefined ? options.orders : Number.POSITIVE_INFINITY,
    untilMs: soakMs === undefined ? Number.POSITIVE_INFINITY : workloadStartedAt + soakMs,
    declinedShare: options.declinedShare,
    onStart: (index) => {
      while (pending[0] && index >= pending[0].index) injector.inject(pending.shift()!.fault);
    },
    log,
  });
  samples.push(...(await curve));
  await injector.done();

  log(
    `last checkout answered; waiting for the platform to settle (at most ${options.drainTimeoutSeconds} s)`,
  );
  const drain = await waitForDrain(platform, options.drainTimeoutSeconds * 1000, log);
  const invariants = await checkInvariants(platform, stats.records);
  const deadLetters = await readDeadLetters(platform);
  const failures = failedInvariants(invariants);
  if (!drain.drained) failures.push(`not drained within ${options.drainTimeoutSeconds} s`);
  for (const fault of faults) if (fault.error) failures.push(`fault ${fault.name} failed: ${fault.error}`);
  if (soakMs !== undefined) {
    log(`\nMemory over the soak\n${memoryTable(samples)}`);
    failures.push(...rssGrowthFailures(samples, warmUpMinutes(options.soakMinutes!)));
  }

  let tps: number | undefined;
  if (!options.skipPgbench) {
    // Measured with the platform stopped, so the server is pgbench's alone.
    await Promise.all(platform.services().map((service) => service.current.stop()));
    tps = await pgbenchTps(log);
  }
  printReport({ stats, faults, drain, invariants, deadLetters, pgbenchTps: tps, failures });
  if (failures.length) log(`service logs kept in ${platform.logDir}`);
  return failures.length ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanup(code === 0);
}
process.exit(code);
