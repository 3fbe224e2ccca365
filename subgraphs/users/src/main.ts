import { createLogger, stopOnSignals } from "@storefront/platform";
import { loadUsersConfig } from "./env";
import { startUsersSubgraph } from "./server";

const config = loadUsersConfig();
const log = createLogger({ service: "users", level: config.logLevel });
const subgraph = await startUsersSubgraph(config, log);
stopOnSignals(log, [{ name: "users", stop: () => subgraph.stop() }]);
