export {
  shippingModule,
  shippingSubgraph,
  startShippingSubgraph,
  type ShippingModuleOptions,
} from "./server";
export { shippingConfigFrom, shippingEnvShape, loadShippingConfig, type ShippingConfig } from "./env";
export { schema as shippingDbSchema } from "./db";
