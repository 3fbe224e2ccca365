import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Logger } from "./logger";
import type { ServiceMetrics } from "./metrics";
import { currentRequestScope } from "./request-scope";

/** Per-operation metrics and one log line per operation, carrying the request id. */
export function observabilityPlugin<T extends BaseContext>(
  log: Logger,
  metrics: ServiceMetrics,
): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse({ operationName, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const labels = { operation: operationName ?? "anonymous", type: operation?.operation ?? "unknown" };
          const outcome = errors?.length ? "error" : "ok";
          metrics.operations.inc({ ...labels, outcome });
          metrics.operationDuration.observe(labels, seconds);
          const scope = currentRequestScope();
          log.info(
            {
              requestId: scope?.requestId,
              ...labels,
              outcome,
              ms: Math.round(seconds * 1000),
              sqlStatements: scope?.sqlStatements,
              errorCodes: errors?.map((e) => e.extensions?.code),
            },
            "graphql operation",
          );
          return Promise.resolve();
        },
      });
    },
  };
}
