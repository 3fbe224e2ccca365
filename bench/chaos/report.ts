/** The chaos run's figures, as printed at the end. */
import type { DeadLetter, Invariants } from "./checks";
import type { WorkloadStats } from "./workload";

export interface FaultEvent {
  name: string;
  /** Seconds into the workload when it started. */
  atSeconds: number;
  /** How long the broker or the process was unavailable, until ready again. */
  downMs: number | undefined;
  error?: string;
}

export function percentile(values: number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} ${n}`).join(", ");
}

export function ordersPerSecond(stats: WorkloadStats): number {
  return stats.records.length / ((stats.finishedAt - stats.startedAt) / 1000);
}

export function printReport(report: {
  stats: WorkloadStats;
  faults: FaultEvent[];
  drain: { drained: boolean; ms: number };
  invariants: Invariants;
  deadLetters: DeadLetter[];
  pgbenchTps: number | undefined;
  failures: string[];
}) {
  const { stats, invariants, deadLetters } = report;
  const answered = stats.records.filter((r) => r.outcome !== "unanswered");
  const retried = stats.records.filter((r) => r.attempts > 1);
  const rate = ordersPerSecond(stats);
  const ms = (value: number) => `${Number.isFinite(value) ? value.toFixed(0) : "–"} ms`;
  const lost =
    invariants.lost.paidWithoutShipment.length +
    invariants.lost.answeredWithoutOrder.length +
    invariants.lost.chargedWithoutPaidOrder.length;
  const duplicates =
    invariants.duplicates.ordersPerKey.length + invariants.duplicates.shipmentsPerOrder.length;
  const lines = [
    "",
    "Chaos run",
    `  orders placed        ${stats.records.length} checkouts answered ${answered.length} (${tally(answered.map((r) => r.outcome))})`,
    `  orders/s             ${rate.toFixed(1)} over ${((stats.finishedAt - stats.startedAt) / 1000).toFixed(0)} s`,
    `  checkout latency     p50 ${ms(
      percentile(
        answered.map((r) => r.answeredMs),
        50,
      ),
    )}, p99 ${ms(
      percentile(
        answered.map((r) => r.answeredMs),
        99,
      ),
    )} (answered attempt)`,
    `                       p50 ${ms(
      percentile(
        answered.map((r) => r.totalMs),
        50,
      ),
    )}, p99 ${ms(
      percentile(
        answered.map((r) => r.totalMs),
        99,
      ),
    )} (as the customer waited, retries included)`,
    `  retried checkouts    ${retried.length}, same idempotency key; failed attempts: ${[...stats.retriedErrors].map(([e, n]) => `${e} ×${n}`).join(", ") || "none"}`,
    `  faults               ${report.faults.map((f) => `${f.name} at ${f.atSeconds.toFixed(0)} s (${f.error ? `FAILED: ${f.error}` : `back after ${ms(f.downMs ?? NaN)}`})`).join("; ") || "none"}`,
    `  lost                 ${lost} (paid without shipment ${invariants.lost.paidWithoutShipment.length}, answered without order ${invariants.lost.answeredWithoutOrder.length}, charged without paid order ${invariants.lost.chargedWithoutPaidOrder.length})`,
    `  duplicates           ${duplicates} (orders per idempotency key ${invariants.duplicates.ordersPerKey.length}, shipments per order ${invariants.duplicates.shipmentsPerOrder.length})`,
    `  time to drain        ${report.drain.drained ? ms(report.drain.ms) : `not drained after ${ms(report.drain.ms)}`}`,
    `  orders by status     ${Object.entries(invariants.ordersByStatus)
      .map(([s, n]) => `${s} ${n}`)
      .join(", ")}`,
    `  unsent outbox        orders ${invariants.unsentOutbox.orders}, shipping ${invariants.unsentOutbox.shipping}`,
    `  dead letters         ${deadLetters.length}`,
    ...deadLetters.map((d) => `    ${d.queue}: ${d.type} ${d.messageId}: ${d.reason}`),
  ];
  if (report.pgbenchTps !== undefined) {
    lines.push(
      `  pgbench TPC-B        ${report.pgbenchTps.toFixed(0)} TPS (-s 10 -c 8 -j 2 -T 30); checkout orders/s ÷ pgbench TPS = ${(rate / report.pgbenchTps).toFixed(4)}`,
    );
  }
  lines.push(
    report.failures.length ? `FAILED: ${report.failures.join("; ")}` : "PASSED: every invariant holds",
  );
  console.log(lines.join("\n"));
}
