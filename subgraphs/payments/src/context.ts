import type { RequestContext } from "@storefront/platform/context";
import type { PaymentsDatabase } from "./db";
import type { Loaders } from "./loaders";
import type { PaymentProvider } from "./providers";

export interface PaymentsContext extends RequestContext {
  db: PaymentsDatabase;
  loaders: Loaders;
  provider: PaymentProvider;
}
