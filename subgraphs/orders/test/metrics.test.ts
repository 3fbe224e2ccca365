import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useStack } from "@storefront/testkit";
import { CARDS, startStack } from "./stack";

const s = useStack(() => startStack());

type Series = { name: string; labels: Record<string, string>; value: number }[];

/** The orders service's `/metrics`, parsed from the Prometheus text format. */
async function scrape(): Promise<Series> {
  const text = await (await fetch(s.orders.metricsUrl)).text();
  const series: Series = [];
  for (const line of text.split("\n")) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!;
    series.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return series;
}

/** The value of one series (0 when it has not appeared yet). */
function valueIn(series: Series, name: string, labels: Record<string, string> = {}): number {
  const found = series.find(
    (entry) =>
      entry.name === name && Object.entries(labels).every(([key, value]) => entry.labels[key] === value),
  );
  return found?.value ?? 0;
}

/** How much each series grew between two scrapes. */
function growth(before: Series, after: Series) {
  return (name: string, labels: Record<string, string> = {}) =>
    valueIn(after, name, labels) - valueIn(before, name, labels);
}

const stageCount = (stage: string, outcome: string) =>
  ["checkout_stage_duration_seconds_count", { stage, outcome }] as const;

describe("checkout metrics", () => {
  it("a declined checkout is counted as declined, with each stage it went through timed", async () => {
    const variant = await s.variantWithStock(3);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const before = await scrape();
    const declined = (await s.checkout(customer.token, { card: CARDS.declined })).data!.checkout;
    expect(declined).toMatchObject({ code: "PAYMENT_DECLINED" });
    const grew = growth(before, await scrape());

    expect(grew("checkouts_total", { outcome: "declined" })).toBe(1);
    expect(grew("checkouts_total", { outcome: "paid" })).toBe(0);
    for (const stage of ["load_cart", "quote_shipping", "create_order", "reserve_stock", "release_stock"])
      expect(grew(...stageCount(stage, "ok")), stage).toBe(1);
    expect(grew(...stageCount("charge_payment", "refused"))).toBe(1);
    expect(
      grew("checkout_stage_duration_seconds_sum", { stage: "charge_payment", outcome: "refused" }),
    ).toBeGreaterThan(0);
    // A declined payment never reaches the sale.
    expect(grew(...stageCount("sell_stock", "ok"))).toBe(0);
  });

  it("a paid checkout goes through the sale and the shipment request, and asking again is a replay", async () => {
    const variant = await s.variantWithStock(3);
    const customer = await s.customer();
    await s.addToCart(variant, 1, { token: customer.token });
    const key = randomUUID();
    const before = await scrape();
    expect((await s.checkout(customer.token, { key })).data!.checkout).toMatchObject({ status: "PAID" });
    expect((await s.checkout(customer.token, { key })).data!.checkout).toMatchObject({ status: "PAID" });
    const grew = growth(before, await scrape());

    expect(grew("checkouts_total", { outcome: "paid" })).toBe(1);
    expect(grew("checkouts_total", { outcome: "replayed" })).toBe(1);
    for (const stage of ["charge_payment", "sell_stock", "request_shipment", "empty_cart"])
      expect(grew(...stageCount(stage, "ok")), stage).toBe(1);
  });

  it("bad input is counted as invalid, not as a failure", async () => {
    const customer = await s.customer();
    const before = await scrape();
    const refused = await s.checkout(customer.token, { key: "short" });
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const grew = growth(before, await scrape());
    expect(grew("checkouts_total", { outcome: "invalid" })).toBe(1);
    expect(grew("checkouts_total", { outcome: "failed" })).toBe(0);
  });

  it("the service reports its outbox, its queue and its database pool", async () => {
    const series = await scrape();
    const present = (name: string, labels: Record<string, string>) =>
      series.some(
        (entry) =>
          entry.name === name && Object.entries(labels).every(([key, value]) => entry.labels[key] === value),
      );
    expect(present("outbox_messages_pending", { table: "outbox", service: "orders" })).toBe(true);
    expect(present("outbox_oldest_pending_age_seconds", { table: "outbox" })).toBe(true);
    expect(
      series.some(
        (entry) => entry.name === "queue_messages" && entry.labels.queue?.endsWith(".shipment-events"),
      ),
    ).toBe(true);
    expect(valueIn(series, "db_pool_connections_max", { driver: s.orders.database.driver })).toBeGreaterThan(
      0,
    );
  });
});
