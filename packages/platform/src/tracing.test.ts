import { afterEach, describe, expect, it } from "vitest";
import { EnvError } from "./env";
import { createLogger } from "./logger";
import {
  configureTracing,
  describeStatement,
  injectTraceContext,
  inSpan,
  logTraceFields,
  shutdownTracing,
  SpanKind,
  tracerFor,
  tracingConfig,
  tracingEnabled,
} from "./tracing";

afterEach(() => shutdownTracing());

describe("tracing configuration", () => {
  it("is off without an exporter or an OTLP endpoint, and then nothing is recorded or sent", async () => {
    expect(tracingConfig({})).toBeUndefined();
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: "none", OTEL_SERVICE_NAME: "shop" })).toBeUndefined();
    configureTracing(tracingConfig({}));
    expect(tracingEnabled()).toBe(false);
    const span = tracerFor("orders").startSpan("work");
    expect(span.isRecording()).toBe(false);
    span.end();
    const lines: string[] = [];
    const log = createLogger({ service: "orders", output: { write: (line: string) => lines.push(line) } });
    const headers = await inSpan("orders", "work", { kind: SpanKind.SERVER }, (inner) => {
      expect(inner.isRecording()).toBe(false);
      log.info("inside");
      return Promise.resolve(injectTraceContext({}));
    });
    expect(headers).toEqual({});
    expect(logTraceFields()).toEqual({});
    expect(JSON.parse(lines[0]!)).not.toHaveProperty("trace_id");
  });

  it("an OTLP endpoint alone turns it on, with the specification's path and protocol", () => {
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toMatchObject({
      exporter: "otlp",
      endpoint: "http://collector:4318/v1/traces",
      protocol: "http/protobuf",
      scheduleDelayMs: 5000,
    });
    expect(
      tracingConfig({
        OTEL_TRACES_EXPORTER: "otlp",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://traces:9000/in",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_BSP_SCHEDULE_DELAY: "100",
        OTEL_SERVICE_NAME: "storefront",
      }),
    ).toMatchObject({
      endpoint: "http://traces:9000/in",
      protocol: "http/json",
      scheduleDelayMs: 100,
      namespace: "storefront",
    });
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: "console" })?.exporter).toBe("console");
  });

  it("names every bad variable", () => {
    expect(() =>
      tracingConfig({
        OTEL_TRACES_EXPORTER: "zipkin",
        OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
        OTEL_TRACES_SAMPLER_ARG: "2",
      }),
    ).toThrow(EnvError);
    try {
      tracingConfig({ OTEL_TRACES_EXPORTER: "zipkin", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" });
    } catch (error) {
      expect((error as EnvError).problems.join("\n")).toMatch(
        /OTEL_TRACES_EXPORTER[\s\S]*OTEL_EXPORTER_OTLP_PROTOCOL/,
      );
    }
  });

  it("with tracing on, spans record, propagate and mark log lines", async () => {
    configureTracing(tracingConfig({ OTEL_TRACES_EXPORTER: "console", OTEL_BSP_SCHEDULE_DELAY: "600000" }));
    const headers = await inSpan("orders", "work", { kind: SpanKind.SERVER }, (span) => {
      expect(logTraceFields()).toEqual({
        trace_id: span.spanContext().traceId,
        span_id: span.spanContext().spanId,
      });
      return Promise.resolve(injectTraceContext({}));
    });
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});

describe("SQL statement description", () => {
  it("keeps the kind and table and drops everything else", () => {
    expect(describeStatement(`select "id", "email" from "users" where "email" = $1`)).toEqual({
      operation: "SELECT",
      table: "users",
    });
    expect(describeStatement(`insert into "orders" ("id") values ($1)`)).toEqual({
      operation: "INSERT",
      table: "orders",
    });
    expect(describeStatement(`update "carts" set "updated_at" = now()`)).toEqual({
      operation: "UPDATE",
      table: "carts",
    });
    expect(describeStatement(`delete from "cart_lines" where "id" = 'x'`)).toEqual({
      operation: "DELETE",
      table: "cart_lines",
    });
    expect(describeStatement("select 1")).toEqual({ operation: "SELECT", table: undefined });
  });
});
