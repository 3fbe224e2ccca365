/**
 * The whole platform as separate processes on the local PostgreSQL and RabbitMQ: six subgraphs
 * and the router, each with fixed ports and (for subgraphs) a database of its own for the run,
 * so any of them can be SIGKILLed and started again where it was.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { deleteBrokerObjects, freePort, testEnv } from "@storefront/testkit";
import { repoRoot, startServiceProcess, type ServiceProcess } from "../service-process";

export const SUBGRAPHS = ["users", "catalogue", "cart", "payments", "shipping", "orders"] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export type ServiceName = SubgraphName | "router";

/** The ship-from country: the workload's addresses are domestic to it. */
const SHOP_COUNTRY = "GB";

interface ServiceSpec {
  name: ServiceName;
  entry: string;
  port: number;
  metricsPort: number;
  env: Record<string, string>;
}

/** One service slot: what it runs with, and the process currently running it. */
export interface ManagedService {
  spec: ServiceSpec;
  current: ServiceProcess;
  /** SIGKILL, then a start on the same ports and database; resolves once it is ready again. */
  crashAndRestart(): Promise<{ downMs: number }>;
}

function databaseUrl(name: string): string {
  const url = new URL(testEnv.databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(testEnv.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function startChaosPlatform(options: {
  log: (line: string) => void;
  accessTokenTtlSeconds: number;
  /** Given the cleanup as soon as there is something to clean, so an interrupted start is undone too. */
  onCleanup: (cleanup: (keep: boolean, keepLogs: boolean) => Promise<void>) => void;
}) {
  const run = randomBytes(4).toString("hex");
  const exchange = `chaos.${run}`;
  const shipmentEventsQueue = `chaos.${run}.orders.shipment-events`;
  const shipmentRequestsQueue = `chaos.${run}.shipping.shipment-requests`;
  const logDir = path.join(os.tmpdir(), `chaos-${run}`);
  mkdirSync(logDir, { recursive: true });
  const databases = Object.fromEntries(SUBGRAPHS.map((name) => [name, `chaos_${run}_${name}`])) as Record<
    SubgraphName,
    string
  >;
  const services = new Map<ServiceName, ManagedService>();
  const created: string[] = [];

  /** Logs are kept when the run failed (`keepLogs`), databases and broker objects only with --keep. */
  const cleanup = async (keep: boolean, keepLogs: boolean) => {
    await Promise.all([...services.values()].map((service) => service.current.kill()));
    if (!keep && !keepLogs) rmSync(logDir, { recursive: true, force: true });
    if (!keep) {
      await withAdmin(async (sql) => {
        for (const name of created) await sql.unsafe(`drop database if exists "${name}" with (force)`);
      });
      await deleteBrokerObjects({
        queues: [shipmentEventsQueue, shipmentRequestsQueue],
        exchanges: [exchange],
      });
    }
  };

  options.onCleanup(cleanup);
  try {
    await withAdmin(async (sql) => {
      for (const name of Object.values(databases)) {
        await sql.unsafe(`create database "${name}"`);
        created.push(name);
      }
    });
    const ports = async () => ({ port: await freePort(), metricsPort: await freePort() });
    const assigned = Object.fromEntries(
      await Promise.all(
        [...SUBGRAPHS, "router" as const].map(async (name) => [name, await ports()] as const),
      ),
    ) as Record<ServiceName, { port: number; metricsPort: number }>;
    const urlOf = (name: ServiceName) => `http://127.0.0.1:${assigned[name].port}/graphql`;
    const common = {
      JWKS_URL: `http://127.0.0.1:${assigned.users.port}/.well-known/jwks.json`,
      SERVICE_TOKEN: randomBytes(24).toString("hex"),
    };
    const broker = { AMQP_URL: testEnv.amqpUrl, AMQP_EXCHANGE: exchange };
    const envOf: Record<ServiceName, Record<string, string>> = {
      users: { ACCESS_TOKEN_TTL_SECONDS: String(options.accessTokenTtlSeconds) },
      catalogue: {},
      cart: { CATALOGUE_URL: urlOf("catalogue") },
      payments: {},
      shipping: {
        ...broker,
        SHIPMENT_REQUESTS_QUEUE: shipmentRequestsQueue,
        SHOP_COUNTRY,
        SHOP_CURRENCY: "USD",
      },
      orders: {
        ...broker,
        SHIPMENT_EVENTS_QUEUE: shipmentEventsQueue,
        USERS_URL: urlOf("users"),
        CATALOGUE_URL: urlOf("catalogue"),
        CART_URL: urlOf("cart"),
        PAYMENTS_URL: urlOf("payments"),
        SHIPPING_URL: urlOf("shipping"),
      },
      router: {
        ROUTER_PORT: String(assigned.router.port),
        ROUTER_METRICS_PORT: String(assigned.router.metricsPort),
        SUPERGRAPH_PATH: path.join(repoRoot, "schema/supergraph.graphql"),
        SUBGRAPH_URLS: SUBGRAPHS.map((name) => `${name}=${urlOf(name)}`).join(","),
        RATE_LIMIT_PER_MINUTE: "0",
      },
    };
    const specOf = (name: ServiceName): ServiceSpec => {
      const { port, metricsPort } = assigned[name];
      const own =
        name === "router"
          ? {}
          : {
              [`${name.toUpperCase()}_PORT`]: String(port),
              [`${name.toUpperCase()}_METRICS_PORT`]: String(metricsPort),
              [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrl(databases[name]),
            };
      return {
        name,
        entry: name === "router" ? "router/src/main.ts" : `subgraphs/${name}/src/main.ts`,
        port,
        metricsPort,
        env: { ...common, ...own, ...envOf[name] },
      };
    };
    const launch = (spec: ServiceSpec) =>
      startServiceProcess(spec.name, spec.entry, spec, spec.env, {
        logFile: path.join(logDir, `${spec.name}.log`),
        readyTimeoutMs: 120_000,
      });
    const manage = async (name: ServiceName) => {
      const spec = specOf(name);
      const service: ManagedService = {
        spec,
        current: await launch(spec),
        async crashAndRestart() {
          const killedAt = Date.now();
          await service.current.kill();
          service.current = await launch(spec);
          return { downMs: Date.now() - killedAt };
        },
      };
      services.set(name, service);
    };
    // users first (every other service verifies tokens against its keys); orders after the
    // services it calls; the router last, over all of them.
    await manage("users");
    await Promise.all((["catalogue", "cart", "payments", "shipping"] as const).map(manage));
    await manage("orders");
    await manage("router");
    options.log(`platform up: run ${run}, logs in ${logDir}`);
    return {
      run,
      exchange,
      logDir,
      queues: { shippingRequests: shipmentRequestsQueue, shipmentEvents: shipmentEventsQueue },
      databaseUrls: Object.fromEntries(
        SUBGRAPHS.map((name) => [name, databaseUrl(databases[name])]),
      ) as Record<SubgraphName, string>,
      routerUrl: urlOf("router"),
      usersUrl: urlOf("users"),
      service: (name: ServiceName) => services.get(name)!,
      services: () => [...services.values()],
      /** Kills every process; drops the databases and broker objects unless `keep`. */
      cleanup,
    };
  } catch (error) {
    await cleanup(false, true).catch(() => undefined);
    throw error;
  }
}

export type ChaosPlatform = Awaited<ReturnType<typeof startChaosPlatform>>;
