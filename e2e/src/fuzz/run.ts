import type { FuzzCase, FuzzGenerator, Identity } from "./generator";
import { codesOf, errorMessagesOf, findingsOf, suspiciousOf, type Finding } from "./oracle";

export interface Outcome {
  fuzzCase: FuzzCase;
  status: number | undefined;
  findings: Finding[];
}

export interface OffenceGroup {
  key: string;
  count: number;
  /** Kinds of case and identities that ran into it. */
  kinds: Set<string>;
  identities: Set<Identity>;
  example: Outcome;
}

export interface FuzzSummary {
  seed: number;
  count: number;
  elapsedMs: number;
  byStatus: Map<string, number>;
  byCode: Map<string, number>;
  byKind: Map<string, number>;
  /** Well-formed cases answered 200 with data and no errors, out of all well-formed cases. */
  validAnswered: number;
  validTotal: number;
  identities: Map<Identity, number>;
  offending: number;
  /** The first offending outcomes, in case order (at most `keepOffending`). */
  examples: Outcome[];
  /** Offending outcomes grouped by cause and place, each with its first example. */
  groups: OffenceGroup[];
  /**
   * Well-formed operations (valid against the API schema) the router refused as invalid, by
   * message: a limit or rule stricter than the schema clients are built against.
   */
  validRefused: Map<string, { count: number; example: FuzzCase }>;
  /** The slowest answers, slowest first: inputs that cost the platform most. */
  slowest: { ms: number; fuzzCase: FuzzCase; status: number | undefined }[];
  /** Error messages that look internal without matching a marker (see suspiciousOf), by message. */
  suspicious: Map<string, { count: number; example: FuzzCase }>;
}

