import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  execute,
  executeOk,
  subscribe,
  uniqueEmail,
  waitFor,
  type SubscriptionProbe,
} from "@storefront/testkit";
import {
  ADDRESS,
  CARDS,
  ORDER_STATUS,
  startStorefrontProcess,
  type StatusEvent,
  type StorefrontProcess,
} from "../src";

/**
 * The platform as `npm start` runs it for a newcomer — embedded PGlite databases, the in-process
 * bus, the seeded shop, the simulated carrier — driven through its router. Every periodic task
 * the services run (signing-key reload, sweepers, checkout recovery, the carrier) is set to a few
 * seconds through its documented variable, and the flows run again after all of them have come
 * round: that is where the embedded default used to lock up.
 */
const INTERVAL_SECONDS = 2;
let shop: StorefrontProcess;
let url: string;
const probes: SubscriptionProbe<unknown>[] = [];

beforeAll(async () => {
  const every = String(INTERVAL_SECONDS);
  shop = await startStorefrontProcess({
    env: {
      SIGNING_KEY_REFRESH_SECONDS: every,
      SESSION_REVOCATION_REFRESH_MS: "1000",
      LOGIN_ATTEMPT_SWEEP_SECONDS: every,
      GUEST_CART_SWEEP_SECONDS: every,
      RESERVATION_SWEEP_SECONDS: every,
      CHECKOUT_RECOVERY_SECONDS: every,
      IDEMPOTENCY_KEY_SWEEP_SECONDS: every,
      SIMULATED_CARRIER_STEP_SECONDS: every,
      JWKS_CACHE_SECONDS: every,
    },
  });
  url = shop.graphUrl;
}, 300_000);

afterAll(async () => {
  await Promise.all(probes.map((probe) => probe.close().catch(() => {})));
  await shop?.stop();
}, 60_000);

const SESSION = `... on AuthSession { accessToken refreshToken user { id email } } ... on AuthError { code message }`;
interface Session {
  accessToken?: string;
  refreshToken?: string;
  user?: { id: string; email: string };
  code?: string;
}

async function login(email: string, password: string): Promise<Session> {
  const { login } = await executeOk<{ login: Session }>(
    url,
    `mutation($i: LoginInput!) { login(input: $i) { ${SESSION} } }`,
    { variables: { i: { email, password } } },
  );
  return login;
}

async function register(): Promise<Session & { email: string; password: string }> {
  const input = { email: uniqueEmail(), password: "a long passphrase", name: "Newcomer" };
  const { register } = await executeOk<{ register: Session }>(
    url,
    `mutation($i: RegisterInput!) { register(input: $i) { ${SESSION} } }`,
    { variables: { i: input } },
  );
  return { ...register, email: input.email, password: input.password };
}

/** A seeded variant with stock, found the way a shopper finds one. */
async function variantInStock(): Promise<{ id: string; sku: string; name: string }> {
  const { products } = await executeOk<{
    products: { nodes: { name: string; variants: { id: string; sku: string; stockOnHand: number }[] }[] };
  }>(
    url,
    `{ products(filter: { inStock: true }, first: 20) { nodes { name variants { id sku stockOnHand } } } }`,
  );
  for (const product of products.nodes) {
    const variant = product.variants.find((v) => v.stockOnHand >= 3);
    if (variant) return { id: variant.id, sku: variant.sku, name: product.name };
  }
  throw new Error("the seeded catalogue has no variant in stock");
}

