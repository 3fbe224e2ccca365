import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { startTestRouter } from "@storefront/router/testing";
import { executeOk, subscribe, waitFor, type GraphQLResponseError } from "@storefront/testkit";
import { createClient } from "graphql-sse";
import { expect } from "vitest";
import type { Platform, StatusEvent } from "../src";

/**
 * What the live-order tests share: one client of each transport behind the same probe shape, the
 * paid order they follow, a router of their own over a platform's subgraphs, and metric reads.
 */

export interface Result<T> {
  data?: T | null;
  errors?: readonly GraphQLResponseError[];
}

/** One client subscription, whichever client runs it: what it received, and how it ended. */
export interface Probe<T = unknown> {
  results: Result<T>[];
  waitFor(count: number): Promise<Result<T>[]>;
  /** Resolves when the stream ends (completed or failed). */
  ended: Promise<void>;
  close(): Promise<void>;
}

function collector<T>() {
  const results: Result<T>[] = [];
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  return {
    results,
    ended,
    finish,
    waitFor: (count: number) =>
      waitFor(
        () => Promise.resolve(results),
        (all) => all.length >= count,
      ).then((all) => all.slice(0, count)),
  };
}

/** The graphql-sse client (distinct connections mode), not retrying on its own. */
export function sseProbe<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Probe<T> {
  const client = createClient({
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const seen = collector<T>();
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => seen.results.push(result as Result<T>),
      error: (error: unknown) => {
        seen.results.push({ errors: [{ message: String(error), extensions: { code: "CLIENT_ERROR" } }] });
        seen.finish();
      },
      complete: () => seen.finish(),
    },
  );
  return {
    ...seen,
    close: () => {
      dispose();
      client.dispose();
      return Promise.resolve();
    },
  };
}

/**
 * GraphQL over SSE by GET (the graphql-sse protocol's other request form, as an EventSource
 * sends it), read from the raw stream: the operation in the query string, each `next` event's
 * data a result, `complete` (or the stream closing) the end.
 */
export function sseGetProbe<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Probe<T> {
  const target = new URL(url);
  target.searchParams.set("query", query);
  target.searchParams.set("variables", JSON.stringify(variables));
  const controller = new AbortController();
  const seen = collector<T>();
  const read = async () => {
    const response = await fetch(target, {
      headers: { accept: "text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: controller.signal,
    });
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const event = lines
          .find((line) => line.startsWith("event:"))
          ?.slice(6)
          .trim();
        const data = lines
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trimStart())
          .join("\n");
        if (event === "next") seen.results.push(JSON.parse(data) as Result<T>);
        if (event === "complete") return;
      }
    }
  };
  read()
    .catch((error: unknown) => {
      if (!controller.signal.aborted) {
        seen.results.push({ errors: [{ message: String(error), extensions: { code: "CLIENT_ERROR" } }] });
      }
    })
    .finally(() => seen.finish());
  return {
    ...seen,
    close: () => {
      controller.abort();
      return Promise.resolve();
    },
  };
}

/** Apollo Client 4's HttpLink, which speaks Apollo's multipart subscription protocol. */
export function multipartProbe<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Probe<T> {
  const client = new ApolloClient({
    link: new HttpLink({
      uri: url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    cache: new InMemoryCache(),
  });
  const seen = collector<T>();
  const subscription = client
    .subscribe<T>({ query: gql(query), variables, fetchPolicy: "no-cache" })
    .subscribe({
      next: (result) => {
        // Apollo Client hands a GraphQL error (a payload's) and a protocol error (the transport's)
        // to the application as `error`; both carry the errors the router sent.
        const errors = (result.error as { errors?: readonly GraphQLResponseError[] } | undefined)?.errors;
        seen.results.push({ data: result.data, ...(errors ? { errors } : {}) });
      },
      error: (error: unknown) => {
        const errors = (error as { errors?: readonly GraphQLResponseError[] }).errors ?? [
          { message: String(error), extensions: { code: "CLIENT_ERROR" } },
        ];
        seen.results.push({ errors });
        seen.finish();
      },
      complete: () => seen.finish(),
    });
  return {
    ...seen,
    close: () => {
      subscription.unsubscribe();
      client.stop();
      return Promise.resolve();
    },
  };
}

/** The graphql-ws client (testkit's probe); `closed` is the socket's close code and reason. */
export function wsProbe<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Probe<T> & { closed: Promise<{ code?: number; reason?: string }> } {
  const probe = subscribe<T>(url, query, { variables, ...(token ? { token } : {}) });
  return {
    results: probe.results,
    waitFor: (count) => probe.waitFor(count),
    ended: probe.ended.then(() => {}),
    closed: probe.ended,
    close: () => probe.close(),
  };
}

export const codeOf = (result: Result<unknown> | undefined) => result?.errors?.[0]?.extensions?.code;

/** One sample of a Prometheus metric from a router's metrics endpoint (0 when absent). */
export async function readMetric(metricsUrl: string, name: string, labels: Record<string, string> = {}) {
  const text = await (await fetch(metricsUrl)).text();
  const line = text
    .split("\n")
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.split(" ").pop()) : 0;
}

/** PENDING is sequence 1 and PAYMENT_PENDING 2; subscribing after 2 replays PAID first. */
export const SEQUENCE_AT_PAYMENT_PENDING = 2;

/**
 * A paid order of a new customer whose shipment exists, and a way to move its parcel on: through
 * the platform's router by default, or at any URL serving `advanceShipment` (the shipping
 * subgraph itself, when no router should be involved).
 */
export async function paidOrder(platform: Platform, productName: string) {
  const url = platform.router.url;
  const variant = await platform.variantWithStock(5, 1250, productName);
  const customer = await platform.accounts.customer();
  const placed = await platform.placeOrder(customer.token, variant.id, { quantity: 2 });
  expect(placed.status).toBe("PAID");
  const orderId = placed.id!;
  const admin = await platform.accounts.admin();
  const shipmentId = await waitFor(
    async () => {
      const { shipments } = await executeOk<{
        shipments: { nodes: { id: string; order: { id: string } }[] };
      }>(url, `{ shipments(first: 100) { nodes { id order { id } } } }`, { token: admin.token });
      return shipments.nodes.find((s) => s.order.id === orderId)?.id;
    },
    (id) => id !== undefined,
  );
  const advance = (at = url) =>
    executeOk(at, `mutation($id: ID!) { advanceShipment(id: $id) { status } }`, {
      variables: { id: shipmentId },
      token: admin.token,
    });
  return { orderId, customer, admin, variant, advance };
}

/** Every cross-subgraph field of an event: orders' total, payments, shipping and the catalogue. */
export function expectComplete(event: StatusEvent | null | undefined, sku: string, productName: string) {
  const order = event!.orderStatusChanged.order;
  expect(order.total.amount).toBeGreaterThan(2500);
  expect(order.payment?.status).toBe("SUCCEEDED");
  expect(order.shipment?.trackingNumber).toMatch(/^1Z\d{16}$/);
  // toMatchObject: Apollo Client adds __typename to what it selects.
  expect(order.lines).toMatchObject([{ quantity: 2, variant: { sku, product: { name: productName } } }]);
}

/** Another router over the platform's subgraphs (orders: its first replica), on a port of its own. */
export function routerOver(platform: Platform, env: Record<string, string> = {}) {
  return startTestRouter(
    [
      ...(["users", "catalogue", "cart", "payments", "shipping"] as const).map((name) => ({
        name,
        url: platform[name].url,
      })),
      { name: "orders", url: platform.orders[0]!.url },
    ],
    { env },
  );
}
