/**
 * The load generator, forked by gateway.ts so that its own CPU is never counted as a gateway's:
 * `connections` keep-alive connections, each sending the same POST as soon as its previous answer
 * has been read in full, for `durationMs`. Latency is per request, from send to last body byte.
 */
import { Pool } from "undici";

export interface LoadCommand {
  url: string;
  body: string;
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  /** Answers other than 200, and requests that failed outright. */
  errors: number;
  firstError: string | undefined;
  elapsedMs: number;
  latencyMs: { p50: number; p975: number; p99: number };
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Latencies kept whole (a few hundred thousand doubles at most), so percentiles are exact. */
class Latencies {
  private values = new Float64Array(1 << 16);
  length = 0;
  add(value: number) {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  sorted(): Float64Array {
    return this.values.slice(0, this.length).sort();
  }
}

export async function runLoad(command: LoadCommand): Promise<LoadResult> {
  const url = new URL(command.url);
  const pool = new Pool(url.origin, { connections: command.connections, pipelining: 1 });
  const latencies = new Latencies();
  let errors = 0;
  let firstError: string | undefined;
  const fail = (reason: string) => {
    errors++;
    firstError ??= reason;
  };
  const started = performance.now();
  const deadline = started + command.durationMs;
  const connection = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const response = await pool.request({
          path: url.pathname,
          method: "POST",
          headers: { "content-type": "application/json" },
          body: command.body,
        });
        const text = await response.body.text();
        if (response.statusCode !== 200) fail(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
        else latencies.add(performance.now() - sent);
      } catch (error) {
        fail(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: command.connections }, connection));
  const elapsedMs = performance.now() - started;
  await pool.close();
  const sorted = latencies.sorted();
  return {
    requests: latencies.length,
    errors,
    firstError,
    elapsedMs,
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p975: percentile(sorted, 0.975),
      p99: percentile(sorted, 0.99),
    },
  };
}

// Forked: one command in, one result out, per message.
if (process.send) {
  process.on("message", (command: LoadCommand) => {
    void runLoad(command).then((result) => process.send!(result));
  });
}
