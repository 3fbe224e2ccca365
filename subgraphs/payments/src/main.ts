import { createLogger, stopOnSignals } from "@storefront/platform";
import { loadPaymentsConfig } from "./env";
import { startPaymentsSubgraph } from "./server";

const config = loadPaymentsConfig();
const log = createLogger({ service: "payments", level: config.logLevel });
const subgraph = await startPaymentsSubgraph(config, log);
stopOnSignals(log, [{ name: "payments", stop: () => subgraph.stop() }]);
