export type {
  ChargeOutcome,
  ChargeRequest,
  ChargeResult,
  PaymentProvider,
  ProviderCard,
  RefundRequest,
  RefundResult,
} from "./provider";
export { createTestModeProvider, FAILING_TEST_CARDS, SUCCEEDING_TEST_CARDS } from "./test-mode";
