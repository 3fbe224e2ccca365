import { executeOk, waitFor } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORDER_STATUS, startPlatform, type Platform, type StatusEvent } from "../src";
import {
  SEQUENCE_AT_PAYMENT_PENDING,
  codeOf,
  expectComplete,
  multipartProbe,
  paidOrder,
  routerOver,
  sseGetProbe,
  sseProbe,
  wsProbe,
  type Probe,
} from "./live-orders-support";

/**
 * Resumption after a router restart, on every client transport: a customer follows an order
 * through router A; A stops; the order moves on while no router is up; the customer subscribes
 * again through a fresh router B with `afterSequence` = the last sequence it saw, and gets the
 * missed status (replayed by orders from the order's history) then the next one live, each with
 * every subgraph's fields, nothing lost and nothing twice.
 */
let shop: Platform;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  shop = await startPlatform({ routerEnv: { RATE_LIMIT_PER_MINUTE: "0" } });
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await shop?.stop();
});

type Transport = "graphql-ws" | "sse (POST)" | "sse (GET)" | "multipart";

interface Client {
  probe: Probe<StatusEvent>;
  /** How the client learns the router went away: the documented retryable end of its transport. */
  expectRetryableEnd(): Promise<void>;
}

function follow(
  transport: Transport,
  url: string,
  variables: Record<string, unknown>,
  token: string,
): Client {
  if (transport === "graphql-ws") {
    const probe = wsProbe<StatusEvent>(url, ORDER_STATUS, variables, token);
    cleanups.push(() => probe.close());
    return {
      probe,
      async expectRetryableEnd() {
        // 1001 Going away: the graphql-ws client may reconnect (behind a load balancer, elsewhere).
        expect((await probe.closed).code).toBe(1001);
      },
    };
  }
  const open = { "sse (POST)": sseProbe, "sse (GET)": sseGetProbe, multipart: multipartProbe }[transport];
  const probe = open<StatusEvent>(url, ORDER_STATUS, variables, token);
  cleanups.push(() => probe.close());
  return {
    probe,
    async expectRetryableEnd() {
      await probe.ended;
      const last = probe.results.at(-1);
      expect(codeOf(last)).toBe("SUBGRAPH_UNAVAILABLE");
      expect(last?.errors?.[0]?.extensions?.retryable).toBe(true);
    },
  };
}

const statusesOf = (results: Probe<StatusEvent>["results"]) =>
  results.map((r) => [r.data?.orderStatusChanged.status, r.data?.orderStatusChanged.sequence]);

describe.each<Transport>(["graphql-ws", "sse (POST)", "sse (GET)", "multipart"])(
  "orderStatusChanged over %s across a router restart",
  (transport) => {
    it("delivers the status missed while no router was up after reconnecting to a new router with afterSequence, then the next live, nothing lost or repeated; another customer is refused with FORBIDDEN", async () => {
      const productName = `Restart Mug ${transport}`;
      const { orderId, customer, variant, advance } = await paidOrder(shop, productName);

      // Router A: PAID (replayed after PAYMENT_PENDING) shows the subscription runs.
      const routerA = await routerOver(shop, { RATE_LIMIT_PER_MINUTE: "0" });
      cleanups.push(() => routerA.stop());
      const first = follow(
        transport,
        routerA.url,
        { id: orderId, after: SEQUENCE_AT_PAYMENT_PENDING },
        customer.token,
      );
      const [paid] = await first.probe.waitFor(1);
      expect(paid!.errors).toBeUndefined();
      expect(statusesOf([paid!])).toEqual([["PAID", 3]]);
      expectComplete(paid!.data, variant.sku, productName);

      // Router A stops: the client's stream ends with its transport's retryable end, and A's
      // server is gone (nothing listens on its port).
      await routerA.stop();
      await first.expectRetryableEnd();
      await expect(fetch(routerA.url, { method: "POST" })).rejects.toThrow();
      const seenThroughA = first.probe.results.filter((r) => r.data);
      expect(statusesOf(seenThroughA)).toEqual([["PAID", 3]]);
      const lastSeen = seenThroughA.at(-1)!.data!.orderStatusChanged.sequence;

      // With no router between the client and the subgraphs, the parcel moves on at shipping
      // itself (IN_TRANSIT: the order becomes SHIPPED); orders records it before router B exists,
      // so no client can have had it live.
      await advance(shop.shipping.url);
      await waitFor(
        () =>
          executeOk<{ order: { status: string } }>(
            shop.orders[0]!.url,
            `query($id: ID!) { order(id: $id) { status } }`,
            { variables: { id: orderId }, token: customer.token },
          ),
        ({ order }) => order.status === "SHIPPED",
      );

      // Router B, fresh, on another port over the same subgraphs; the client resumes after what it saw.
      const routerB = await routerOver(shop, { RATE_LIMIT_PER_MINUTE: "0" });
      cleanups.push(() => routerB.stop());
      expect(routerB.url).not.toBe(routerA.url);
      const second = follow(transport, routerB.url, { id: orderId, after: lastSeen }, customer.token);
      const [shipped] = await second.probe.waitFor(1);
      expect(statusesOf([shipped!])).toEqual([["SHIPPED", 4]]);

      await advance(routerB.url); // OUT_FOR_DELIVERY: no order change
      await advance(routerB.url); // DELIVERED, live through router B
      const resumed = await second.probe.waitFor(2);
      expect(resumed.map((r) => r.errors)).toEqual([undefined, undefined]);
      for (const result of resumed) expectComplete(result.data, variant.sku, productName);

      // Resuming is subscribing: another customer asking router B for the same history is refused.
      const stranger = await shop.accounts.customer();
      const refused = follow(transport, routerB.url, { id: orderId, after: lastSeen }, stranger.token);
      const [refusal] = await refused.probe.waitFor(1);
      expect(codeOf(refusal)).toBe("FORBIDDEN");
      expect(refusal!.data ?? null).toBeNull();

      // Across both routers: every status once, in order, with no gap. (One stream delivers in
      // sequence order, so a repeated SHIPPED would have come before DELIVERED.)
      await second.probe.close();
      expect(statusesOf([...seenThroughA, ...second.probe.results])).toEqual([
        ["PAID", 3],
        ["SHIPPED", 4],
        ["DELIVERED", 5],
      ]);
    }, 60_000);
  },
);