/** Guest cart → sign-up → merge → checkout with 4242 → PAID, followed live to DELIVERED. */
async function purchase() {
  const variant = await variantInStock();
  const guest = await executeOk<{ addToCart: { cartToken: string } }>(
    url,
    `mutation($v: ID!) { addToCart(variantId: $v, quantity: 2) { cartToken cart { itemCount } } }`,
    { variables: { v: variant.id } },
  );
  const shopper = await register();
  expect(shopper.accessToken).toBeTruthy();
  const token = shopper.accessToken!;
  const merged = await executeOk<{ mergeGuestCart: { itemCount: number } }>(
    url,
    `mutation($t: String!) { mergeGuestCart(cartToken: $t) { itemCount } }`,
    { variables: { t: guest.addToCart.cartToken }, token },
  );
  expect(merged.mergeGuestCart.itemCount).toBe(2);

  const { shippingOptions } = await executeOk<{ shippingOptions: { id: string }[] }>(
    url,
    `query($a: ShippingAddressInput!) { shippingOptions(address: $a) { id } }`,
    { variables: { a: ADDRESS } },
  );
  const { checkout } = await executeOk<{ checkout: { __typename: string; id?: string; status?: string } }>(
    url,
    `mutation($i: CheckoutInput!) { checkout(input: $i) { __typename ... on Order { id status } ... on CheckoutError { code message } } }`,
    {
      token,
      variables: {
        i: {
          idempotencyKey: randomUUID(),
          shippingAddress: ADDRESS,
          shippingOptionId: shippingOptions[0]!.id,
          card: { number: CARDS.ok, expMonth: 12, expYear: 2030, cvc: "123" },
        },
      },
    },
  );
  expect(checkout).toMatchObject({ __typename: "Order", status: "PAID" });

  // Followed live from the first status: every change, with fields from four subgraphs.
  const follow = subscribe<StatusEvent>(url, ORDER_STATUS, {
    variables: { id: checkout.id, after: 0 },
    token,
  });
  probes.push(follow);
  const statuses = () => follow.results.map((r) => r.data?.orderStatusChanged.status);
  await waitFor(statuses, (seen) => seen.includes("DELIVERED"), 60_000);
  expect(follow.results.every((r) => !r.errors)).toBe(true);
  expect(statuses()).toEqual(["PENDING", "PAYMENT_PENDING", "PAID", "SHIPPED", "DELIVERED"]);
  const delivered = follow.results.at(-1)!.data!.orderStatusChanged.order;
  expect(delivered.payment).toEqual({ status: "SUCCEEDED" });
  expect(delivered.shipment?.trackingNumber).toBeTruthy();
  expect(delivered.lines).toEqual([
    { quantity: 2, variant: { sku: variant.sku, product: { name: variant.name } } },
  ]);
  return shopper;
}

describe("npm start, as a newcomer runs it", () => {
  it("prints the seeded accounts, and the customer can sign in", async () => {
    const customer = shop.accounts.find((a) => a.role === "CUSTOMER");
    expect(customer).toBeDefined();
    expect(shop.accounts.map((a) => a.role).sort()).toEqual(["ADMIN", "CUSTOMER"]);
    const session = await login(customer!.email, customer!.password);
    expect(session.accessToken).toBeTruthy();
    const { me } = await executeOk<{ me: { email: string; orders: { nodes: unknown[] } } }>(
      url,
      `{ me { email orders(first: 10) { nodes { id } } } }`,
      { token: session.accessToken! },
    );
    expect(me.email).toBe(customer!.email);
    expect(me.orders.nodes.length).toBeGreaterThan(0);
  });

  it("sign-up, guest cart merge, checkout, shipment and the live order page work", async () => {
    await purchase();
  }, 120_000);

  it("keeps working after every periodic task has come round", async () => {
    const started = Date.now();
    const earlier = await register();
    // Past every interval at least twice: signing keys, sweepers, recovery, JWKS caches.
    await new Promise((resolve) => setTimeout(resolve, 2 * INTERVAL_SECONDS * 1000 + 1000));
    expect(Date.now() - started).toBeGreaterThan(2 * INTERVAL_SECONDS * 1000);

    const again = await login(earlier.email, earlier.password);
    expect(again.accessToken).toBeTruthy();
    const { refresh } = await executeOk<{ refresh: Session }>(
      url,
      `mutation($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }`,
      { variables: { t: again.refreshToken } },
    );
    expect(refresh.accessToken).toBeTruthy();
    // A token signed after the reload is accepted by the router and the subgraphs behind it.
    const me = await execute<{ me: { email: string } }>(url, `{ me { email } }`, {
      token: refresh.accessToken!,
    });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.email).toBe(earlier.email);
    await purchase();
  }, 180_000);

  it("stops cleanly on Ctrl-C: every service stops, in order, within the grace period", async () => {
    const signalled = Date.now();
    await shop.stop();
    expect(Date.now() - signalled).toBeLessThan(25_000);
    const log = shop.output();
    expect(log).not.toMatch(/did not stop within the grace period|second signal|failed to stop cleanly/);
    const stopped = [...log.matchAll(/"component":"([^"]+)","msg":"stopped"/g)].map((m) => m[1]);
    expect(stopped).toEqual([
      "web",
      "router",
      "orders",
      "shipping",
      "payments",
      "cart",
      "catalogue",
      "users",
      "message bus",
    ]);
  }, 60_000);
});
