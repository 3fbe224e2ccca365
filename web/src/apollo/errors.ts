import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import type { GraphQLFormattedError } from "graphql";

/** The GraphQL errors of a failed operation, whether they came in a 200 or in a 4xx body. */
export function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      return Array.isArray(body.errors) ? body.errors : [];
    } catch {
      return [];
    }
  }
  return [];
}

export function errorCodeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** The router refused an access token because it expired (as opposed to a forged or revoked one). */
export function isExpiredTokenError(error: unknown): boolean {
  return graphQLErrorsOf(error).some(
    (e) => errorCodeOf(e) === "UNAUTHENTICATED" && /expired/i.test(e.message),
  );
}

/** `extensions.field` → message, for BAD_USER_INPUT errors that name the input at fault. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of graphQLErrorsOf(error)) {
    const field = e.extensions?.field;
    if (errorCodeOf(e) === "BAD_USER_INPUT" && typeof field === "string") fields[field] = e.message;
  }
  return fields;
}

/** The message of a field error whose path ends with `name` (e.g. `card.number`), if any. */
export function fieldError(fields: Record<string, string>, name: string): string | undefined {
  for (const [path, message] of Object.entries(fields)) {
    if (path === name || path.endsWith(`.${name}`)) return message;
  }
  return undefined;
}

/** One sentence for the user, whatever went wrong. Server messages are written to be shown. */
export function userMessageOf(error: unknown): string {
  const errors = graphQLErrorsOf(error);
  const first = errors[0];
  if (first) {
    switch (errorCodeOf(first)) {
      case "RATE_LIMITED":
        return "Too many requests right now. Please wait a moment and try again.";
      case "UNAUTHENTICATED":
        return /expired/i.test(first.message)
          ? "Your session has expired. Please sign in again."
          : "Please sign in to continue.";
      case "FORBIDDEN":
        return "You are not allowed to do this.";
      case "INTERNAL_SERVER_ERROR":
        return "Something went wrong on our side. Please try again.";
      case "PERSISTED_QUERY_REQUIRED":
      case "OPERATION_NOT_IN_MANIFEST":
      case "PERSISTED_QUERY_NOT_FOUND":
        return "This version of the shop is out of date. Please reload the page.";
      default:
        return first.message;
    }
  }
  if (ServerError.is(error)) {
    return error.statusCode >= 500
      ? "The shop is not answering right now. Please try again in a moment."
      : "The request was refused. Please reload the page and try again.";
  }
  return "Could not reach the shop. Check your connection and try again.";
}
