import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { SERVICE_TOKEN_HEADER } from "@storefront/platform/context";
import type { Logger } from "@storefront/platform/logger";
import {
  execute,
  executeInternal,
  buildStack,
  card,
  startTestSubgraph,
  startTokenIssuer,
  testEnv,
  type TestSubgraph,
} from "@storefront/testkit";
import { seedUsers, usersConfigFrom, usersModule } from "@storefront/users";
import type { schema } from "../src/db";
import { paymentsConfigFrom } from "../src/env";
import {
  createTestModeProvider,
  type ChargeRequest,
  type PaymentProvider,
  type RefundRequest,
} from "../src/providers";
import { paymentsModule } from "../src/server";
import {
  ChargeDocument,
  PaymentForOrderDocument,
  RefundDocument,
  type ChargePaymentInput,
  type RefundMutation,
  type RefundPaymentInput,
} from "./generated/payments";

export type PaymentsSubgraph = TestSubgraph<typeof schema>;

export { CARDS, card } from "@storefront/testkit";

/**
 * The test-mode provider behind a counter: how many times the payments service really asked the
 * processor to charge or refund, per provider idempotency key. `delayMs` makes every call slow.
 */
export function countingProvider(inner: PaymentProvider = createTestModeProvider(), delayMs = 0) {
  const charges: ChargeRequest[] = [];
  const refunds: RefundRequest[] = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, delayMs));
  const provider: PaymentProvider & {
    charges: ChargeRequest[];
    refunds: RefundRequest[];
    delayMs: number;
    /** How many of the next calls fail as if the processor could not be reached. */
    failNext: number;
  } = {
    name: `counting(${inner.name})`,
    charges,
    refunds,
    delayMs,
    failNext: 0,
    async charge(request) {
      charges.push(request);
      if (provider.delayMs) await pause();
      if (provider.failNext > 0) {
        provider.failNext--;
        throw new Error("processor unreachable");
      }
      return inner.charge(request);
    },
    async refund(request) {
      refunds.push(request);
      if (provider.delayMs) await pause();
      if (provider.failNext > 0) {
        provider.failNext--;
        throw new Error("processor unreachable");
      }
      return inner.refund(request);
    },
  };
  return provider;
}

/** What `refundPayment` answers: the refund, or why there is none. */
export type RefundOutcome = RefundMutation["refundPayment"];

/** Operations sent as the platform itself (the service credential), as orders sends them. */
export const asService = { headers: { [SERVICE_TOKEN_HEADER]: testEnv.serviceToken } };

export type ChargeInput = ChargePaymentInput & { orderId: string; userId: string };

/** A refund as a test asks for it: a fresh idempotency key unless the test gives one. */
export type RefundInput = Omit<RefundPaymentInput, "idempotencyKey"> & { idempotencyKey?: string };

export function chargeInput(overrides: Partial<ChargeInput> = {}): ChargeInput {
  return {
    orderId: randomUUID(),
    userId: randomUUID(),
    amount: 2500,
    currency: "USD",
    idempotencyKey: randomUUID(),
    card: card(),
    ...overrides,
  };
}

/** The payments subgraph on a fresh database, verifying tokens from a real users subgraph. */
export async function startStack(
  options: { env?: Record<string, string>; provider?: PaymentProvider; log?: Logger } = {},
) {
  const issuer = await startTokenIssuer(usersModule(usersConfigFrom({})), seedUsers);
  const { users, accounts } = issuer;
  const provider = countingProvider(options.provider);
  const payments: PaymentsSubgraph = await startTestSubgraph(
    paymentsModule(paymentsConfigFrom({ ...issuer.env, ...options.env }), { provider }),
    options.log ? { log: options.log } : {},
  );
  const db = payments.database.db;

  const charge = (input: ChargePaymentInput) =>
    executeInternal(payments.url, ChargeDocument, {
      variables: { input },
      serviceToken: testEnv.serviceToken,
    });

  return buildStack(payments, [() => users.stop()], {
    users,
    payments,
    provider,
    accounts,
    charge,
    /** Charges and fails the test unless a payment came back. */
    async charged(overrides: Partial<ChargeInput> = {}) {
      const input = chargeInput(overrides);
      const result = await charge(input);
      if (!result.data?.chargePayment)
        throw new Error(`chargePayment failed: ${JSON.stringify(result.errors)}`);
      return { input, payment: result.data.chargePayment };
    },
    paymentForOrder: (orderId: string) =>
      executeInternal(payments.url, PaymentForOrderDocument, {
        variables: { orderId },
        serviceToken: testEnv.serviceToken,
      }),
    refund: (token: string | undefined, input: RefundInput) =>
      execute(payments.url, RefundDocument, {
        variables: { input: { idempotencyKey: randomUUID(), ...input } },
        ...(token ? { token } : {}),
      }),
    /** Rows in every table of the payments database, so "nothing was written" can be checked. */
    async rowCounts() {
      const [row] = await rows<{ payments: number; refunds: number; keys: number }>(
        db,
        `select (select count(*)::int from payments) as payments, (select count(*)::int from refunds) as refunds,
                (select count(*)::int from idempotency_keys) as keys`,
      );
      return row!;
    },
  });
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** Raw SQL rows, whichever driver runs the database (postgres-js returns an array, PGlite `{ rows }`). */
export async function rows<T>(db: PaymentsSubgraph["database"]["db"], query: string): Promise<T[]> {
  const result: unknown = await db.execute(sql.raw(query));
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
