import { ErrorCode } from "@storefront/platform/errors";
import { Counter, type Registry } from "prom-client";
import { RouterErrorCode } from "../errors";

/** Why the router refused a request, as the `reason` label (bounded: one value per code). */
const REASONS: Record<string, string> = {
  [RouterErrorCode.INVALID_API_KEY]: "invalid_api_key",
  [ErrorCode.UNAUTHENTICATED]: "unauthenticated",
  [RouterErrorCode.PERSISTED_QUERY_REQUIRED]: "persisted_query_required",
  [RouterErrorCode.OPERATION_NOT_IN_MANIFEST]: "operation_not_in_manifest",
  [RouterErrorCode.BATCH_LIMIT_EXCEEDED]: "batch",
  [RouterErrorCode.DEPTH_LIMIT_EXCEEDED]: "depth",
  [RouterErrorCode.ALIAS_LIMIT_EXCEEDED]: "aliases",
  [RouterErrorCode.ROOT_FIELD_LIMIT_EXCEEDED]: "root_fields",
  [RouterErrorCode.TOKEN_LIMIT_EXCEEDED]: "tokens",
  [RouterErrorCode.DIRECTIVE_LIMIT_EXCEEDED]: "directives",
  [RouterErrorCode.COST_LIMIT_EXCEEDED]: "cost",
  [RouterErrorCode.OPERATION_TIMEOUT]: "timeout",
  [ErrorCode.PAYLOAD_TOO_LARGE]: "payload_too_large",
  [ErrorCode.RATE_LIMITED]: "rate_limited",
};

/** The `reason` label of a refusal code; undefined for codes that are not refusals. */
export function rejectionReason(code: string): string | undefined {
  return REASONS[code] ?? (code === "BAD_REQUEST" ? "bad_request" : undefined);
}

export function createProtectionMetrics(registry: Registry) {
  const rejections = new Counter({
    name: "router_rejections_total",
    help: "Requests and operations the router refused, by reason.",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const persisted = new Counter({
    name: "router_persisted_operations_total",
    help: "Persisted operation lookups: kind apq (hit, miss, register) or manifest (hit, miss).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  return {
    rejections,
    persisted,
    /** An operation refused because its cost would overdraw its client's cost budget. */
    throttled() {
      rejections.inc({ reason: "cost_budget" });
    },
    /** Counts a refusal by its error code; codes that are not refusals are ignored. */
    rejected(code: string) {
      const reason = rejectionReason(code);
      if (reason) rejections.inc({ reason });
    },
  };
}
export type ProtectionMetrics = ReturnType<typeof createProtectionMetrics>;
