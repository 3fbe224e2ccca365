import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { execute, executeOk, waitFor, type ExecuteResult } from "@storefront/testkit";
import { startPlatform, type Platform } from "../src";

/**
 * A session that ends (logout, a role change) stops working everywhere within seconds, not when
 * its access token expires: at the router, directly at a subgraph, for new WebSocket connections,
 * and for subscriptions already open (closed with 4403), on the router's and the subgraph's side.
 * Every verifier follows the users subgraph's revocation feed; nothing here waits for expiry.
 */
let platform: Platform;
const sockets: Client[] = [];

beforeAll(async () => {
  platform = await startPlatform({ routerEnv: { RATE_LIMIT_PER_MINUTE: "0" } });
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map(async (client) => client.dispose()));
  await platform?.stop();
});

/** The brief's promise: a revoked session stops working within this. */
const WITHIN_MS = 5_000;

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { ... on AuthSession { accessToken refreshToken } } }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;
const MY_ORDERS = `{ myOrders(first: 1) { nodes { id } } }`;
const MY_ORDER_UPDATES = `subscription { myOrderUpdates { status } }`;

async function signIn(email: string, password: string) {
  const { login } = await executeOk<{ login: { accessToken: string; refreshToken: string } }>(
    platform.router.url,
    LOGIN,
    { variables: { i: { email, password } } },
  );
  return login;
}

const isUnauthenticated = (result: ExecuteResult<unknown>) =>
  result.errors?.[0]?.extensions?.code === "UNAUTHENTICATED";

/** Polls until `token` is refused with UNAUTHENTICATED at `url`; fails after WITHIN_MS. */
async function refusedWithin(url: string, query: string, token: string) {
  const result = await waitFor(() => execute(url, query, { token }), isUnauthenticated, WITHIN_MS);
  expect(result.errors?.[0]?.message).toBe("This session has ended. Please sign in again.");
}

/**
 * A graphql-ws subscription that reports when the server acknowledged the connection and how the
 * socket closed.
 */
function openSubscription(httpUrl: string, token: string) {
  let acked = () => {};
  const connected = new Promise<void>((resolve) => (acked = resolve));
  let onClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: { authorization: `Bearer ${token}` },
    on: {
      connected: () => acked(),
      closed: (event) => onClosed((event as { code: number }).code),
    },
    onNonLazyError: () => {},
  });
  sockets.push(client);
  client.subscribe({ query: MY_ORDER_UPDATES }, { next: () => {}, error: () => {}, complete: () => {} });
  return { connected, closed };
}

/** Resolves with the close code, or fails when the socket is still open after WITHIN_MS. */
async function closedWithin(closed: Promise<number>) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`still open ${WITHIN_MS} ms after the session ended`)),
      WITHIN_MS,
    );
  });
  try {
    return await Promise.race([closed, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe("a session that ends stops working everywhere within seconds", () => {
  it("after logout the old access token is refused at the router, at a subgraph and for a new WebSocket", async () => {
    const customer = await platform.accounts.customer();
    const session = await signIn(customer.email, customer.password);
    const orders = platform.orders[0]!.url;
    await executeOk(platform.router.url, MY_ORDERS, { token: session.accessToken });
    await executeOk(orders, MY_ORDERS, { token: session.accessToken });

    await executeOk(platform.router.url, LOGOUT, { variables: { t: session.refreshToken } });
    const loggedOutAt = Date.now();
    await refusedWithin(platform.router.url, MY_ORDERS, session.accessToken);
    await refusedWithin(orders, MY_ORDERS, session.accessToken);
    await refusedWithin(platform.catalogue.url, `{ __typename }`, session.accessToken);
    expect(Date.now() - loggedOutAt).toBeLessThan(WITHIN_MS);

    const late = openSubscription(platform.router.url, session.accessToken);
    expect(await closedWithin(late.closed)).toBe(4403);

    // The customer's other sign-ins are separate sessions and keep working.
    const other = await signIn(customer.email, customer.password);
    await executeOk(platform.router.url, MY_ORDERS, { token: other.accessToken });
  });

  it("after logout the session's open subscriptions are closed with 4403, at the router and at the subgraph", async () => {
    const customer = await platform.accounts.customer();
    const session = await signIn(customer.email, customer.password);
    const throughRouter = openSubscription(platform.router.url, session.accessToken);
    const atOrders = openSubscription(platform.orders[0]!.url, session.accessToken);
    await Promise.all([throughRouter.connected, atOrders.connected]);

    await executeOk(platform.router.url, LOGOUT, { variables: { t: session.refreshToken } });
    expect(await closedWithin(throughRouter.closed)).toBe(4403);
    expect(await closedWithin(atOrders.closed)).toBe(4403);
  });

  it("a demoted administrator's token no longer passes an admin-only operation", async () => {
    const admin = await platform.accounts.admin();
    const demoted = await platform.accounts.admin();
    const SHIPMENTS = `{ shipments(first: 1) { nodes { id } } }`;
    await executeOk(platform.router.url, SHIPMENTS, { token: demoted.token });
    await executeOk(platform.shipping.url, SHIPMENTS, { token: demoted.token });

    await executeOk(
      platform.router.url,
      `mutation($id: ID!) { setUserRole(userId: $id, role: CUSTOMER) { role } }`,
      { variables: { id: demoted.id }, token: admin.token },
    );
    await refusedWithin(platform.router.url, SHIPMENTS, demoted.token);
    await refusedWithin(platform.shipping.url, SHIPMENTS, demoted.token);
    // Signed in again, the account has the customer's rights only.
    const again = await platform.accounts.signIn(demoted.email);
    const refused = await execute(platform.router.url, SHIPMENTS, { token: again });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
