import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type Platform, startPlatform } from "../src";
import { exposedMetricNames, metricNamesIn } from "../src/promql";

/**
 * The dashboard and the alert rules in deploy/observability are only as good as the names they
 * read: a renamed metric turns a panel blank and an alert silent without any error. Here every
 * expression is checked against what the running services actually expose on /metrics.
 */
const observability = path.resolve(import.meta.dirname, "../../deploy/observability");

interface Dashboard {
  templating: { list: { name: string; definition?: string }[] };
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
}
interface RuleFile {
  groups: {
    name: string;
    rules: {
      alert: string;
      expr: string;
      labels?: { severity?: string };
      annotations?: { summary?: string };
    }[];
  }[];
}

const dashboard = JSON.parse(
  readFileSync(path.join(observability, "storefront-dashboard.json"), "utf8"),
) as Dashboard;
const rules = parseYaml(readFileSync(path.join(observability, "alert-rules.yaml"), "utf8")) as RuleFile;
/** Series Prometheus makes itself for every target. */
const PROMETHEUS_SERIES = ["up"];

let platform: Platform;
let exposed: Set<string>;

beforeAll(async () => {
  platform = await startPlatform();
  const services = [
    platform.router,
    platform.users,
    platform.catalogue,
    platform.cart,
    platform.payments,
    platform.orders[0]!,
    platform.shipping,
  ];
  exposed = new Set(PROMETHEUS_SERIES);
  for (const service of services) {
    const scrape = await fetch(service.metricsUrl);
    expect(scrape.status).toBe(200);
    for (const name of exposedMetricNames(await scrape.text())) exposed.add(name);
  }
}, 120_000);
afterAll(() => platform?.stop());

describe("dashboard and alert rules", () => {
  it("name only metrics the services export", () => {
    const expressions = [
      ...dashboard.panels.flatMap((panel) =>
        (panel.targets ?? []).map((target) => ({ where: panel.title, expr: target.expr })),
      ),
      ...rules.groups.flatMap((group) => group.rules.map((rule) => ({ where: rule.alert, expr: rule.expr }))),
    ];
    const unknown = expressions.flatMap(({ where, expr }) =>
      metricNamesIn(expr)
        .filter((name) => !exposed.has(name))
        .map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
    // Many expressions, so a reader that found nothing would not pass unnoticed.
    expect(expressions.length).toBeGreaterThan(30);
  });

  it("read their template variables from exported metrics", () => {
    const variables = dashboard.templating.list.filter((variable) => variable.definition);
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) {
      const metric = /label_values\(\s*(\w+)\s*,/.exec(variable.definition!)?.[1];
      expect(metric && exposed.has(metric), `${variable.name} reads ${metric}`).toBe(true);
    }
  });

  it("cover the signals an operator is paged or ticketed for", () => {
    const alerts = rules.groups.flatMap((group) => group.rules);
    for (const rule of alerts) {
      expect(["page", "ticket"], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
    }
    const reads = (metric: string) => alerts.some((rule) => metricNamesIn(rule.expr).includes(metric));
    expect(reads("queue_dead_letter_messages")).toBe(true);
    expect(reads("outbox_oldest_pending_age_seconds")).toBe(true);
    expect(reads("graphql_operation_duration_seconds_bucket")).toBe(true);
    expect(reads("service_ready")).toBe(true);
  });
});
