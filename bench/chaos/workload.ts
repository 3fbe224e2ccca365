/**
 * Customers placing orders through the router at a steady rate, as a storefront would: a line
 * put in the cart, then a checkout, whose failures are retried with the same idempotency key
 * until the platform gives an answer.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { catalogueDbSchema } from "@storefront/catalogue";
import { insertVariant } from "@storefront/catalogue/testing";
import { CARDS, checkoutInput } from "@storefront/e2e";
import { execute, executeOk, uniqueEmail } from "@storefront/testkit";
import { sleep } from "../service-process";
import type { ChaosPlatform } from "./platform";

const CHECKOUT = `mutation Checkout($i: CheckoutInput!) {
  checkout(input: $i) {
    __typename
    ... on Order { id status }
    ... on CheckoutError { code order { id status } }
  }
}`;
const ADD_TO_CART = `mutation AddToCart($v: ID!) { addToCart(variantId: $v, quantity: 1) { cart { id } error { code } } }`;
const REGISTER = `mutation Register($i: RegisterInput!) { register(input: $i) { ... on AuthSession { accessToken user { id } } } }`;

/** How long a storefront keeps retrying one checkout before it gives up and tells the customer. */
const RETRY_FOR_MS = 180_000;

interface Customer {
  userId: string;
  token: string;
  /** Each customer buys its own variant, so customers never wait on each other's stock rows. */
  variantId: string;
}

export interface CheckoutRecord {
  idempotencyKey: string;
  userId: string;
  /** From the first attempt to the answer, retries included: what the customer waited. */
  totalMs: number;
  /** The attempt that was answered. */
  answeredMs: number;
  attempts: number;
  /** Order, a CheckoutError code, or `unanswered` when every retry failed. */
  outcome: string;
  orderId: string | undefined;
  orderStatus: string | undefined;
}

export interface WorkloadStats {
  records: CheckoutRecord[];
  /** Failed attempts that were retried, by what went wrong. */
  retriedErrors: Map<string, number>;
  startedAt: number;
  finishedAt: number;
}

/** Registers the customers (through the router) and gives each a variant with `stockEach` units. */
export async function seedCustomers(platform: ChaosPlatform, count: number, stockEach: number) {
  const client = postgres(platform.databaseUrls.catalogue, { max: 2, onnotice: () => {} });
  try {
    const db = drizzle({ client, schema: catalogueDbSchema });
    const customers: Customer[] = [];
    for (let i = 0; i < count; i++) {
      const { register } = await executeOk<{ register: { accessToken: string; user: { id: string } } }>(
        platform.routerUrl,
        REGISTER,
        { variables: { i: { email: uniqueEmail(), password: "correct horse battery", name: `Chaos ${i}` } } },
      );
      const variant = await insertVariant(db, { stock: stockEach, priceAmount: 1500, name: `Chaos ${i}` });
      customers.push({ userId: register.user.id, token: register.accessToken, variantId: variant.id });
    }
    return customers;
  } finally {
    await client.end({ timeout: 1 });
  }
}

type Attempt =
  | { answered: true; outcome: string; orderId: string | undefined; orderStatus: string | undefined }
  | { answered: false; error: string };

interface CheckoutAnswer {
  checkout: {
    __typename: "Order" | "CheckoutError";
    id?: string;
    status?: string;
    code?: string;
    order?: { id: string; status: string } | null;
  };
}

async function attemptCheckout(url: string, token: string, input: ReturnType<typeof checkoutInput>) {
  try {
    const result = await execute<CheckoutAnswer>(url, CHECKOUT, { variables: { i: input }, token });
    const checkout = result.data?.checkout;
    if (!checkout || result.errors?.length) {
      const code = result.errors?.[0]?.extensions?.code ?? `HTTP ${result.status}`;
      return { answered: false, error: String(code) } satisfies Attempt;
    }
    return checkout.__typename === "Order"
      ? { answered: true, outcome: "ORDER", orderId: checkout.id, orderStatus: checkout.status }
      : {
          answered: true,
          outcome: checkout.code ?? "CheckoutError",
          orderId: checkout.order?.id,
          orderStatus: checkout.order?.status,
        };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { answered: false, error: cause ?? (error as Error).message.slice(0, 60) } satisfies Attempt;
  }
}

