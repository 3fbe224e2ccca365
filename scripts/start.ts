/**
 * `npm start`: the whole platform in one process on embedded defaults. Each subgraph keeps its
 * own HTTP server, port and database (PGlite under .data/ unless *_DATABASE_URL is set), so the
 * topology is the production one, only co-located. Messages go through RabbitMQ when AMQP_URL
 * is set, and through the in-process bus otherwise.
 */
import { randomBytes } from "node:crypto";
import { seedCatalogue } from "@storefront/catalogue";
import { startOrder, usesBroker, web as webServer, type Subgraph } from "@storefront/contracts/topology";
import { type Logger, createLogger } from "@storefront/platform/logger";
import { openMessageBus, type MessageBus } from "@storefront/platform/bus";
import { envFields, loadEnvOrExit } from "@storefront/platform/env";
import { type RunningSubgraph } from "@storefront/platform/launch";
import { stopOnSignals, type Stoppable } from "@storefront/platform/lifecycle";
import { loadRouterConfig, startRouter } from "@storefront/router";
import { ensureSeedReviewers, seedUsers } from "@storefront/users";
import { ensureExplorerBuilt } from "@storefront/web/explorer";
import { startWebServer } from "@storefront/web/serve";
import { applyPortOffset } from "./ports";
import { seedPastOrders } from "./seed-orders";

/**
 * A subgraph's package, as every one exports it: `load<Name>Config()` and `start<Name>Subgraph()`,
 * which takes the message bus when the subgraph publishes or consumes.
 */
interface SubgraphPackage {
  config: Record<string, unknown> & { serviceToken?: string; amqpUrl?: string; amqpExchange?: string };
  start(bus: MessageBus, log: Logger): Promise<RunningSubgraph>;
}
async function subgraphPackage(subgraph: Subgraph): Promise<SubgraphPackage> {
  const exports = (await import(`@storefront/${subgraph.name}`)) as Record<string, unknown>;
  const pascal = subgraph.name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
  const load = exports[`load${pascal}Config`] as (() => SubgraphPackage["config"]) | undefined;
  const start = exports[`start${pascal}Subgraph`] as
    ((config: unknown, ...rest: unknown[]) => Promise<RunningSubgraph>) | undefined;
  if (!load || !start)
    throw new Error(
      `@storefront/${subgraph.name} must export load${pascal}Config and start${pascal}Subgraph`,
    );
  const config = load();
  return {
    config,
    start: (bus, log) => (usesBroker(subgraph) ? start(config, { bus }, log) : start(config, log)),
  };
}

applyPortOffset();
// In start order: each subgraph after those it calls.
const subgraphs = startOrder();
const packages = new Map<string, SubgraphPackage>();
for (const subgraph of subgraphs) packages.set(subgraph.name, await subgraphPackage(subgraph));
const configOf = (name: string) => packages.get(name)!.config;
const { WEB_PORT: webPort } = loadEnvOrExit({ WEB_PORT: envFields.port(webServer.port) }, process.env);
// A demo needs parcels that move: the simulated carrier is on unless explicitly turned off.
if (process.env.SIMULATED_CARRIER === undefined)
  (configOf("shipping").simulatedCarrier as { enabled: boolean }).enabled = true;
const routerConfig = loadRouterConfig();
// Readable lines when a person runs this in a terminal; JSON when piped or in production.
const log = createLogger({
  service: "storefront",
  level: routerConfig.logLevel,
  production: routerConfig.production,
});
const running: Stoppable[] = [];
stopOnSignals(log, running);

// One process, so internal calls can use a credential made up for this run when none is set.
const callers = subgraphs.filter((s) => s.verifiesTokens).map((s) => configOf(s.name));
const serviceToken =
  callers.find((config) => config.serviceToken)?.serviceToken ?? randomBytes(32).toString("base64url");
for (const config of callers) config.serviceToken ??= serviceToken;
// Every subgraph on the bus shares one: the broker's settings are the same for all of them.
const busSettings = configOf(subgraphs.find(usesBroker)!.name) as {
  amqpUrl: string | undefined;
  amqpExchange: string;
};

// The development graph explorer is a bundle (GraphiQL's editor needs one), built once and kept
// until its inputs change; it builds while the services start, off the critical path.
const explorer = routerConfig.production
  ? undefined
  : ensureExplorerBuilt().then(
      () => true,
      (error: unknown) => {
        log.warn({ err: error }, "graph explorer could not be built; the graph itself is unaffected");
        return false;
      },
    );

try {
  const bus = await openMessageBus(busSettings, log);
  running.push({ name: "message bus", stop: () => bus.close() });
  log.info({ bus: busSettings.amqpUrl ? "amqp" : "in-process" }, "message bus ready");

  const started = new Map<string, RunningSubgraph>();
  for (const subgraph of subgraphs) {
    const service = await packages.get(subgraph.name)!.start(bus, log);
    running.push({ name: subgraph.name, stop: () => service.stop() });
    started.set(subgraph.name, service);
  }
  // The seeds are the users' and the catalogue's own, over their own schemas.
  const users = started.get("users")!;
  const catalogue = started.get("catalogue")!;
  const usersDb = users.database.db as Parameters<typeof seedUsers>[0];
  const catalogueDb = catalogue.database.db as Parameters<typeof seedCatalogue>[0];

  const seeded = await seedUsers(usersDb);
  if (seeded.length) {
    // Printed once, on the first start only: the passwords are random and stored only as hashes.
    const lines = seeded.map((a) => `  ${a.role.padEnd(8)} ${a.email}  password: ${a.password}`);
    process.stdout.write(`\nSeeded accounts (shown only now, keep them):\n${lines.join("\n")}\n\n`);
  }
  const catalogueSeed = await seedCatalogue(catalogueDb, {
    reviewerIds: await ensureSeedReviewers(usersDb),
  });
  if (catalogueSeed) log.info(catalogueSeed, "catalogue seeded");

  const customer = seeded.find((account) => account.role === "CUSTOMER");
  if (customer) {
    await seedPastOrders(
      {
        users: users.url,
        catalogue: catalogue.url,
        cart: started.get("cart")!.url,
        orders: started.get("orders")!.url,
        shipping: started.get("shipping")!.url,
      },
      customer,
      log,
    );
  }

  const router = await startRouter(routerConfig, { log });
  running.push({ name: "router", stop: () => router.stop() });
  // The storefront's dev server, same-origin with the graph: it proxies /graphql (HTTP and
  // WebSocket) to the router, as the ingress does in Kubernetes.
  const web = await startWebServer({
    port: webPort,
    routerUrl: `http://localhost:${router.port}`,
    mode: "dev",
  });
  running.push({ name: "web", stop: () => web.close() });
  const graphUrl = `http://localhost:${router.port}/graphql`;
  const explorerLine = (await explorer) ? `Graph explorer at ${graphUrl} (open it in a browser)\n` : "";
  process.stdout.write(
    `\nStorefront graph ready at ${graphUrl}\n` +
      `Storefront ready at ${web.url}\n` +
      explorerLine +
      `Router metrics at ${router.metricsUrl}\n\n`,
  );
} catch (error) {
  log.fatal({ err: error }, "start-up failed");
  for (const service of running.reverse()) await service.stop().catch(() => {});
  process.exit(1);
}
