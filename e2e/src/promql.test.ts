import { describe, expect, it } from "vitest";
import { exposedMetricNames, metricNamesIn } from "./promql";

describe("metricNamesIn", () => {
  it("keeps metric names and drops functions, grouping labels, matchers, ranges and variables", () => {
    const expression = `histogram_quantile(0.99, sum by (le, operation) (rate(graphql_operation_duration_seconds_bucket{service="router", type!~"sub.*"}[$__rate_interval])))`;
    expect(metricNamesIn(expression)).toEqual(["graphql_operation_duration_seconds_bucket"]);
  });

  it("finds every operand of a binary expression, not the keywords between them", () => {
    const expression = `sum(rate(a_total{outcome="error"}[5m])) / on (service) sum(rate(b_total[5m])) > 0.05 and changes(c_ready[15m] offset 1m) > 4 unless up == 0`;
    expect(metricNamesIn(expression).sort()).toEqual(["a_total", "b_total", "c_ready", "up"]);
  });

  it("does not take a duration's or a number's letters for a name", () => {
    expect(metricNamesIn("max_over_time(x_seconds[1h:5m]) > 1e3")).toEqual(["x_seconds"]);
  });
});

describe("exposedMetricNames", () => {
  it("reads names from TYPE lines, with the series a histogram adds", () => {
    const names = exposedMetricNames(
      [
        "# HELP a_total A.",
        "# TYPE a_total counter",
        "# TYPE d_seconds histogram",
        'd_seconds_bucket{le="1"} 0',
      ].join("\n"),
    );
    expect([...names].sort()).toEqual([
      "a_total",
      "d_seconds",
      "d_seconds_bucket",
      "d_seconds_count",
      "d_seconds_sum",
    ]);
  });
});
