export { startRouter, type RunningRouter } from "./server";
export { loadRouterConfig, routerConfigFrom, parseSubgraphUrls, type RouterConfig } from "./env";
