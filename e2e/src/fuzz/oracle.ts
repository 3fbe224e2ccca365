import { LEAK_MARKERS } from "./values";

/** One thing wrong with a response. */
export interface Finding {
  /** `HTTP 500`, `INTERNAL_SERVER_ERROR`, `internal URL in body`, … */
  cause: string;
  /** The offending part of the response. */
  detail: string;
  /** The error's path (or its message) that locates it, for grouping. */
  where: string;
  /** Whether `where` is a path into the data rather than a request-level message. */
  located: boolean;
}

export interface ResponseErrorShape {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

/**
 * Internal addresses a response must not name: the running subgraphs' URLs (both host spellings)
 * and the routing URLs the supergraph is composed with.
 */
export function internalAddresses(urls: string[]): string[] {
  const out = new Set<string>();
  for (const raw of urls) {
    const url = new URL(raw);
    out.add(raw);
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) out.add(`${host}:${url.port || "80"}`);
  }
  return [...out];
}

/** The GraphQL errors of a body (a batch's too); empty when the body is not GraphQL JSON. */
export function errorsOf(body: unknown): ResponseErrorShape[] {
  if (Array.isArray(body)) return body.flatMap(errorsOf);
  if (!body || typeof body !== "object") return [];
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors)
    ? (errors.filter((e) => e && typeof e === "object") as ResponseErrorShape[])
    : [];
}

function hasInternalCode(value: unknown, depth = 0): boolean {
  if (!value || typeof value !== "object" || depth > 8) return false;
  if (Array.isArray(value)) return value.some((v) => hasInternalCode(v, depth + 1));
  return Object.entries(value).some(
    ([key, v]) => (key === "code" && v === "INTERNAL_SERVER_ERROR") || hasInternalCode(v, depth + 1),
  );
}

const snippet = (text: string, at: number, length: number) =>
  JSON.stringify(text.slice(Math.max(0, at - 120), at + length + 120));

const locate = (error: ResponseErrorShape | undefined) =>
  !error
    ? "(request)"
    : Array.isArray(error.path)
      ? error.path.map((p) => (typeof p === "number" ? "[]" : String(p))).join(".")
      : typeof error.message === "string"
        ? error.message
        : "(request)";

/**
 * What makes a response a failure of the platform: a 5xx, INTERNAL_SERVER_ERROR anywhere in
 * `errors`, or a body naming an internal URL, a file path, a stack frame or SQL.
 */
export function findingsOf(status: number | undefined, text: string, addresses: string[]): Finding[] {
  if (status === undefined)
    return [{ cause: "no HTTP response", detail: text, where: "(request)", located: false }];
  const findings: Finding[] = [];
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = undefined;
  }
  const errors = errorsOf(body);
  const internal = errors.filter((e) => hasInternalCode(e));
  if (status >= 500 || internal.length) {
    // A 5xx and the INTERNAL_SERVER_ERROR it carries are one finding, not two.
    const first = internal[0] ?? errors[0];
    findings.push({
      cause:
        status >= 500
          ? `HTTP ${status}${internal.length ? " INTERNAL_SERVER_ERROR" : ""}`
          : "INTERNAL_SERVER_ERROR",
      detail: first ? JSON.stringify(first).slice(0, 400) : JSON.stringify(text.slice(0, 400)),
      where: first ? locate(first) : "(not GraphQL)",
      located: Array.isArray(first?.path),
    });
  }
  const markers: [string, readonly string[]][] = [
    ...Object.entries(LEAK_MARKERS),
    ["internal URL", addresses],
  ];
  const seen = new Set<string>();
  for (const [category, needles] of markers) {
    for (const needle of needles) {
      const at = text.indexOf(needle);
      if (at === -1 || seen.has(category)) continue;
      seen.add(category);
      const error = errors.find((e) => JSON.stringify(e).includes(needle));
      findings.push({
        cause: `${category} in body`,
        detail: snippet(text, at, needle.length),
        where: locate(error),
        located: Array.isArray(error?.path),
      });
    }
  }
  return findings;
}

/** Distinct `extensions.code`s of a response, `(none)` without errors, `(not JSON)` when it is not JSON. */
export function codesOf(text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return ["(not JSON)"];
  }
  const codes = new Set(
    errorsOf(body).map((e) => {
      const code = e.extensions?.code;
      return typeof code === "string" ? code : code === undefined ? "(no code)" : JSON.stringify(code);
    }),
  );
  return codes.size ? [...codes] : ["(none)"];
}

/**
 * Words in an error message that suggest an internal detail got through although no hard marker
 * matched (a JavaScript error's own text, a driver or service name). Reported, not failed: the
 * contract names the markers above.
 */
const SUSPICIOUS = [
  /TypeError|ReferenceError|RangeError|SyntaxError: (?!Unexpected token)/,
  /Cannot read propert/,
  /\[object Object\]/,
  /\bundefined\b/,
  /ECONN|ETIMEDOUT|EPIPE|socket hang up/,
  /\bsubgraph\b|\bgateway\b/i,
  /postgres|drizzle|pglite|argon2|amqp|rabbitmq|redis/i,
];

/** The messages of a response's GraphQL errors. */
export function errorMessagesOf(text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return [];
  }
  return errorsOf(body)
    .map((e) => e.message)
    .filter((m): m is string => typeof m === "string");
}

export function suspiciousOf(text: string): string[] {
  return errorMessagesOf(text).flatMap((message) => {
    const hit = SUSPICIOUS.find((pattern) => pattern.test(message));
    return hit ? [message] : [];
  });
}
