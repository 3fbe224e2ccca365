import { type Logger } from "@storefront/platform/logger";
import { createErrorFormatter } from "@storefront/platform/errors";
import type { GraphQLFormattedError } from "graphql";
import { isTokenLimitMessage } from "./limits";
import { RouterErrorCode, routerClientFacingCodes } from "../errors";

/** graphql-js appends "Did you mean …?" to messages; in production they would reveal the schema. */
export function stripSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/s, "");
}

/**
 * The platform's formatter (client-facing codes, the router's own among them, pass; anything else
 * is masked) plus: the parser's token-limit error gets its own code, and suggestions are stripped
 * in production.
 */
export function routerErrorFormatter(log: Logger, options: { production: boolean; maxTokens: number }) {
  const base = createErrorFormatter(log, { clientFacingCodes: routerClientFacingCodes });
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
