import { createAmqpBus, createInProcessBus, createLogger, stopOnSignals } from "@storefront/platform";
import { loadOrdersConfig } from "./env";
import { startOrdersSubgraph } from "./server";

const config = loadOrdersConfig();
const log = createLogger({ service: "orders", level: config.logLevel });
if (!config.amqpUrl)
  log.warn("AMQP_URL is not set: events stay in this process and nobody else receives them");
const bus = config.amqpUrl ? await createAmqpBus({ url: config.amqpUrl, log }) : createInProcessBus({ log });
const subgraph = await startOrdersSubgraph(config, { bus }, log);
stopOnSignals(log, [
  { name: "bus", stop: () => bus.close() },
  { name: "orders", stop: () => subgraph.stop() },
]);
