/**
 * Comparing the gateways' answers before anything is measured: where two JSON values differ, and
 * an incremental (multipart/mixed, deferSpec 20220824) answer put back together into the one
 * ordinary response it stands for.
 */
import { isDeepStrictEqual } from "node:util";

/** The first path at which two JSON values differ, for the failure message. */
export function firstDifference(a: unknown, b: unknown, at = "$"): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const difference = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (difference) return difference;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

/**
 * The JSON parts of a multipart/mixed body, in order; undefined when `contentType` is not
 * multipart. Parts are split at CRLF + `--boundary`, which JSON text cannot hold.
 */
export function multipartParts(contentType: string, body: string): unknown[] | undefined {
  if (!contentType.toLowerCase().startsWith("multipart/")) return undefined;
  const boundary = /boundary="?([^";,\s]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return undefined;
  return `\r\n${body}`
    .split(`\r\n--${boundary}`)
    .map((part) => part.split("\r\n\r\n").slice(1).join("\r\n\r\n").trim())
    .filter((json) => json.startsWith("{"))
    .map((json) => JSON.parse(json) as unknown);
}

interface IncrementalPart {
  data?: unknown;
  errors?: unknown[];
  hasNext?: boolean;
  incremental?: { data?: unknown; errors?: unknown[]; path: (string | number)[] }[];
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing && value && typeof existing === "object" && typeof value === "object")
      deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
}

/**
 * The parts' data merged as a client merges them (each deferred fragment's data at its path into
 * the first part's), with every part's errors; `hasNext` of the last part must be false.
 */
export function mergeIncrementalParts(parts: unknown[]): { data?: unknown; errors?: unknown[] } {
  const [first, ...rest] = parts as IncrementalPart[];
  if (!first) throw new Error("no parts");
  const data = structuredClone(first.data) as Record<string, unknown> | null | undefined;
  const errors = [...(first.errors ?? [])];
  for (const part of rest) {
    errors.push(...(part.errors ?? []));
    for (const increment of part.incremental ?? []) {
      errors.push(...(increment.errors ?? []));
      let at: unknown = data;
      for (const key of increment.path)
        at = (at as Record<string | number, unknown> | null | undefined)?.[key];
      if (at && typeof at === "object" && increment.data && typeof increment.data === "object")
        deepMerge(at as Record<string, unknown>, increment.data as Record<string, unknown>);
    }
  }
  if ((parts.at(-1) as IncrementalPart).hasNext !== false && parts.length > 1)
    throw new Error("the last part does not say hasNext: false");
  return { ...(data !== undefined ? { data } : {}), ...(errors.length ? { errors } : {}) };
}