export interface RunOptions {
  url: string;
  /** Bearer token of each identity; anonymous has none. */
  tokens: Record<Identity, string | undefined>;
  generator: FuzzGenerator;
  count: number;
  concurrency: number;
  /** Internal addresses a body must not name (see internalAddresses). */
  addresses: string[];
  keepOffending?: number;
  requestTimeoutMs?: number;
  onProgress?: (done: number) => void;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const normalize = (text: string) =>
  text
    .replace(UUID, "<id>")
    .replace(/[0-9a-f]{12,}/gi, "<hex>")
    .replace(/\d+/g, "<n>")
    .replace(/"[^"]{40,}"/g, '"…"')
    .slice(0, 160);

/**
 * Groups offences by what went wrong and where, so one bug shows once however often it was hit:
 * by the error's path into the data, or, for a request-level error (whose message is masked and
 * says nothing), by the kind of request that caused it.
 */
export function groupKey(outcome: Outcome, finding: Finding): string {
  const kind = outcome.fuzzCase.kind;
  return finding.located || finding.cause.endsWith("in body")
    ? [finding.cause, normalize(finding.where)].join(" | ")
    : [finding.cause, kind, normalize(finding.where)].join(" | ");
}

/** A token with its signature changed: well-formed, correctly signed by nobody. */
function tampered(token: string | undefined): string {
  if (!token) return "Bearer x.y.z";
  const last = token.at(-2) === "A" ? "B" : "A";
  return `Bearer ${token.slice(0, -2)}${last}${token.at(-1)}`;
}

async function send(
  options: Pick<RunOptions, "tokens" | "url" | "requestTimeoutMs">,
  fuzzCase: FuzzCase,
): Promise<{ status: number | undefined; text: string }> {
  const headers: Record<string, string> = { ...fuzzCase.request.headers };
  const token = options.tokens[fuzzCase.identity];
  if (headers.authorization === "<tampered>")
    headers.authorization = tampered(token ?? options.tokens.customer);
  else if (!("authorization" in headers) && token) headers.authorization = `Bearer ${token}`;
  if (headers["content-type"] === "") delete headers["content-type"];
  try {
    const response = await fetch(`${options.url}${fuzzCase.request.search ?? ""}`, {
      method: fuzzCase.request.method,
      headers,
      ...(fuzzCase.request.body !== undefined || fuzzCase.request.method === "POST"
        ? { body: fuzzCase.request.body ?? "" }
        : {}),
      signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: undefined, text: `${String(error)}${cause ? ` (${cause.code ?? cause.message})` : ""}` };
  }
}

/** Sends one case again, alone, and returns the full answer: for reproducing an offending case. */
export async function replayCase(
  options: Pick<RunOptions, "tokens" | "url" | "generator" | "addresses">,
  index: number,
): Promise<Outcome & { text: string }> {
  const fuzzCase = options.generator.caseAt(index);
  const { status, text } = await send(options, fuzzCase);
  return { fuzzCase, status, text, findings: findingsOf(status, text, options.addresses) };
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Sends `count` generated cases through the router, `concurrency` at a time, and judges every answer. */
export async function runFuzz(options: RunOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const keep = options.keepOffending ?? 200;
  const summary: FuzzSummary = {
    seed: options.generator.seed,
    count: options.count,
    elapsedMs: 0,
    byStatus: new Map(),
    byCode: new Map(),
    byKind: new Map(),
    validAnswered: 0,
    validTotal: 0,
    identities: new Map(),
    offending: 0,
    examples: [],
    groups: [],
    suspicious: new Map(),
    slowest: [],
    validRefused: new Map(),
  };
  const groups = new Map<string, OffenceGroup>();
  let next = 0;
  let done = 0;

  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= options.count) return;
      const fuzzCase = options.generator.caseAt(index);
      const sent = Date.now();
      const { status, text } = await send(options, fuzzCase);
      const ms = Date.now() - sent;
      if (summary.slowest.length < 5 || ms > summary.slowest[summary.slowest.length - 1]!.ms) {
        summary.slowest.push({ ms, fuzzCase, status });
        summary.slowest.sort((a, b) => b.ms - a.ms);
        summary.slowest.length = Math.min(summary.slowest.length, 5);
      }
      const findings = findingsOf(status, text, options.addresses);
      for (const message of suspiciousOf(text)) {
        const key = normalize(message);
        const seen = summary.suspicious.get(key);
        if (seen) seen.count++;
        else summary.suspicious.set(key, { count: 1, example: fuzzCase });
      }
      const codes = status === undefined ? ["(no response)"] : codesOf(text);
      bump(summary.byStatus, status === undefined ? "no response" : String(status));
      for (const code of codes) bump(summary.byCode, code);
      bump(summary.byKind, fuzzCase.kind);
      bump(summary.identities, fuzzCase.identity);
      if (fuzzCase.valid) {
        summary.validTotal++;
        if (codes.includes("GRAPHQL_VALIDATION_FAILED") || codes.includes("GRAPHQL_PARSE_FAILED")) {
          for (const message of errorMessagesOf(text)) {
            const key = normalize(message);
            const seen = summary.validRefused.get(key);
            if (seen) seen.count++;
            else summary.validRefused.set(key, { count: 1, example: fuzzCase });
          }
        }
        if (status === 200 && codes.length === 1 && codes[0] === "(none)") summary.validAnswered++;
      }
      if (findings.length) {
        summary.offending++;
        const outcome: Outcome = { fuzzCase, status, findings };
        summary.examples.push(outcome);
        if (summary.examples.length > keep * 2) {
          summary.examples.sort((a, b) => a.fuzzCase.index - b.fuzzCase.index).length = keep;
        }
        for (const finding of findings) {
          const key = groupKey(outcome, finding);
          const group = groups.get(key);
          if (!group) {
            groups.set(key, {
              key,
              count: 1,
              kinds: new Set([fuzzCase.kind]),
              identities: new Set([fuzzCase.identity]),
              example: outcome,
            });
          } else {
            group.kinds.add(fuzzCase.kind);
            group.identities.add(fuzzCase.identity);
            group.count++;
            if (outcome.fuzzCase.index < group.example.fuzzCase.index) group.example = outcome;
          }
        }
      }
      options.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  summary.examples.sort((a, b) => a.fuzzCase.index - b.fuzzCase.index);
  summary.examples.length = Math.min(summary.examples.length, keep);
  summary.groups = [...groups.values()].sort((a, b) => b.count - a.count);
  summary.elapsedMs = Date.now() - started;
  return summary;
}
