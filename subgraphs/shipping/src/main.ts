import { createAmqpBus, createInProcessBus, createLogger, stopOnSignals } from "@storefront/platform";
import { loadShippingConfig } from "./env";
import { startShippingSubgraph } from "./server";

const config = loadShippingConfig();
const log = createLogger({ service: "shipping", level: config.logLevel });
if (!config.amqpUrl)
  log.warn("AMQP_URL is not set: shipment requests can only come from this process, and events stay in it");
const bus = config.amqpUrl ? await createAmqpBus({ url: config.amqpUrl, log }) : createInProcessBus({ log });
const subgraph = await startShippingSubgraph(config, { bus }, log);
stopOnSignals(log, [
  { name: "bus", stop: () => bus.close() },
  { name: "shipping", stop: () => subgraph.stop() },
]);
