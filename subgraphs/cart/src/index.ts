export { cartModule, cartSubgraph, startCartSubgraph } from "./server";
export { cartConfigFrom, cartEnvShape, loadCartConfig, type CartConfig } from "./env";
export { schema as cartDbSchema } from "./db";
