import { createLogger, stopOnSignals } from "@storefront/platform";
import { loadCatalogueConfig } from "./env";
import { startCatalogueSubgraph } from "./server";

const config = loadCatalogueConfig();
const log = createLogger({ service: "catalogue", level: config.logLevel });
const subgraph = await startCatalogueSubgraph(config, log);
stopOnSignals(log, [{ name: "catalogue", stop: () => subgraph.stop() }]);
