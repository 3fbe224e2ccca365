import DataLoader from "dataloader";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db";
import {
  configureTracing,
  flushTracing,
  inSpan,
  shutdownTracing,
  SpanKind,
  SpanStatusCode,
  tracedBatch,
  tracingConfig,
} from "../src/tracing";
import { waitFor } from "./bus-helpers";
import { openTestDatabase } from "./databases";
import { durationOf, startOtlpReceiver, type ReceivedSpan } from "@storefront/testkit/otlp-receiver";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  configureTracing(
    tracingConfig({
      OTEL_TRACES_EXPORTER: "otlp",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "100",
    }),
  );
});

afterAll(async () => {
  await shutdownTracing();
  await receiver?.close();
});

/** The spans of the trace whose root is named `root`, once it and `expected` more have arrived. */
async function traceOf(root: string, expected: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  let spans: ReceivedSpan[] = [];
  await waitFor(async () => {
    await flushTracing();
    const top = receiver.spans.find((s) => s.name === root);
    spans = top ? receiver.spans.filter((s) => s.traceId === top.traceId) : [];
    return expected(spans);
  });
  return spans;
}

const NANOS_PER_MS = 1_000_000n;

describe.each(["pglite", "postgres"] as const)("spans of a request's data work on %s", (driver) => {
  let handle: DatabaseHandle<Record<string, never>>;

  beforeAll(async () => {
    handle = await openTestDatabase(driver, `spans-${driver}`);
  }, 60_000);
  afterAll(() => handle?.close());

  it("a DataLoader batch is a span with its size; its SQL a span as long as the statement ran", async () => {
    const root = `request ${driver} loader`;
    const squares = new DataLoader<number, number>(
      tracedBatch("squares", async (keys) => {
        // The database takes at least 50 ms over it; a span ended when the statement was sent would not.
        await handle.db.execute(sql`select pg_sleep(0.05)`);
        return keys.map((key) => key * key);
      }),
    );
    const results = await inSpan("spans", root, { kind: SpanKind.SERVER }, () =>
      Promise.all([squares.load(2), squares.load(3)]),
    );
    expect(results).toEqual([4, 9]);

    const trace = await traceOf(root, (spans) => spans.some((s) => s.name === "SELECT"));
    const request = trace.find((s) => s.name === root)!;
    const batch = trace.find((s) => s.name === "dataloader squares");
    expect(batch).toMatchObject({
      parentSpanId: request.spanId,
      kind: SpanKind.INTERNAL + 1,
      attributes: { "dataloader.name": "squares", "dataloader.batch.size": 2 },
    });
    const statement = trace.find((s) => s.name === "SELECT")!;
    expect(statement.parentSpanId).toBe(batch!.spanId);
    expect(statement.attributes).toEqual({ "db.system.name": "postgresql", "db.operation.name": "SELECT" });
    expect(durationOf(statement)).toBeGreaterThanOrEqual(50n * NANOS_PER_MS);
    expect(durationOf(batch!)).toBeGreaterThanOrEqual(durationOf(statement));
  });

  it("a statement that fails ends its span with an error, and the span names none of its values", async () => {
    const root = `request ${driver} failure`;
    await inSpan("spans", root, { kind: SpanKind.SERVER }, async () => {
      await expect(
        handle.db.transaction((tx) => tx.execute(sql`select * from no_such_table where secret = ${"hush"}`)),
      ).rejects.toThrow();
    });
    const trace = await traceOf(root, (spans) => spans.some((s) => s.name === "SELECT no_such_table"));
    const failed = trace.find((s) => s.name === "SELECT no_such_table")!;
    expect(failed.status?.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify(trace)).not.toContain("hush");
  });

  it("records no statement span outside a span, nor a batch span", async () => {
    const before = receiver.spans.length;
    const loader = new DataLoader<number, number>(
      tracedBatch("untraced", async (keys) => {
        await handle.db.execute(sql`select 1 as untraced`);
        return [...keys];
      }),
    );
    expect(await loader.load(1)).toBe(1);
    // A span after them: once it has arrived, anything they produced would have too.
    await inSpan("spans", `marker ${driver}`, { kind: SpanKind.INTERNAL }, () => Promise.resolve());
    await traceOf(`marker ${driver}`, (spans) => spans.length === 1);
    expect(receiver.spans.slice(before).map((s) => s.name)).toEqual([`marker ${driver}`]);
  });
});
