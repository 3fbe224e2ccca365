import type { FuzzCase } from "./generator";
import type { FuzzSummary, OffenceGroup, Outcome } from "./run";

/** Long or binary-looking text made printable: JSON-escaped and cut to `max` characters. */
export function clip(value: unknown, max: number): string {
  if (value === undefined) return "(none)";
  const text = typeof value === "string" ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** A JSON body's `extensions` (of each operation of a batch), where it has any. */
function extensionsOf(body: string | undefined): unknown {
  try {
    const parsed = JSON.parse(body ?? "") as unknown;
    const pieces = (Array.isArray(parsed) ? parsed : [parsed]) as unknown[];
    const found = pieces
      .filter((p): p is { extensions: unknown } => Boolean(p && typeof p === "object" && "extensions" in p))
      .map((p) => p.extensions);
    return found.length === 0 ? undefined : Array.isArray(parsed) ? found : found[0];
  } catch {
    return undefined;
  }
}

/** Whether the body is just the operation, variables and name shown above (nothing else to show). */
function plainBody(c: FuzzCase): boolean {
  const plain = { query: c.operation, variables: c.variables };
  return [JSON.stringify(plain), JSON.stringify({ ...plain, operationName: c.operationName })].includes(
    c.request.body ?? "",
  );
}

/** One offending case, with what a developer needs to send it again. */
export function describeOutcome(outcome: Outcome, options: { seed: number }): string {
  const c = outcome.fuzzCase;
  const request = c.request;
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== "content-type" || request.headers[name] !== "application/json")
    .map(([name, value]) => `${name}: ${clip(value, 80)}`);
  const lines = [
    `#${c.index} (FUZZ_SEED=${options.seed}) ${c.kind} as ${c.identity}: ${request.method} → ${outcome.status ?? "no response"}`,
    `  operation: ${clip(c.operation, 500)}`,
    `  variables: ${clip(c.variables, 300)}`,
  ];
  if (c.operationName !== undefined) lines.push(`  operationName: ${clip(c.operationName, 80)}`);
  if (headers.length) lines.push(`  headers: ${headers.join("; ")}`);
  if (request.method === "GET") lines.push(`  query string: ${clip(request.search, 300)}`);
  else if (request.body !== undefined && !plainBody(c)) lines.push(`  body: ${clip(request.body, 300)}`);
  const extensions = extensionsOf(request.body);
  if (extensions !== undefined) lines.push(`  extensions: ${clip(extensions, 200)}`);
  for (const finding of outcome.findings)
    lines.push(`  ${finding.cause} (${clip(finding.where, 120)}): ${finding.detail}`);
  return lines.join("\n");
}

const table = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `  ${String(count).padStart(7)}  ${key}`)
    .join("\n");

export function countsReport(summary: FuzzSummary): string {
  return [
    `seed ${summary.seed}: ${summary.count} operations in ${(summary.elapsedMs / 1000).toFixed(1)} s; ` +
      `${summary.validAnswered}/${summary.validTotal} well-formed ones answered with data and no errors; ` +
      `${summary.offending} offending`,
    "by HTTP status:",
    table(summary.byStatus),
    "by extensions.code (each code once per response):",
    table(summary.byCode),
    "slowest answers:",
    ...summary.slowest.map(
      ({ ms, fuzzCase, status }) =>
        `  ${String(ms).padStart(7)} ms  #${fuzzCase.index} ${fuzzCase.kind} as ${fuzzCase.identity} → ${status ?? "no response"}: ${clip(fuzzCase.operation, 120)}`,
    ),
    ...(summary.validRefused.size
      ? [
          "well-formed operations refused as invalid (reported, not failed):",
          ...[...summary.validRefused].map(
            ([message, { count, example }]) =>
              `  ${String(count).padStart(7)}  ${message}  (e.g. #${example.index}: ${clip(example.operation, 160)})`,
          ),
        ]
      : []),
    ...(summary.suspicious.size
      ? [
          "error messages that look internal (reported, not failed):",
          ...[...summary.suspicious].map(
            ([message, { count, example }]) =>
              `  ${String(count).padStart(7)}  ${message}  (e.g. #${example.index}, ${example.kind} as ${example.identity})`,
          ),
        ]
      : []),
  ].join("\n");
}

const groupHeading = (group: OffenceGroup) =>
  `${String(group.count).padStart(6)} × ${group.key}  [${[...group.kinds].join(", ")}; as ${[...group.identities].join(", ")}]`;

/** The first `limit` offending cases in full, then every group with its count. */
export function failureReport(summary: FuzzSummary, limit = 20): string {
  const shown = summary.examples.slice(0, limit).map((o) => describeOutcome(o, summary));
  return [
    `${summary.offending} of ${summary.count} responses broke the contract (seed ${summary.seed}; ` +
      `re-run with FUZZ_SEED=${summary.seed}; one case alone with its full answer: ` +
      `npx tsx bench/fuzz.ts --seed ${summary.seed} --case <#>). First ${shown.length}:`,
    ...shown,
    `Grouped by cause (${summary.groups.length}):\n${summary.groups
      .map((g) => `  ${groupHeading(g)} (e.g. #${g.example.fuzzCase.index})`)
      .join("\n")}`,
  ].join("\n\n");
}

/** Every group with one full example: what the benchmark prints. */
export function groupsReport(summary: FuzzSummary): string {
  return summary.groups.map((g) => `${groupHeading(g)}\n${describeOutcome(g.example, summary)}`).join("\n\n");
}
