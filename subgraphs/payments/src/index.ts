export {
  paymentsModule,
  paymentsSubgraph,
  startPaymentsSubgraph,
  type PaymentsModuleOptions,
} from "./server";
export { paymentsConfigFrom, paymentsEnvShape, loadPaymentsConfig, type PaymentsConfig } from "./env";
export { schema as paymentsDbSchema } from "./db";
export { createTestModeProvider, type PaymentProvider } from "./providers";
