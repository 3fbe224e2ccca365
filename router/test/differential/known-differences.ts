import { ErrorCode } from "@storefront/platform/errors";
import type { ComparedError, KnownDifference } from "@storefront/testkit/differential";
import { RouterErrorCode } from "../../src/errors";

/**
 * Where the router answers differently from a stock @apollo/gateway, on purpose. Each entry
 * rewrites the stock gateway's answer into exactly what the router must answer instead (see
 * KnownDifference); the first entry that applies to an error wins. Nothing here covers a bug:
 * a difference not listed fails the differential tests.
 */

/** The codes a client is told as they are (platform's error formatter); any other is masked. */
const CLIENT_FACING_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(RouterErrorCode),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);
CLIENT_FACING_CODES.delete(ErrorCode.INTERNAL_SERVER_ERROR);

const UNAVAILABLE_MESSAGE = "A service this request needs is not answering. Please try again shortly.";
const MASKED_MESSAGE = "Something went wrong on our side. Please try again.";

/** What @apollo/gateway answers when a subgraph fetch gets no response (undici's fetch, its own abort). */
const NO_ANSWER_MESSAGES = new Set(["fetch failed", "The operation was aborted due to timeout"]);
/** The stock gateway's text for a non-2xx subgraph response: `<status>: <status text>`. */
const UNAVAILABLE_STATUS = /^50[234]: /;

const unavailable = (error: ComparedError): ComparedError => ({
  message: UNAVAILABLE_MESSAGE,
  path: error.path,
  code: ErrorCode.UNAVAILABLE,
});

/** Codes of the errors that refuse a request before it runs. */
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/** The stock gateway's text for a 4xx subgraph response: `<status>: <status text>`. */
const REFUSAL_STATUS = /^4\d\d: /;

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    id: "subgraph-refusal-passed-on",
    reason:
      "A subgraph that refuses a request with a 4xx status (401 without a valid sign-in, 403, 400) " +
      "still answers in GraphQL; the router passes on those errors, each with its message, code and " +
      "path, as it does for errors in a 200 (a refused fetch may hold BAD_USER_INPUT beside " +
      "UNAUTHENTICATED). The stock gateway replaces them all with one error `401: Unauthorized` " +
      "without a path, carrying the subgraph's URL and body in extensions.response.",
    deliberate: true,
    routerError: (error) =>
      REFUSAL_STATUS.test(error.message) ? { code: /^[A-Z_]+$/, message: /./ } : undefined,
  },
  {
    id: "subgraph-unavailable",
    reason:
      "A subgraph that does not answer (connection refused or reset, past SUBGRAPH_TIMEOUT_MS, or a " +
      "proxy's 502/503/504) is a retryable UNAVAILABLE with a message a client can show; the stock " +
      "gateway passes on the network library's text (`fetch failed`, `The operation was aborted due " +
      "to timeout`, `503: Service Unavailable`) as INTERNAL_SERVER_ERROR.",
    deliberate: true,
    routerError: (error) =>
      NO_ANSWER_MESSAGES.has(error.message) || UNAVAILABLE_STATUS.test(error.message)
        ? unavailable(error)
        : undefined,
  },
  {
    id: "operation-resolution-coded",
    reason:
      "A document with several operations and no `operationName` is the client's mistake: the " +
      "router answers OPERATION_RESOLUTION_FAILURE (HTTP 200) with a message saying what to send, " +
      "where the stock gateway fails it as an internal error (HTTP 500).",
    deliberate: true,
    routerError: (error) =>
      error.message.startsWith("Must provide operation name")
        ? {
            message: "The document has several operations; say which to run with `operationName`.",
            path: undefined,
            code: ErrorCode.OPERATION_RESOLUTION_FAILURE,
          }
        : undefined,
    routerStatus: (response) =>
      response.status === 500 &&
      response.errors.some((e) => e.message.startsWith("Must provide operation name"))
        ? 200
        : undefined,
  },
  {
    id: "internal-errors-masked",
    reason:
      "An error without a client-facing code (a subgraph's uncoded exception, a nullability " +
      "violation, a subgraph's HTTP 500 with its URL and body, a code no client knows) is answered " +
      "as INTERNAL_SERVER_ERROR with a generic message: no internal detail (hosts, SQL, stack, " +
      "schema internals) reaches a client. The details go to the router's log.",
    deliberate: true,
    routerError: (error) =>
      error.code !== undefined && CLIENT_FACING_CODES.has(error.code)
        ? undefined
        : { message: MASKED_MESSAGE, path: error.path, code: ErrorCode.INTERNAL_SERVER_ERROR },
  },
  {
    id: "request-errors-http-200",
    reason:
      "GraphQL over HTTP: a request error (the document does not parse or validate, a variable " +
      "does not coerce) in an `application/json` response is answered with HTTP 200, as the spec " +
      "asks of that media type for legacy clients; Apollo Server answers 400 whatever the media " +
      "type. The errors themselves are the same.",
    deliberate: true,
    routerStatus: (response) =>
      response.status === 400 &&
      response.data === undefined &&
      response.errors.every((error) => REQUEST_ERROR_CODES.has(error.code ?? ""))
        ? 200
        : undefined,
  },
];
