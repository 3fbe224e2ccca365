import { stopOnSignals } from "@storefront/platform/lifecycle";
import { createLogger } from "@storefront/platform/logger";
import { loadRouterConfig } from "./env";
import { startRouter } from "./server";

const config = loadRouterConfig();
const log = createLogger({ service: "router", level: config.logLevel });
const router = await startRouter(config, { log });
stopOnSignals(log, [{ name: "router", stop: () => router.stop() }]);
