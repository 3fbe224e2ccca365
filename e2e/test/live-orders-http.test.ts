import { executeOk, waitFor, type GraphQLResponseError } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORDER_STATUS, startPlatform, type Platform, type StatusEvent } from "../src";
import {
  SEQUENCE_AT_PAYMENT_PENDING,
  codeOf,
  multipartProbe,
  paidOrder,
  readMetric,
  routerOver,
  sseProbe,
  type Probe,
} from "./live-orders-support";

/**
 * Live order tracking over the router's HTTP transports: GraphQL over Server-Sent Events (the
 * graphql-sse client, distinct connections) and Apollo's multipart subscriptions (Apollo Client 4's
 * HttpLink), each on the same admission, plan and subgraph subscription as graphql-ws.
 */
let shop: Platform;
const HEARTBEAT_MS = 200;
const probes: Probe[] = [];

beforeAll(async () => {
  shop = await startPlatform({
    routerEnv: { RATE_LIMIT_PER_MINUTE: "0", SUBSCRIPTION_HEARTBEAT_MS: String(HEARTBEAT_MS) },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(probes.map((probe) => probe.close()));
  await shop?.stop();
});

type Transport = "sse" | "multipart";

function open<T>(
  transport: Transport,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  url = shop.router.url,
): Probe<T> {
  const probe =
    transport === "sse"
      ? sseProbe<T>(url, query, variables, token)
      : multipartProbe<T>(url, query, variables, token);
  probes.push(probe);
  return probe;
}

const metric = (name: string, labels: Record<string, string> = {}, url = shop.router.metricsUrl) =>
  readMetric(url, name, labels);

describe.each<Transport>(["sse", "multipart"])("orderStatusChanged over %s", (transport) => {
  it("delivers PAID, SHIPPED and DELIVERED with every subgraph's fields, resumes with afterSequence, and ends the subgraph subscription when the client leaves", async () => {
    const { orderId, customer, advance } = await paidOrder(shop, `Streamed Mug ${transport}`);
    const first = open<StatusEvent>(
      transport,
      ORDER_STATUS,
      { id: orderId, after: SEQUENCE_AT_PAYMENT_PENDING },
      customer.token,
    );
    await first.waitFor(1);
    expect(await metric("router_subscriptions_active", { transport })).toBe(1);
    expect(await metric("router_subscription_connections", { transport })).toBe(1);
    await advance(); // IN_TRANSIT: the order becomes SHIPPED
    await first.waitFor(2);

    // The client going away ends its subscription and the router's connection to orders.
    await first.close();
    await waitFor(
      async () => [
        await metric("router_subscriptions_active", { transport }),
        await metric("router_subscription_connections", { transport }),
        await metric("router_subscription_upstream_connections", { subgraph: "orders" }),
      ],
      (open) => open.every((count) => count === 0),
    );

    await advance(); // OUT_FOR_DELIVERY: no order change
    await advance(); // DELIVERED, while no client listens
    const last = first.results.at(-1)!.data!.orderStatusChanged.sequence;
    const second = open<StatusEvent>(transport, ORDER_STATUS, { id: orderId, after: last }, customer.token);
    await second.waitFor(1);

    const results = [...first.results, ...second.results];
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(
      results.map((r) => [r.data!.orderStatusChanged.status, r.data!.orderStatusChanged.sequence]),
    ).toEqual([
      ["PAID", 3],
      ["SHIPPED", 4],
      ["DELIVERED", 5],
    ]);
    for (const { data } of results) {
      const { order } = data!.orderStatusChanged;
      expect(order.payment?.status).toBe("SUCCEEDED");
      expect(order.shipment?.trackingNumber).toMatch(/^1Z\d{16}$/);
      expect(order.lines[0]!.variant.product.name).toBe(`Streamed Mug ${transport}`);
    }
    await second.close();
  }, 60_000);

  it("refuses a customer who does not own the order with FORBIDDEN", async () => {
    const { orderId } = await paidOrder(shop, `Private Streamed Mug ${transport}`);
    const stranger = await shop.accounts.customer();
    const probe = open(transport, ORDER_STATUS, { id: orderId, after: 0 }, stranger.token);
    const [result] = await probe.waitFor(1);
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result!.data ?? null).toBeNull();
    await probe.ended;
  });

  it("refuses an invalid operation and a bad token with their codes, each refusal counted once", async () => {
    const customer = await shop.accounts.customer();
    const invalidBefore = await metric("router_subscribe_rejections_total", { reason: "validation" });
    const invalid = open(transport, `subscription { myOrderUpdates { noSuchField } }`, {}, customer.token);
    expect(codeOf((await invalid.waitFor(1))[0])).toBe("GRAPHQL_VALIDATION_FAILED");
    await invalid.ended;
    expect(await metric("router_subscribe_rejections_total", { reason: "validation" })).toBe(
      invalidBefore + 1,
    );

    const tokenBefore = await metric("router_rejections_total", { reason: "unauthenticated" });
    const badToken = open(transport, `subscription { myOrderUpdates { status } }`, {}, "not-a-jwt");
    expect(codeOf((await badToken.waitFor(1))[0])).toBe("UNAUTHENTICATED");
    await badToken.ended;
    expect(await metric("router_rejections_total", { reason: "unauthenticated" })).toBe(tokenBefore + 1);
  });
});

const MY_ORDER_UPDATES = `subscription { myOrderUpdates { status } }`;

/** Both transports' streams, once the router holds them (the subscription runs). */
async function openBoth(url: string, metricsUrl: string, token: string) {
  const streams = (["sse", "multipart"] as const).map((transport) =>
    open(transport, MY_ORDER_UPDATES, {}, token, url),
  );
  await waitFor(
    () =>
      Promise.all(
        ["sse", "multipart"].map((transport) =>
          metric("router_subscriptions_active", { transport }, metricsUrl),
        ),
      ),
    (running) => running.every((count) => count === 1),
  );
  return streams;
}

describe("connections the router ends", () => {
  it("a session that ends (logout) ends its HTTP streams with UNAUTHENTICATED", async () => {
    const customer = await shop.accounts.customer();
    const { login } = await executeOk<{ login: { accessToken: string; refreshToken: string } }>(
      shop.router.url,
      `mutation($i: LoginInput!) { login(input: $i) { ... on AuthSession { accessToken refreshToken } } }`,
      { variables: { i: { email: customer.email, password: customer.password } } },
    );
    const streams = await openBoth(shop.router.url, shop.router.metricsUrl, login.accessToken);
    await executeOk(shop.router.url, `mutation($t: String!) { logout(refreshToken: $t) }`, {
      variables: { t: login.refreshToken },
    });
    for (const stream of streams) {
      await stream.ended;
      expect(codeOf(stream.results.at(-1))).toBe("UNAUTHENTICATED");
    }
  });

  it("a router that stops ends its HTTP streams with a retryable SUBGRAPH_UNAVAILABLE, without waiting", async () => {
    const router = await routerOver(shop, { RATE_LIMIT_PER_MINUTE: "0" });
    const customer = await shop.accounts.customer();
    const streams = await openBoth(router.url, router.metricsUrl, customer.token);
    const stopping = Date.now();
    await router.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);
    for (const stream of streams) {
      await stream.ended;
      const last = stream.results.at(-1);
      expect(codeOf(last)).toBe("SUBGRAPH_UNAVAILABLE");
      expect(last?.errors?.[0]?.extensions?.retryable).toBe(true);
    }
  });
});

