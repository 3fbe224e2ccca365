export { ordersModule, ordersSubgraph, startOrdersSubgraph, type OrdersModuleOptions } from "./server";
export { ordersConfigFrom, ordersEnvShape, loadOrdersConfig, type OrdersConfig } from "./env";
export { schema as ordersDbSchema } from "./db";
