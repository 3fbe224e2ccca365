/**
 * The load generator, forked by gateway.ts so that its own CPU is never counted as a gateway's:
 * `connections` keep-alive connections, each sending the same POST as soon as its previous answer
 * has been read in full, for `durationMs`. Latency is per request, from send to last body byte.
 *
 * With `firstPart`, the answer must be multipart/mixed (incremental delivery, e.g. @defer): a
 * second latency is taken at the body chunk that completes the first part (the one that brings
 * the delimiter closing it), and an answer of any other type counts as a failed request.
 */
import path from "node:path";
import { Pool } from "undici";

export interface LoadCommand {
  url: string;
  body: string;
  connections: number;
  durationMs: number;
  /** Sent with every request besides `content-type: application/json` (e.g. `accept`). */
  headers?: Record<string, string>;
  /** Also time the first part of a multipart/mixed answer (`LoadResult.firstPartMs`). */
  firstPart?: boolean;
}

export interface Percentiles {
  p50: number;
  p975: number;
  p99: number;
}

export interface LoadResult {
  requests: number;
  /** Answers other than 200, and requests that failed outright. */
  errors: number;
  firstError: string | undefined;
  elapsedMs: number;
  /** From send to the last byte of the answer. */
  latencyMs: Percentiles;
  /** From send to the end of the answer's first multipart part; only with `firstPart`. */
  firstPartMs?: Percentiles;
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

function percentiles(latencies: Latencies): Percentiles {
  const sorted = latencies.sorted();
  return {
    p50: percentile(sorted, 0.5),
    p975: percentile(sorted, 0.975),
    p99: percentile(sorted, 0.99),
  };
}

/** The boundary of a multipart content type, or undefined for any other type. */
function multipartBoundary(contentType: string | string[] | undefined): string | undefined {
  const value = Array.isArray(contentType) ? contentType[0] : contentType;
  if (!value?.toLowerCase().startsWith("multipart/")) return undefined;
  return /boundary="?([^";,\s]+)"?/i.exec(value)?.[1];
}

/**
 * Reads a multipart body to its end and returns when its first part was complete: the moment the
 * delimiter after the first part's content (`\r\n--<boundary>`) had arrived. Undefined when the
 * body ended without one (a malformed answer).
 */
async function readMultipart(
  body: AsyncIterable<Buffer>,
  boundary: string,
): Promise<{ firstPartAt: number | undefined }> {
  const opening = Buffer.from(`--${boundary}`);
  const closing = Buffer.from(`\r\n--${boundary}`);
  let received = Buffer.alloc(0);
  let firstPartAt: number | undefined;
  for await (const chunk of body) {
    if (firstPartAt !== undefined) continue; // drained, not kept
    const searchFrom = Math.max(0, received.length - closing.length);
    received = Buffer.concat([received, chunk]);
    const open = received.indexOf(opening);
    if (open === -1) continue;
    if (received.indexOf(closing, Math.max(searchFrom, open + opening.length)) !== -1)
      firstPartAt = performance.now();
  }
  return { firstPartAt };
}

export async function runLoad(command: LoadCommand): Promise<LoadResult> {
  const url = new URL(command.url);
  const pool = new Pool(url.origin, { connections: command.connections, pipelining: 1 });
  const headers = { "content-type": "application/json", ...command.headers };
  const latencies = new Latencies();
  const firstParts = new Latencies();
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
          headers,
          body: command.body,
        });
        if (response.statusCode !== 200) {
          fail(`HTTP ${response.statusCode}: ${(await response.body.text()).slice(0, 200)}`);
          continue;
        }
        if (!command.firstPart) {
          await response.body.text();
          latencies.add(performance.now() - sent);
          continue;
        }
        const boundary = multipartBoundary(response.headers["content-type"]);
        if (!boundary) {
          fail(
            `not multipart (${String(response.headers["content-type"])}): ${(await response.body.text()).slice(0, 200)}`,
          );
          continue;
        }
        const { firstPartAt } = await readMultipart(response.body, boundary);
        if (firstPartAt === undefined) {
          fail("multipart answer without a complete first part");
          continue;
        }
        latencies.add(performance.now() - sent);
        firstParts.add(firstPartAt - sent);
      } catch (error) {
        fail(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: command.connections }, connection));
  const elapsedMs = performance.now() - started;
  await pool.close();
  return {
    requests: latencies.length,
    errors,
    firstError,
    elapsedMs,
    latencyMs: percentiles(latencies),
    ...(command.firstPart ? { firstPartMs: percentiles(firstParts) } : {}),
  };
}

// Forked by gateway.ts (this file the entry point): one command in, one result out, per message.
if (process.send && process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  process.on("message", (command: LoadCommand) => {
    void runLoad(command).then((result) => process.send!(result));
  });
}