const MULTIPART_ACCEPT = 'multipart/mixed;subscriptionSpec="1.0", application/json';

describe("the HTTP framing", () => {
  it("multipart: heartbeats, a refusal as a payload's errors, the closing boundary", async () => {
    const customer = await shop.accounts.customer();
    const controller = new AbortController();
    const response = await fetch(shop.router.url, {
      method: "POST",
      headers: {
        accept: MULTIPART_ACCEPT,
        "content-type": "application/json",
        authorization: `Bearer ${customer.token}`,
      },
      body: JSON.stringify({ query: `subscription { myOrderUpdates { status } }` }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"',
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    const heartbeats = () => text.split("\r\n\r\n{}\r\n--graphql").length - 1;
    const decoder = new TextDecoder();
    while (heartbeats() < 3) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended early: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
    expect(text.startsWith("\r\n--graphql\r\ncontent-type: application/json")).toBe(true);
    controller.abort();
    await waitFor(
      () => metric("router_subscriptions_active", { transport: "multipart" }),
      (active) => active === 0,
    );

    const refused = await fetch(shop.router.url, {
      method: "POST",
      headers: { accept: MULTIPART_ACCEPT, "content-type": "application/json" },
      body: JSON.stringify({ query: `subscription { myOrderUpdates { status } }` }),
    });
    const body = await refused.text();
    // Not signed in: myOrderUpdates is refused by orders, as a payload with errors, then the end.
    expect(body).toMatch(
      /\{"payload":\{"errors":\[\{"message":"You must be signed in[^}]*\}\],"path":\["myOrderUpdates"\],"extensions":\{"code":"UNAUTHENTICATED"/,
    );
    expect(body.endsWith("\r\n--graphql--\r\n")).toBe(true);

    const badToken = await fetch(shop.router.url, {
      method: "POST",
      headers: { accept: MULTIPART_ACCEPT, "content-type": "application/json", authorization: "Bearer nope" },
      body: JSON.stringify({ query: `subscription { myOrderUpdates { status } }` }),
    });
    // A transport-level error: the connection's credentials, not the operation.
    expect(await badToken.text()).toMatch(/\{"payload":null,"errors":\[\{"message":"Invalid access token"/);
  });

  it("SSE by GET: a refusal is a next event with the errors, then complete", async () => {
    const url = new URL(shop.router.url);
    url.searchParams.set("query", `subscription { myOrderUpdates { nope } }`);
    const response = await fetch(url, { headers: { accept: "text/event-stream" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const text = await response.text();
    expect(text).toMatch(/event: next\ndata: \{"errors":\[\{"message":"Cannot query field \\"nope\\"/);
    expect(text).toContain('"code":"GRAPHQL_VALIDATION_FAILED"');
    expect(text.endsWith("event: complete\ndata:\n\n")).toBe(true);
  });

  it("the same API keys, persisted-operation policy, CORS and forgery rule as HTTP", async () => {
    const url = new URL(shop.router.url);
    url.searchParams.set("query", `subscription { myOrderUpdates { status } }`);
    // A safelisted partner may only run its manifest's operations, over every transport.
    const partner = await fetch(url, {
      headers: { accept: "text/event-stream", "x-api-key": "dev-only-partner-example-key" },
    });
    expect(await partner.text()).toContain('"code":"PERSISTED_QUERY_REQUIRED"');
    const unknownKey = await fetch(url, { headers: { accept: "text/event-stream", "x-api-key": "nope" } });
    expect(await unknownKey.text()).toContain('"code":"INVALID_API_KEY"');

    // A page on an allowed origin may read the stream; a cross-site GET without a proof header is refused.
    const allowed = await fetch(url, {
      headers: {
        accept: MULTIPART_ACCEPT,
        origin: "http://localhost:3000",
        "sec-fetch-site": "same-site",
        "x-api-key": "nope",
      },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    await allowed.text();
    const forged = await fetch(url, {
      headers: {
        accept: "text/event-stream",
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { errors: GraphQLResponseError[] }).errors[0]!.extensions!.code).toBe(
      "BAD_REQUEST",
    );
  });

  it("a query sent with a streaming Accept header is answered as before", async () => {
    for (const accept of [MULTIPART_ACCEPT, "text/event-stream, application/json"]) {
      const response = await fetch(shop.router.url, {
        method: "POST",
        headers: { accept, "content-type": "application/json" },
        body: JSON.stringify({ query: `{ __typename }` }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    }
  });
});
