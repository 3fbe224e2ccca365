import { parse, print, visit } from "graphql";
import {
  comparedResponse,
  expectedRouterResponse,
  sameResponse,
  matchesExpected,
  type ComparedResponse,
  type ExpectedResponse,
  type GraphQLReply,
  type KnownDifference,
} from "./compare";

export interface DifferentialCase {
  /** Names the case in a report: the operation's name and who sent it. */
  id: string;
  query: string;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  /** Sent to both gateways alike (authorization, cart token). */
  headers?: Record<string, string>;
}

export interface Mismatch {
  case: DifferentialCase;
  router: ComparedResponse;
  stock: ComparedResponse;
  /** The stock response with the known differences applied: what the router should have answered. */
  expected: ExpectedResponse;
}

export interface DifferentialReport {
  run: number;
  identical: number;
  /** Cases that differ only as the known differences say, by difference id (a case may count under several). */
  known: Record<string, number>;
  knownCases: number;
  mismatches: Mismatch[];
  summary: string;
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<GraphQLReply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body: parsed };
}

/**
 * Sends every case to the router and to the stock gateway at the same time (the two requests of a
 * case go out together, `concurrency` cases at once) and compares the answers: identical, differing
 * only as `differences` say, or a mismatch.
 */
/**
 * The operation without `@defer`: what a stock @apollo/gateway is sent, as it cannot plan deferred
 * fragments. The router answers a client that does not take incremental delivery (these requests
 * do not) as if the directive were not there, so the two answers must still be equal.
 */
export function withoutDefer(query: string): string {
  if (!query.includes("@defer")) return query;
  return print(
    visit(parse(query), {
      Directive: (node) => (node.name.value === "defer" ? null : undefined),
    }),
  );
}

export async function runDifferential(options: {
  label: string;
  routerUrl: string;
  stockUrl: string;
  cases: readonly DifferentialCase[];
  differences: readonly KnownDifference[];
  concurrency?: number;
}): Promise<DifferentialReport> {
  const report: DifferentialReport = {
    run: 0,
    identical: 0,
    known: {},
    knownCases: 0,
    mismatches: [],
    summary: "",
  };
  let next = 0;
  const worker = async () => {
    while (next < options.cases.length) {
      const testCase = options.cases[next++]!;
      const body = {
        query: testCase.query,
        variables: testCase.variables ?? {},
        ...(testCase.operationName ? { operationName: testCase.operationName } : {}),
      };
      const headers = testCase.headers ?? {};
      const [routerReply, stockReply] = await Promise.all([
        post(options.routerUrl, body, headers),
        post(options.stockUrl, { ...body, query: withoutDefer(testCase.query) }, headers),
      ]);
      const router = comparedResponse(routerReply);
      const stock = comparedResponse(stockReply);
      report.run++;
      if (sameResponse(router, stock)) {
        report.identical++;
        continue;
      }
      const { expected, applied } = expectedRouterResponse(stock, options.differences);
      if (applied.length && matchesExpected(router, expected)) {
        report.knownCases++;
        for (const id of applied) report.known[id] = (report.known[id] ?? 0) + 1;
      } else {
        report.mismatches.push({ case: testCase, router, stock, expected });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  const known = Object.entries(report.known)
    .map(([id, count]) => `${id} ${count}`)
    .join(", ");
  report.summary =
    `differential (${options.label}): ${report.run} operations, ${report.identical} identical, ` +
    `${report.knownCases} known differences${known ? ` (${known})` : ""}, ${report.mismatches.length} mismatches`;
  return report;
}

/** A mismatch as text a failing test prints: the case, then both answers. */
export function describeMismatch(mismatch: Mismatch): string {
  return [
    `case ${mismatch.case.id}`,
    `query: ${mismatch.case.query}`,
    `variables: ${JSON.stringify(mismatch.case.variables ?? {})}`,
    `router:   ${JSON.stringify(mismatch.router)}`,
    `expected: ${JSON.stringify(mismatch.expected, (_, value: unknown) => (value instanceof RegExp ? String(value) : value))}`,
  ].join("\n");
}
