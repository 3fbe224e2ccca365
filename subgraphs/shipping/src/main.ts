import { createLogger, openMessageBus, stopOnSignals } from "@storefront/platform";
import { loadShippingConfig } from "./env";
import { startShippingSubgraph } from "./server";

const config = loadShippingConfig();
const log = createLogger({ service: "shipping", level: config.logLevel });
const bus = await openMessageBus(config, log, { alone: true });
const subgraph = await startShippingSubgraph(config, { bus }, log);
stopOnSignals(log, [
  { name: "bus", stop: () => bus.close() },
  { name: "shipping", stop: () => subgraph.stop() },
]);
