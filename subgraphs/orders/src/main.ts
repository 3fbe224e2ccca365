import { createLogger, openMessageBus, stopOnSignals } from "@storefront/platform";
import { loadOrdersConfig } from "./env";
import { startOrdersSubgraph } from "./server";

const config = loadOrdersConfig();
const log = createLogger({ service: "orders", level: config.logLevel });
const bus = await openMessageBus(config, log, { alone: true });
const subgraph = await startOrdersSubgraph(config, { bus }, log);
stopOnSignals(log, [
  { name: "bus", stop: () => bus.close() },
  { name: "orders", stop: () => subgraph.stop() },
]);