/** Retried until it goes through: the router and cart are never faulted, so a failure is brief. */
async function addToCart(url: string, customer: Customer, stats: WorkloadStats) {
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    const result = await execute(url, ADD_TO_CART, {
      variables: { v: customer.variantId },
      token: customer.token,
    })
      .then((r) => (r.errors?.length ? String(r.errors[0]?.extensions?.code ?? r.status) : undefined))
      .catch(
        (error: Error) => (error.cause as { code?: string } | undefined)?.code ?? error.message.slice(0, 60),
      );
    if (result === undefined) return;
    count(stats.retriedErrors, `addToCart: ${result}`);
    if (Date.now() > deadline) throw new Error(`addToCart kept failing: ${result}`);
    await sleep(500);
  }
}

function count(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

async function placeOrder(url: string, customer: Customer, card: string, stats: WorkloadStats) {
  await addToCart(url, customer, stats);
  const input = checkoutInput(card);
  const startedAt = Date.now();
  let attempts = 0;
  let backoff = 250;
  for (;;) {
    attempts += 1;
    const attemptAt = Date.now();
    const attempt = await attemptCheckout(url, customer.token, input);
    const base = { idempotencyKey: input.idempotencyKey, userId: customer.userId, attempts };
    if (attempt.answered) {
      const now = Date.now();
      stats.records.push({
        ...base,
        totalMs: now - startedAt,
        answeredMs: now - attemptAt,
        outcome: attempt.outcome,
        orderId: attempt.orderId,
        orderStatus: attempt.orderStatus,
      });
      return;
    }
    count(stats.retriedErrors, `checkout: ${attempt.error}`);
    if (Date.now() - startedAt > RETRY_FOR_MS) {
      stats.records.push({
        ...base,
        totalMs: Date.now() - startedAt,
        answeredMs: NaN,
        outcome: "unanswered",
        orderId: undefined,
        orderStatus: undefined,
      });
      return;
    }
    await sleep(backoff);
    backoff = Math.min(backoff * 2, 2_000);
  }
}

/**
 * Starts order i at `i / rate` seconds, on the next free customer (an order waits when all are
 * busy, so a stall shows as a lower rate, not as an unbounded pile of requests). `onStart` sees
 * each order's index as it starts, for faults placed at fractions of the run.
 */
export async function runWorkload(options: {
  url: string;
  customers: Customer[];
  rate: number;
  /** Stops starting orders at this count or this time, whichever comes first. */
  orders: number;
  untilMs: number;
  declinedShare: number;
  onStart: (index: number) => void;
  log: (line: string) => void;
}): Promise<WorkloadStats> {
  const stats: WorkloadStats = {
    records: [],
    retriedErrors: new Map(),
    startedAt: Date.now(),
    finishedAt: 0,
  };
  const free = [...options.customers];
  const waiting: ((customer: Customer) => void)[] = [];
  const acquire = () =>
    free.length ? Promise.resolve(free.shift()!) : new Promise<Customer>((resolve) => waiting.push(resolve));
  const release = (customer: Customer) => {
    const next = waiting.shift();
    if (next) next(customer);
    else free.push(customer);
  };
  const inFlight = new Set<Promise<void>>();
  const progress = setInterval(() => {
    const seconds = (Date.now() - stats.startedAt) / 1000;
    const retried = [...stats.retriedErrors.values()].reduce((a, b) => a + b, 0);
    options.log(
      `  ${seconds.toFixed(0)} s: ${stats.records.length} answered (${(stats.records.length / seconds).toFixed(1)}/s), ${inFlight.size} in flight, ${retried} attempts retried`,
    );
  }, 10_000);
  try {
    for (let i = 0; i < options.orders && Date.now() < options.untilMs; i++) {
      const due = stats.startedAt + (i * 1000) / options.rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const customer = await acquire();
      options.onStart(i);
      // Spread evenly through the run rather than by chance, so small runs get their share.
      const declined = Math.floor((i + 1) * options.declinedShare) > Math.floor(i * options.declinedShare);
      const task = placeOrder(options.url, customer, declined ? CARDS.declined : CARDS.ok, stats).finally(
        () => release(customer),
      );
      inFlight.add(task);
      const forget = () => inFlight.delete(task);
      task.then(forget, forget);
    }
    await Promise.all(inFlight);
  } finally {
    clearInterval(progress);
  }
  stats.finishedAt = Date.now();
  return stats;
}
