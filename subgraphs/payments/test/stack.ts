import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
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

export const PAYMENT_FIELDS = `id status amount { amount currency } refundedAmount { amount currency }
  cardBrand cardLast4 failureCode failureMessage createdAt refunds { id amount { amount currency } reason createdAt }`;

export interface PaymentView {
  id: string;
  status: string;
  amount: { amount: number; currency: string };
  refundedAmount: { amount: number; currency: string };
  cardBrand: string;
  cardLast4: string;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: string;
  refunds: {
    id: string;
    amount: { amount: number; currency: string };
    reason: string | null;
    createdAt: string;
  }[];
}

export const CHARGE = `mutation($input: ChargePaymentInput!) { chargePayment(input: $input) { ${PAYMENT_FIELDS} } }`;
export const PAYMENT_FOR_ORDER = `query($orderId: ID!) { paymentForOrder(orderId: $orderId) { ${PAYMENT_FIELDS} } }`;
export const REFUND = `mutation($input: RefundPaymentInput!) {
  refundPayment(input: $input) {
    __typename
    ... on RefundSucceeded { payment { ${PAYMENT_FIELDS} } refund { id amount { amount currency } reason createdAt } }
    ... on RefundError { code message }
  }
}`;

export type RefundOutcome =
  | {
      __typename: "RefundSucceeded";
      payment: PaymentView;
      refund: { id: string; amount: { amount: number; currency: string }; reason: string | null };
    }
  | { __typename: "RefundError"; code: string; message: string };

export interface ChargeInput {
  orderId: string;
  userId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
  card: ReturnType<typeof card>;
}

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

  const charge = (input: ChargeInput) =>
    executeInternal<{ chargePayment: PaymentView }>(payments.url, CHARGE, {
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
      executeInternal<{ paymentForOrder: PaymentView | null }>(payments.url, PAYMENT_FOR_ORDER, {
        variables: { orderId },
        serviceToken: testEnv.serviceToken,
      }),
    refund: (
      token: string | undefined,
      input: { paymentId: string; amount?: number | null; reason?: string | null; idempotencyKey?: string },
    ) =>
      execute<{ refundPayment: RefundOutcome }>(payments.url, REFUND, {
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
