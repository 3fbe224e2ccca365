import { GraphQLError } from "graphql";
import { SERVICE_TOKEN_HEADER } from "./context";
import { ErrorCode, ServiceCallError } from "./errors";
import { activeService, injectTraceContext, inSpan, SpanKind } from "./tracing";

export interface ServiceCallOptions {
  requestId?: string;
  /** Call on the end user's behalf (their verified `Authorization` header) instead of as the platform. */
  authorization?: string;
  timeoutMs?: number;
}

/** fetch's own message is "fetch failed"; the reason (refused, reset, timed out, and where) is its cause. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return "unreachable";
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

/**
 * An internal operation as `@storefront/contracts` generates it from the callee's SDL: its text,
 * carrying its result and variables types (the shape of graphql-codegen's typed documents, so
 * the generated `TypedDocumentString`s fit it). A plain string is refused: its types would be a
 * guess that nothing checks against the callee.
 */
export type ServiceOperation<TData, TVariables> = object & {
  /** Never set: only carries the types. */
  __apiType?: (variables: TVariables) => TData;
  /** The operation's text, as sent. */
  toString(): string;
};

/** What a proxy or load balancer answers for a service that is down, overloaded or slow. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * GraphQL calls from one subgraph to another (internal operations with the service credential,
 * or entity lookups on a user's behalf), each an operation of `@storefront/contracts`, so its
 * result is typed as the callee's schema has it. Errors come back as ServiceCallError; a caller decides
 * whether they are retryable. Never forwards anything but the credential, request id, token and trace context.
 */
export function createServiceClient(options: {
  service: string;
  url: string;
  serviceToken: string | undefined;
}) {
  return async function call<TData, TVariables>(
    document: ServiceOperation<TData, TVariables>,
    variables: NoInfer<TVariables>,
    call: ServiceCallOptions = {},
  ): Promise<TData> {
    const query = document.toString();
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
    return inSpan(
      activeService() ?? "storefront",
      `${options.service}${operation ? ` ${operation}` : ""}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          "peer.service": options.service,
          ...(operation ? { "graphql.operation.name": operation } : {}),
        },
      },
      async (span) => {
        const data = await send<TData>(query, variables, call);
        span.setAttribute("http.response.status_code", data.status);
        return data.body;
      },
    );
  };

  async function send<TData>(
    query: string,
    variables: unknown,
    call: ServiceCallOptions,
  ): Promise<{ body: TData; status: number }> {
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: "POST",
        headers: injectTraceContext({
          "content-type": "application/json",
          ...(call.authorization ? { authorization: call.authorization } : {}),
          ...(options.serviceToken && !call.authorization
            ? { [SERVICE_TOKEN_HEADER]: options.serviceToken }
            : {}),
          ...(call.requestId ? { "x-request-id": call.requestId } : {}),
        }),
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(call.timeoutMs ?? 10_000),
      });
    } catch (error) {
      // Refused, reset or past its deadline: the callee is not answering now, which may pass.
      throw new ServiceCallError(options.service, describeFailure(error), [ErrorCode.UNAVAILABLE]);
    }
    let body: {
      data?: TData | null;
      errors?: { message: string; extensions?: { code?: string; field?: string } }[];
    };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new ServiceCallError(
        options.service,
        `non-JSON answer (HTTP ${response.status})`,
        UNAVAILABLE_STATUSES.has(response.status) ? [ErrorCode.UNAVAILABLE] : [],
      );
    }
    if (body.errors?.length || !body.data) {
      const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      throw new ServiceCallError(
        options.service,
        body.errors?.map((e) => e.message).join("; ") ?? "no data",
        codes,
        (body.errors ?? []).map((e) => e.extensions?.field),
      );
    }
    return { body: body.data, status: response.status };
  }
}

export type ServiceClient = ReturnType<typeof createServiceClient>;

/**
 * Turns a downstream client error (bad input, not found …) into the same error for our caller.
 * `field` renames the downstream `extensions.field` into our operation's terms (its arguments are
 * not ours); a field it does not know is left out rather than misnamed.
 */
export function passThroughClientError(
  error: unknown,
  field?: (downstream: string) => string | undefined,
): never {
  if (error instanceof ServiceCallError) {
    const index = error.codes.findIndex(
      (c) => c === ErrorCode.BAD_USER_INPUT || c === ErrorCode.NOT_FOUND || c === ErrorCode.FORBIDDEN,
    );
    if (index !== -1) {
      const downstream = error.fields[index];
      const ours = downstream && field ? field(downstream) : undefined;
      throw new GraphQLError(error.message.replace(/^[^:]+: /, ""), {
        extensions: { code: error.codes[index], ...(ours ? { field: ours } : {}) },
      });
    }
  }
  throw error;
}
