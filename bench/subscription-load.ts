/**
 * The subscriptions benchmark's pure parts: how subscribers are spread over orders and sessions,
 * which orders change, how they are packed onto connections, and the two HTTP stream framings
 * the router serves (graphql-sse's text/event-stream and Apollo's multipart/mixed), parsed from
 * the bytes as they arrive. Kept apart from the processes so they are tested on their own.
 */

/** A subscriber: which order it follows (its rank in the skew) and which session (token) of the order's customer. */
export interface SubscriberSpec {
  rank: number;
  session: number;
}

/**
 * How many subscribers follow each of `orders` orders: a Zipf distribution (the order of rank r
 * gets a share proportional to 1/r), so a few hot orders have many subscribers and the long tail
 * one or a few; every order has at least one and the counts add up to `size`.
 */
export function skewedCounts(size: number, orders: number): number[] {
  const count = Math.max(1, Math.min(orders, size));
  const harmonic = Array.from({ length: count }, (_, r) => 1 / (r + 1)).reduce((a, b) => a + b, 0);
  const counts = Array.from({ length: count }, (_, r) =>
    Math.max(1, Math.floor(size / (harmonic * (r + 1)))),
  );
  let total = counts.reduce((a, b) => a + b, 0);
  // Flooring leaves some over (or the minimum of one puts some under): settled from the hottest down.
  for (let r = 0; total !== size; r = (r + 1) % count) {
    if (total < size) {
      counts[r]! += 1;
      total += 1;
    } else if (counts[r]! > 1) {
      counts[r]! -= 1;
      total -= 1;
    }
  }
  return counts;
}

/**
 * Every subscriber of the skew: the order of each rank is followed by its customer, the j-th of
 * its subscribers signed in as session `j mod sessions` (a customer with that many signed-in
 * devices, each with its own token; its tabs share the token).
 */
export function subscribersOf(counts: number[], sessions: number): SubscriberSpec[] {
  const all: SubscriberSpec[] = [];
  counts.forEach((n, rank) => {
    for (let j = 0; j < n; j++) all.push({ rank, session: j % sessions });
  });
  return all;
}

/**
 * Upstream subscriptions the router should hold when it deduplicates exactly what may be shared
 * (same document, variables and token): one per distinct (order, session) for
 * `orderStatusChanged`, one per distinct session for `myOrderUpdates` (no variables).
 */
export function expectedUpstream(
  subscribers: SubscriberSpec[],
  scope: (s: SubscriberSpec) => string,
): number {
  return new Set(subscribers.map(scope)).size;
}

/**
 * The ranks whose orders change, `count` of them, spaced evenly on a log scale from the hottest
 * order (rank 0) to the coldest, so the measured changes cover the whole skew: the hot orders'
 * large fan-outs and the tail's single subscribers.
 */
export function changedRanks(count: number, orders: number): number[] {
  const ranks: number[] = [];
  for (let i = 0; i < count; i++) {
    const ideal = count === 1 ? 0 : Math.floor(Math.pow(orders, i / (count - 1))) - 1;
    const previous = ranks.at(-1) ?? -1;
    ranks.push(Math.min(orders - 1, Math.max(ideal, previous + 1)));
  }
  return [...new Set(ranks)];
}

/**
 * Subscribers packed onto connections: those with the same token (a connection authenticates
 * once, in connection_init) share a connection, up to `perConnection` subscriptions on each.
 * With 1 every subscriber has a connection of its own.
 */
export function packConnections<T, K>(subscribers: T[], tokenOf: (s: T) => K, perConnection: number): T[][] {
  const byToken = new Map<K, T[]>();
  for (const s of subscribers) {
    const token = tokenOf(s);
    const list = byToken.get(token) ?? [];
    list.push(s);
    byToken.set(token, list);
  }
  const connections: T[][] = [];
  for (const list of byToken.values())
    for (let i = 0; i < list.length; i += perConnection) connections.push(list.slice(i, i + perConnection));
  return connections;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** One sample of a Prometheus text exposition. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function parseMetrics(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of a metric's samples, over those whose labels include `labels`. */
export function sumOf(samples: MetricSample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((n, s) => n + s.value, 0);
}

/** A metric's sum by the value of one label. */
export function byLabel(samples: MetricSample[], name: string, label: string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const s of samples)
    if (s.name === name && s.labels[label] !== undefined)
      sums[s.labels[label]] = (sums[s.labels[label]] ?? 0) + s.value;
  return sums;
}

/**
 * GraphQL over SSE as the router frames it (graphql-sse, distinct connections): events separated
 * by a blank line, `event:` and `data:` fields, comment lines (`:`, the heartbeats) ignored.
 * Feed it the body's text as it arrives; it hands back each complete event.
 */
export class SseParser {
  private buffer = "";

  push(chunk: string): { event: string; data: string }[] {
    this.buffer += chunk.replace(/\r\n?/g, "\n");
    const events: { event: string; data: string }[] = [];
    for (let end = this.buffer.indexOf("\n\n"); end !== -1; end = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
      }
      if (data.length || event !== "message") events.push({ event, data: data.join("\n") });
    }
    return events;
  }
}

/**
 * Apollo's multipart subscriptions as the router frames them: parts between `--<boundary>`
 * delimiters, each with its headers, a blank line and a JSON body; `--<boundary>--` ends the
 * stream. Feed it the body's text as it arrives; it hands back each complete part's JSON (`{}` is a
 * heartbeat) and whether the closing delimiter has come.
 */
export class MultipartParser {
  private buffer = "";
  private readonly delimiter: string;
  private afterDelimiter = false;
  ended = false;

  constructor(boundary: string) {
    this.delimiter = `--${boundary}`;
  }

  /** The boundary of a `multipart/mixed` content type (`-`, Apollo's default, when it names none). */
  static boundaryOf(contentType: string | undefined): string {
    return /boundary="?([^";]+)"?/i.exec(contentType ?? "")?.[1] ?? "-";
  }

  push(chunk: string): unknown[] {
    const parts: unknown[] = [];
    if (this.ended) return parts;
    this.buffer += chunk;
    for (;;) {
      // Right after a delimiter: `--` closes the stream, anything else starts a part.
      if (this.afterDelimiter) {
        if (this.buffer.length < 2) break;
        if (this.buffer.startsWith("--")) {
          this.ended = true;
          this.buffer = "";
          break;
        }
        this.afterDelimiter = false;
      }
      const at = this.buffer.indexOf(this.delimiter);
      if (at === -1) break;
      const part = this.buffer.slice(0, at);
      this.buffer = this.buffer.slice(at + this.delimiter.length);
      this.afterDelimiter = true;
      const bodyAt = part.indexOf("\r\n\r\n");
      if (bodyAt !== -1) {
        const body = part.slice(bodyAt + 4).trim();
        if (body) parts.push(JSON.parse(body) as unknown);
      }
    }
    return parts;
  }
}
