import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode } from "graphql";
import { ErrorCode } from "./errors";
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
          const labels = {
            operation: metrics.operationLabel(operationName),
            type: operation?.operation ?? "unknown",
          };
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

function operationCount(document: DocumentNode): number {
  return document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
}

/**
 * Which operation of the document to run is the client's choice, and a wrong one is the
 * client's mistake: without this the executor (the gateway's above all) fails it as an internal
 * error, a 500 logged with a stack. A subscription over plain HTTP is refused the same way: it
 * is served over WebSocket only.
 */
export function operationResolutionPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request }) {
          if (!operation) {
            const name = request.operationName;
            const message = name
              ? `The document has no operation named "${name}".`
              : operationCount(document) > 1
                ? "The document has several operations; say which to run with `operationName`."
                : "The document has no operation to run.";
            throw new GraphQLError(message, {
              extensions: { code: ErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
            });
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError(
              "Subscriptions are served over WebSocket (graphql-ws) on this same path, not over HTTP.",
              {
                extensions: {
                  code: ErrorCode.SUBSCRIPTION_REQUIRES_WEBSOCKET,
                  http: { status: 400 },
                },
              },
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * What a subgraph's own Cache-Control header must reflect beyond its schema's @cacheControl hints,
 * applied just before Apollo's cache-control plugin writes the header (list it after this one): a
 * mutation's answer is never a cacheable read, even when it returns a hinted type; and an answer
 * to a caller with credentials (a bearer token, a guest cart's token) may depend on who asks
 * (an administrator sees archived products), so it is for that caller's cache only. Restricting
 * earlier, before execution, would make Apollo's plugin skip the per-field hints altogether.
 */
export function cachePolicyPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ operation, request, overallCachePolicy }) {
          if (operation?.operation !== OperationTypeNode.QUERY) overallCachePolicy.restrict({ maxAge: 0 });
          const headers = request.http?.headers;
          if (headers?.get("authorization") || headers?.get("x-cart-token"))
            overallCachePolicy.restrict({ scope: "PRIVATE" });
          return Promise.resolve();
        },
      });
    },
  };
}
