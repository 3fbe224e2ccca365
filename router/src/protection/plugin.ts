import type { ApolloServerPlugin } from "@apollo/server";
import { RouterErrorCode, createErrorFormatter, type Logger } from "@storefront/platform";
import { GraphQLError, OperationTypeNode, type GraphQLFormattedError } from "graphql";
import type { RouterContext } from "../context";
import type { Protection } from ".";
import type { CostReport } from "./cost-budget";
import { isTokenLimitMessage } from "./limits";

/**
 * Limits and persisted-operation metrics inside Apollo's pipeline: every operation, batched or
 * not, from text or from the APQ cache, is checked once it is parsed, validated and chosen.
 */
export function protectionPlugin(protection: Protection): ApolloServerPlugin<RouterContext> {
  const { metrics } = protection;
  return {
    serverWillStart() {
      return Promise.resolve({
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl) protection.updateSupergraph(coreSupergraphSdl);
        },
      });
    },
    requestDidStart(requestContext) {
      const wantsCost = costReportAsked(requestContext.request.extensions);
      let cost: CostReport | undefined;
      return Promise.resolve({
        didResolveSource(requestContext) {
          if (requestContext.metrics.persistedQueryHit)
            metrics.persisted.inc({ kind: "apq", outcome: "hit" });
          return Promise.resolve();
        },
        parsingDidStart() {
          return Promise.resolve((error?: Error) => {
            if (error && isTokenLimitMessage(error.message))
              metrics.rejected(RouterErrorCode.TOKEN_LIMIT_EXCEEDED);
            return Promise.resolve();
          });
        },
        async didResolveOperation(requestContext) {
          // No operation, or a subscription over HTTP: operationResolutionPlugin refuses those.
          const operation = requestContext.operation;
          if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return;
          const admission = await protection.admitOperation(
            requestContext.document,
            requestContext.request.variables,
            requestContext.schema,
            requestContext.operationName,
            requestContext.contextValue,
          );
          cost = admission.cost;
          const [first] = admission.errors;
          if (!first) return;
          // Apollo answers one error thrown here; the first broken limit is the one reported.
          if (first.extensions.http) throw first;
          throw new GraphQLError(first.message, {
            extensions: { ...first.extensions, http: { status: 400 } },
          });
        },
        willSendResponse({ response }) {
          // A throttled client always learns its bucket's state; anyone may ask for the cost.
          if (!cost || !(wantsCost || cost.throttleStatus) || response.body.kind !== "single") {
            return Promise.resolve();
          }
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
          return Promise.resolve();
        },
        executionDidStart(requestContext) {
          // Apollo writes a registered APQ entry only after didResolveOperation let it through.
          if (requestContext.metrics.persistedQueryRegister) {
            metrics.persisted.inc({ kind: "apq", outcome: "register" });
          }
          return Promise.resolve();
        },
        didEncounterErrors(requestContext) {
          if (requestContext.errors.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
            metrics.persisted.inc({ kind: "apq", outcome: "miss" });
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** `extensions: { "cost": true }` in the request asks for `extensions.cost` in the response. */
function costReportAsked(extensions: Record<string, unknown> | undefined): boolean {
  return extensions?.cost === true;
}

/** graphql-js appends "Did you mean …?" to messages; in production they would reveal the schema. */
export function stripSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/s, "");
}

/**
 * The platform's formatter (client-facing codes pass, anything else is masked) plus: the parser's
 * token-limit error gets its own code, and suggestions are stripped in production.
 */
export function routerErrorFormatter(log: Logger, options: { production: boolean; maxTokens: number }) {
  const base = createErrorFormatter(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let input = formatted;
    if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" && isTokenLimitMessage(formatted.message)) {
      input = {
        message: `The operation has more than ${options.maxTokens} tokens; shorten it.`,
        extensions: { code: RouterErrorCode.TOKEN_LIMIT_EXCEEDED, limit: options.maxTokens },
      };
    }
    const output = base(input, error);
    return options.production ? { ...output, message: stripSuggestions(output.message) } : output;
  };
}
