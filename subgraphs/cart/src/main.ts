import { createLogger, stopOnSignals } from "@storefront/platform";
import { loadCartConfig } from "./env";
import { startCartSubgraph } from "./server";

const config = loadCartConfig();
const log = createLogger({ service: "cart", level: config.logLevel });
const subgraph = await startCartSubgraph(config, log);
stopOnSignals(log, [{ name: "cart", stop: () => subgraph.stop() }]);
