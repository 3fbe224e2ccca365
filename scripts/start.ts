/**
 * `npm start`: the whole platform in one process on embedded defaults. Each subgraph keeps its
 * own HTTP server, port and database (PGlite under .data/ unless *_DATABASE_URL is set), so the
 * topology is the production one, only co-located. Messages go through RabbitMQ when AMQP_URL
 * is set, and through the in-process bus otherwise.
 */
import { randomBytes } from "node:crypto";
import { loadCartConfig, startCartSubgraph } from "@storefront/cart";
import { loadCatalogueConfig, seedCatalogue, startCatalogueSubgraph } from "@storefront/catalogue";
import { loadOrdersConfig, startOrdersSubgraph } from "@storefront/orders";
import { loadPaymentsConfig, startPaymentsSubgraph } from "@storefront/payments";
import {
  openMessageBus,
  createLogger,
  envFields,
  loadEnvOrExit,
  stopOnSignals,
  type Stoppable,
} from "@storefront/platform";
import { loadRouterConfig, startRouter } from "@storefront/router";
import { loadShippingConfig, startShippingSubgraph } from "@storefront/shipping";
import { ensureSeedReviewers, loadUsersConfig, seedUsers, startUsersSubgraph } from "@storefront/users";
import { ensureExplorerBuilt } from "@storefront/web/explorer";
import { startWebServer } from "@storefront/web/serve";
import { applyPortOffset } from "./ports";
import { seedPastOrders } from "./seed-orders";

applyPortOffset();
const usersConfig = loadUsersConfig();
const catalogueConfig = loadCatalogueConfig();
const cartConfig = loadCartConfig();
const paymentsConfig = loadPaymentsConfig();
const ordersConfig = loadOrdersConfig();
const shippingConfig = loadShippingConfig();
const { WEB_PORT: webPort } = loadEnvOrExit({ WEB_PORT: envFields.port(3000) }, process.env);
// A demo needs parcels that move: the simulated carrier is on unless explicitly turned off.
if (process.env.SIMULATED_CARRIER === undefined) shippingConfig.simulatedCarrier.enabled = true;
const routerConfig = loadRouterConfig();
// Readable lines when a person runs this in a terminal; JSON when piped or in production.
const log = createLogger({
  service: "storefront",
  level: usersConfig.logLevel,
  production: routerConfig.production,
});
const running: Stoppable[] = [];
stopOnSignals(log, running);

// One process, so internal calls can use a credential made up for this run when none is set.
const serviceToken = ordersConfig.serviceToken ?? randomBytes(32).toString("base64url");
for (const config of [catalogueConfig, cartConfig, paymentsConfig, ordersConfig, shippingConfig])
  config.serviceToken ??= serviceToken;

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
  const bus = await openMessageBus(ordersConfig, log);
  running.push({ name: "message bus", stop: () => bus.close() });
  log.info({ bus: ordersConfig.amqpUrl ? "amqp" : "in-process" }, "message bus ready");

  const users = await startUsersSubgraph(usersConfig, log);
  running.push({ name: "users", stop: () => users.stop() });
  const catalogue = await startCatalogueSubgraph(catalogueConfig, log);
  running.push({ name: "catalogue", stop: () => catalogue.stop() });
  const cart = await startCartSubgraph(cartConfig, log);
  running.push({ name: "cart", stop: () => cart.stop() });
  const payments = await startPaymentsSubgraph(paymentsConfig, log);
  running.push({ name: "payments", stop: () => payments.stop() });
  const shipping = await startShippingSubgraph(shippingConfig, { bus }, log);
  running.push({ name: "shipping", stop: () => shipping.stop() });
  const orders = await startOrdersSubgraph(ordersConfig, { bus }, log);
  running.push({ name: "orders", stop: () => orders.stop() });

  const seeded = await seedUsers(users.database.db);
  if (seeded.length) {
    // Printed once, on the first start only: the passwords are random and stored only as hashes.
    const lines = seeded.map((a) => `  ${a.role.padEnd(8)} ${a.email}  password: ${a.password}`);
    process.stdout.write(`\nSeeded accounts (shown only now, keep them):\n${lines.join("\n")}\n\n`);
  }
  const catalogueSeed = await seedCatalogue(catalogue.database.db, {
    reviewerIds: await ensureSeedReviewers(users.database.db),
  });
  if (catalogueSeed) log.info(catalogueSeed, "catalogue seeded");

  const customer = seeded.find((account) => account.role === "CUSTOMER");
  if (customer) {
    await seedPastOrders(
      {
        users: users.url,
        catalogue: catalogue.url,
        cart: cart.url,
        orders: orders.url,
        shipping: shipping.url,
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
