import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SpanKind,
  configureTracing,
  flushTracing,
  inSpan,
  shutdownTracing,
  tracingConfig,
} from "@storefront/platform/tracing";
import { createLogger } from "@storefront/platform/logger";
import { executeOk, subscribe, waitFor } from "@storefront/testkit";
import { startOtlpReceiver } from "@storefront/testkit/otlp-receiver";
import { CARDS, type Platform, startPlatform } from "../src";
import { ORDER_STATUS, type StatusEvent } from "../src/operations";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let platform: Platform;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // The same parsing the OTEL_* variables go through in a process entry point.
  configureTracing(
    tracingConfig({
      OTEL_TRACES_EXPORTER: "otlp",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "200",
    }),
  );
  platform = await startPlatform();
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await shutdownTracing();
  await receiver?.close();
});

const ORDER = `query($id: ID!) { order(id: $id) { shipment { trackingNumber } } }`;

describe("tracing across the platform, over RabbitMQ", () => {
  it("one checkout is one trace: router, the subgraphs it reaches, and shipping's consumer", async () => {
    const variant = await platform.variantWithStock(5, 1900, "Traced Lamp");
    const customer = await platform.accounts.customer("Traced Shopper");
    const placed = await platform.placeOrder(customer.token, variant.id, { card: CARDS.ok });
    expect(placed.__typename).toBe("Order");
    await waitFor(
      () =>
        executeOk<{ order: { shipment: unknown } }>(platform.router.url, ORDER, {
          variables: { id: placed.id },
          token: customer.token,
        }),
      (view) => view.order.shipment !== null,
    );

    // The checkout's trace: the one in which orders asked shipping for the shipment.
    const traceOfCheckout = () =>
      receiver.spans.find((s) => s.service === "orders" && s.name === "publish orders.shipment-requested.v1")
        ?.traceId;
    const consumerOf = (traceId: string | undefined) =>
      receiver.spans.find(
        (s) =>
          s.traceId === traceId &&
          s.service === "shipping" &&
          s.kind === SpanKind.CONSUMER + 1 &&
          s.name === "process orders.shipment-requested.v1",
      );
    await waitFor(
      async () => {
        await flushTracing();
        return consumerOf(traceOfCheckout());
      },
      (span) => span !== undefined,
    );
    const traceId = traceOfCheckout()!;
    const trace = receiver.spans.filter((s) => s.traceId === traceId);
    const services = new Set(trace.map((s) => s.service));
    for (const service of ["router", "orders", "catalogue", "payments", "cart", "shipping"])
      expect(services, `spans of ${service} in the checkout's trace`).toContain(service);
    expect(receiver.contentTypes).toEqual(new Set(["application/json"]));

    // Every span but the router's request span has its parent in the trace (propagation held).
    const ids = new Set(trace.map((s) => s.spanId));
    const roots = trace.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    expect(roots.map((s) => `${s.service}: ${s.name}`)).toHaveLength(1);
    expect(roots[0]!.service).toBe("router");
    expect(roots[0]!.attributes).toMatchObject({ "graphql.operation.type": "mutation" });
    expect(trace.some((s) => s.service === "router" && s.name === "fetch orders")).toBe(true);

    // The router's own spans: admission with its stages, planning, a fetch per subgraph with its HTTP status.
    const admission = trace.find((s) => s.service === "router" && s.name === "admission");
    expect(admission?.attributes).toMatchObject({ "graphql.admission.outcome": "admitted" });
    const stages = trace.filter((s) => s.parentSpanId === admission?.spanId).map((s) => s.name);
    expect(stages).toEqual(
      expect.arrayContaining([
        "admission document source",
        "admission parse and validate",
        "admission limits",
      ]),
    );
    expect(trace.some((s) => s.service === "router" && s.name === "plan")).toBe(true);
    const fetchOrders = trace.find((s) => s.service === "router" && s.name === "fetch orders");
    expect(fetchOrders?.attributes).toMatchObject({
      "graphql.subgraph.name": "orders",
      "http.response.status_code": 200,
    });
    // Orders' operation span continues the router's fetch; its calls to payments are client spans.
    const ordersServer = trace.find((s) => s.service === "orders" && s.parentSpanId === fetchOrders?.spanId);
    expect(ordersServer?.kind).toBe(SpanKind.SERVER + 1);
    const paymentsCall = trace.find(
      (s) =>
        s.service === "orders" &&
        s.kind === SpanKind.CLIENT + 1 &&
        s.attributes["peer.service"] === "payments",
    );
    expect(paymentsCall).toBeDefined();
    expect(trace.some((s) => s.service === "payments" && s.parentSpanId === paymentsCall!.spanId)).toBe(true);

    // The message: orders' publish is the parent of shipping's consumer span.
    const consumer = consumerOf(traceId)!;
    const producer = trace.find((s) => s.spanId === consumer.parentSpanId);
    expect(producer).toMatchObject({ service: "orders", kind: SpanKind.PRODUCER + 1 });

    // SQL spans say the statement's kind and table and nothing of its values.
    const sql = trace.filter((s) => s.attributes["db.system.name"] === "postgresql");
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((s) => s.service === "orders" && s.name === "INSERT orders")).toBe(true);
    for (const span of sql) {
      expect(span.name).toMatch(/^[A-Z]+( \w+)?$/);
      expect(Object.keys(span.attributes).sort()).toEqual(
        ["db.collection.name", "db.operation.name", "db.system.name"].filter(
          (key) => key !== "db.collection.name" || span.attributes[key] !== undefined,
        ),
      );
    }
    // Each lasts as long as its statement ran, from sending it to its result.
    for (const span of sql)
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThan(BigInt(span.startTimeUnixNano));
    // The order's shipment was read through shipping's DataLoader, one batch span per batch.
    const batch = receiver.spans.find(
      (s) => s.service === "shipping" && s.name === "dataloader shipmentByOrderId",
    );
    expect(batch?.attributes["dataloader.batch.size"]).toBeGreaterThan(0);
    const everything = JSON.stringify(trace);
    for (const secret of [customer.token, CARDS.ok, "Traced Lamp", placed.id])
      expect(everything).not.toContain(secret);
  }, 60_000);

  it("each subscription event is a router span, parent of the fetches that complete it", async () => {
    const variant = await platform.variantWithStock(5, 1900, "Followed Lamp");
    const customer = await platform.accounts.customer("Following Shopper");
    const placed = await platform.placeOrder(customer.token, variant.id, { card: CARDS.ok });
    // From the start of the order's history: its statuses so far arrive as events at once.
    const probe = subscribe<StatusEvent>(platform.router.url, ORDER_STATUS, {
      variables: { id: placed.id, after: 0 },
      token: customer.token,
    });
    try {
      const [first] = await probe.waitFor(1);
      expect(first?.data?.orderStatusChanged.order.payment).not.toBeNull();
    } finally {
      await probe.close();
    }
    const eventWithFetch = () => {
      const events = receiver.spans.filter((s) => s.service === "router" && s.name === "subscription event");
      return events.find((event) =>
        receiver.spans.some((s) => s.parentSpanId === event.spanId && s.name === "fetch payments"),
      );
    };
    const event = await waitFor(
      async () => {
        await flushTracing();
        return eventWithFetch();
      },
      (span) => span !== undefined,
    );
    expect(event!.attributes).toMatchObject({
      "graphql.operation.type": "subscription",
      "graphql.operation.name": "Follow",
      "graphql.subgraph.name": "orders",
    });
  }, 60_000);

  it("a log line written inside a span carries its trace and span ids", async () => {
    const lines: string[] = [];
    const log = createLogger({ service: "orders", output: { write: (line: string) => lines.push(line) } });
    const ids = await inSpan("orders", "work", { kind: SpanKind.INTERNAL }, (span) => {
      log.info("inside");
      return Promise.resolve(span.spanContext());
    });
    log.info("outside");
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: "inside", trace_id: ids.traceId, span_id: ids.spanId });
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(outside).not.toHaveProperty("trace_id");
  });
});
