import type { Logger } from "@storefront/platform/logger";
import type { OrdersDependencies } from "../../dependencies";

/** What the saga's steps depend on (the recovery sweep runs them with exactly this). */
export type SagaDeps = Pick<
  OrdersDependencies,
  "db" | "catalogue" | "payments" | "cart" | "relay" | "config" | "metrics"
>;

/**
 * Whom a saga step works for — a checkout request, a cancellation or the recovery sweep: the
 * request id its calls to other services carry, and the logger it reports to.
 */
export interface SagaContext {
  requestId: string;
  log: Logger;
}
