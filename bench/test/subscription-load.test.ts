import { describe, expect, it } from "vitest";
import {
  MultipartParser,
  SseParser,
  byLabel,
  changedRanks,
  expectedUpstream,
  packConnections,
  parseMetrics,
  skewedCounts,
  subscribersOf,
  sumOf,
} from "../subscription-load";

describe("the subscribers' skew over orders", () => {
  it("gives every order at least one subscriber, the hottest most, and adds up to the size", () => {
    const counts = skewedCounts(10_000, 1_000);
    expect(counts).toHaveLength(1_000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(counts[0]).toBeGreaterThan(1_000);
    expect(counts[0]! / counts[9]!).toBeCloseTo(10, 0);
    expect(counts.filter((n) => n <= 2).length).toBeGreaterThan(300);
    for (let r = 1; r < counts.length; r++) expect(counts[r]).toBeLessThanOrEqual(counts[r - 1]!);
  });

  it("never spreads over more orders than there are subscribers", () => {
    expect(skewedCounts(3, 10)).toEqual([1, 1, 1]);
    expect(skewedCounts(500, 50).reduce((a, b) => a + b, 0)).toBe(500);
  });

  it("puts an order's subscribers on its customer's sessions in turn, and expects one upstream subscription per order and session", () => {
    const subscribers = subscribersOf([5, 2, 1], 4);
    expect(subscribers.map((s) => `${s.rank}/${s.session}`)).toEqual([
      "0/0",
      "0/1",
      "0/2",
      "0/3",
      "0/0",
      "1/0",
      "1/1",
      "2/0",
    ]);
    expect(expectedUpstream(subscribers, (s) => `${s.rank}:${s.session}`)).toBe(4 + 2 + 1);
  });

  it("changes orders from the hottest to the coldest on a log scale, each once", () => {
    expect(changedRanks(6, 1_000)).toEqual([0, 2, 14, 62, 250, 999]);
    expect(changedRanks(1, 50)).toEqual([0]);
    expect(changedRanks(4, 3)).toEqual([0, 1, 2]);
  });

  it("packs subscriptions of one token onto connections of at most the given size", () => {
    const items = [
      { token: "a", n: 1 },
      { token: "b", n: 2 },
      { token: "a", n: 3 },
      { token: "a", n: 4 },
    ];
    const packed = packConnections(items, (i) => i.token, 2);
    expect(packed.map((c) => c.map((i) => i.n))).toEqual([[1, 3], [4], [2]]);
    expect(packConnections(items, (i) => i.token, 1)).toHaveLength(4);
  });
});

describe("the router's metrics", () => {
  const samples = parseMetrics(
    [
      "# HELP subgraph_fetches_total Fetches",
      'subgraph_fetches_total{subgraph="payments",outcome="ok"} 12',
      'subgraph_fetches_total{subgraph="payments",outcome="error"} 1',
      'subgraph_fetches_total{subgraph="shipping",outcome="ok"} 4',
      'router_subscriptions_active{transport="sse"} 3',
      'router_subscriptions_active{transport="graphql-ws"} 7',
      "nodejs_heap_size_used_bytes 1234",
    ].join("\n"),
  );

  it("sums a metric over its labels, or those matching", () => {
    expect(sumOf(samples, "router_subscriptions_active")).toBe(10);
    expect(sumOf(samples, "router_subscriptions_active", { transport: "sse" })).toBe(3);
    expect(sumOf(samples, "nodejs_heap_size_used_bytes")).toBe(1234);
    expect(sumOf(samples, "absent")).toBe(0);
  });

  it("sums a metric by one label", () => {
    expect(byLabel(samples, "subgraph_fetches_total", "subgraph")).toEqual({ payments: 13, shipping: 4 });
  });
});

describe("the HTTP stream framings", () => {
  it("reads graphql-sse events split anywhere, skipping heartbeats", () => {
    const parser = new SseParser();
    const stream = ':\n\nevent: next\ndata: {"data":{"a":1}}\n\n:\n\nevent: complete\ndata: \n\n';
    const events = [];
    for (let i = 0; i < stream.length; i += 7) events.push(...parser.push(stream.slice(i, i + 7)));
    expect(events).toEqual([
      { event: "next", data: '{"data":{"a":1}}' },
      { event: "complete", data: "" },
    ]);
  });

  it("reads Apollo multipart parts split anywhere, heartbeats as {}, and sees the closing delimiter", () => {
    const part = (body: unknown) =>
      `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}\r\n--graphql`;
    const stream = `\r\n--graphql${part({})}${part({ payload: { data: { a: 1 } } })}${part({ payload: null, errors: [{ message: "x" }] })}--\r\n`;
    const boundary = MultipartParser.boundaryOf('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
    expect(boundary).toBe("graphql");
    const parser = new MultipartParser(boundary);
    const parts = [];
    for (let i = 0; i < stream.length; i += 5) parts.push(...parser.push(stream.slice(i, i + 5)));
    expect(parts).toEqual([
      {},
      { payload: { data: { a: 1 } } },
      { payload: null, errors: [{ message: "x" }] },
    ]);
    expect(parser.ended).toBe(true);
  });
});
