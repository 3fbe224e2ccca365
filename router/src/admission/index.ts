import { type Span, SpanKind, inSpan } from "@storefront/platform/tracing";
import { ErrorCode } from "@storefront/platform/errors";
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  getVariableValues,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { RouterClient } from "../clients";
import type { RouterContext } from "../context";
import { persistedQueryHash, type OperationRequest } from "../persisted/resolve";
import type { Protection } from "../protection";
import type { CostReport } from "../protection/cost-budget";
import { parseOperation } from "../protection/limits";
import { rateLimitedError } from "../protection/rate-limit";
import { DocumentCache, documentHash } from "./documents";
import { RouterErrorCode } from "../errors";

export { documentHash } from "./documents";

/** One operation as either transport receives it. */
export interface AdmissionRequest extends OperationRequest {
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}

/** Who is asking: the identified client, the signed-in user, the address. */
export type Caller = Pick<RouterContext, "client" | "viewer" | "clientIp">;

/**
 * Where a refusal was decided. An executor that repeats a stage on its own (Apollo parses,
 * validates and coerces variables again when handed the text) may answer its refusals itself.
 */
export type RefusalStage = "request" | "document" | "operation" | "variables" | "limits";

export interface Refused {
  kind: "refused";
  stage: RefusalStage;
  /** The refusal's code (its first error's); the one router_rejections_total counted. */
  code: string;
  /** What HTTP answers it with (a WebSocket has no status). */
  status: number;
  /** Router errors; `extensions.http` says how HTTP answers them. */
  errors: GraphQLError[];
  /** The operation's text when it was known (parse, validation and later refusals). */
  source?: string;
  /** The operation's estimated cost when it was measured (`extensions.cost`). */
  cost?: CostReport;
}

export interface Admitted {
  kind: "admitted";
  source: string;
  /** SHA-256 of `source`. */
  hash: string;
  document: DocumentNode;
  /** Undefined only where the transport leaves a missing operation to its executor. */
  operation: OperationDefinitionNode | undefined;
  operationName: string | undefined;
  /** The variables coerced against the schema (defaults applied). */
  variables: Record<string, unknown>;
  client: RouterClient | undefined;
  cost: CostReport | undefined;
}

export type Admission = Admitted | Refused;

/**
 * What a transport serves: `run` goes on to variables and limits; `executor` admits the operation
 * unchecked because the transport's executor refuses it itself (HTTP: a subscription, a mutation
 * over GET, no operation — Apollo's answers); a GraphQLError refuses it here.
 */
export interface Transport {
  screen(
    operation: OperationDefinitionNode | undefined,
    operationName: string | undefined,
  ): "run" | "executor" | GraphQLError;
}

export interface AdmissionOptions {
  protection: Protection;
  /** Production hides the schema: no introspection. */
  production: boolean;
  /** The API schema operations are validated against; undefined until the graph is loaded. */
  schema(): GraphQLSchema | undefined;
}

/** A router refusal with the HTTP status that answers it (400 unless the error says otherwise). */
function statusOf(error: GraphQLError): number {
  const http = error.extensions.http as { status?: number } | undefined;
  return http?.status ?? 400;
}

function withStatus(error: GraphQLError, status: number): GraphQLError {
  if (error.extensions.http) return error;
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    extensions: { ...error.extensions, http: { status } },
  });
}

/** One admission stage as a span of its own (a no-op when tracing is off). */
function stage<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  return inSpan("router", `admission ${name}`, { kind: SpanKind.INTERNAL }, async () => run());
}

/** What the admission span says of its verdict: admitted, or refused at which stage with which code. */
function recordVerdict(span: Span, admission: Admission): Admission {
  span.setAttribute("graphql.admission.outcome", admission.kind);
  if (admission.kind === "refused") {
    span.setAttributes({ "graphql.admission.stage": admission.stage, "graphql.error.code": admission.code });
  }
  return admission;
}

/** Apollo's answer to an unknown APQ hash: 200 with an error, and not cached by anyone. */
function persistedQueryNotFound(): GraphQLError {
  return new GraphQLError("PersistedQueryNotFound", {
    extensions: {
      code: "PERSISTED_QUERY_NOT_FOUND",
      http: { status: 200, headers: new Map([["cache-control", "private, no-cache, must-revalidate"]]) },
    },
  });
}

/**
 * The one admission stage of the router, the same for HTTP and WebSocket. Once the caller is
 * identified (./caller.ts, at the request or the connection): the client's rate limit, the
 * persisted-operation policy (manifest ids, APQ), parsing with the token limit, validation
 * against the API schema, the operation, the operation limits and the client's cost budget, and
 * the variables. It answers *admitted* (what an executor needs) or *refused* (one code, its HTTP
 * status), and counts each refusal it makes in router_rejections_total and every persisted
 * lookup in router_persisted_operations_total itself, exactly once: transports only deliver.
 */
export function createAdmission(options: AdmissionOptions) {
  const { protection } = options;
  const { metrics } = protection;
  const documents = new DocumentCache();
  const validationRules = options.production
    ? [...specifiedRules, NoSchemaIntrospectionCustomRule]
    : specifiedRules;

  const refuse = (
    stage: RefusalStage,
    errors: GraphQLError[],
    extra: { source?: string; cost?: CostReport; throttled?: boolean } = {},
  ): Refused => {
    const first = errors[0]!;
    const code = String(first.extensions.code);
    if (extra.throttled) metrics.throttled();
    else metrics.rejected(code);
    const status = statusOf(first);
    return {
      kind: "refused",
      stage,
      code,
      status,
      errors: errors.map((error) => withStatus(error, status)),
      ...(extra.source !== undefined ? { source: extra.source } : {}),
      ...(extra.cost ? { cost: extra.cost } : {}),
    };
  };

  /** The operation text to run under the client's policy, and an APQ hash to register once admitted. */
  async function source(
    request: AdmissionRequest,
    caller: Caller,
  ): Promise<Refused | { source: string; hash: string; register: boolean }> {
    let resolution;
    try {
      resolution = protection.resolvePersisted(request, caller.client);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      if (error.extensions.code === RouterErrorCode.OPERATION_NOT_IN_MANIFEST)
        metrics.persisted.inc({ kind: "manifest", outcome: "miss" });
      return refuse("request", [error]);
    }
    if (resolution.kind === "manifest") {
      metrics.persisted.inc({ kind: "manifest", outcome: "hit" });
      return { source: resolution.operation.body, hash: resolution.operation.id, register: false };
    }
    const hash = persistedQueryHash(request.extensions);
    // resolvePersisted made sure a hash sent with text is the text's.
    if (typeof request.query === "string" && request.query)
      return { source: request.query, hash: hash ?? documentHash(request.query), register: !!hash };
    if (!hash) {
      return refuse("request", [
        new GraphQLError("Send `query`, `documentId` or a persisted query hash.", {
          extensions: { code: "BAD_REQUEST" },
        }),
      ]);
    }
    const cached = await protection.apqCache.get(`apq:${hash}`);
    if (cached === undefined) {
      metrics.persisted.inc({ kind: "apq", outcome: "miss" });
      return refuse("request", [persistedQueryNotFound()]);
    }
    metrics.persisted.inc({ kind: "apq", outcome: "hit" });
    return { source: cached, hash, register: false };
  }

  /** Parsed with the token limit and validated, or the cached result of having done so. */
  function documentOf(
    schema: GraphQLSchema,
    text: string,
    hash: string,
  ): { document: DocumentNode } | Refused {
    const cached = documents.get(schema, hash);
    if (cached) return { document: cached };
    const parsed = parseOperation(text, protection.limits);
    if ("errors" in parsed) return refuse("document", parsed.errors, { source: text });
    const invalid = validate(schema, parsed.document, validationRules);
    if (invalid.length) {
      return refuse(
        "document",
        invalid.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")),
        { source: text },
      );
    }
    documents.remember(schema, hash, parsed.document);
    return { document: parsed.document };
  }

  return {
    documents,

    /** Counts `operations` against the caller's per-minute budget; a refusal when it is spent. */
    async rateLimit(caller: Caller, operations: number): Promise<Refused | undefined> {
      const decision = await protection.consumeRateLimit(caller, operations);
      return decision.allowed ? undefined : refuse("request", [rateLimitedError(decision.retryAfterSeconds)]);
    },

    /**
     * Every check but the rate limit (which a transport may count per request, as HTTP batches
     * do), traced as an `admission` span with a child span per stage.
     */
    admit(request: AdmissionRequest, caller: Caller, transport: Transport): Promise<Admission> {
      return inSpan("router", "admission", { kind: SpanKind.INTERNAL }, async (span) =>
        recordVerdict(span, await admit(request, caller, transport)),
      );
    },
  };

  async function admit(request: AdmissionRequest, caller: Caller, transport: Transport): Promise<Admission> {
    const resolved = await stage("document source", () => source(request, caller));
    if ("kind" in resolved) return resolved;
    const schema = options.schema();
    if (!schema) {
      return refuse("request", [
        new GraphQLError("The graph is not loaded yet.", {
          extensions: { code: "SUBGRAPH_UNAVAILABLE", http: { status: 503 } },
        }),
      ]);
    }
    const checked = await stage("parse and validate", () =>
      documentOf(schema, resolved.source, resolved.hash),
    );
    if ("kind" in checked) return checked;
    const { document } = checked;

    const operationName = request.operationName ?? undefined;
    const operation = getOperationAST(document, operationName) ?? undefined;
    const admitted: Admitted = {
      kind: "admitted",
      source: resolved.source,
      hash: resolved.hash,
      document,
      operation,
      operationName,
      variables: {},
      client: caller.client,
      cost: undefined,
    };
    const screened = transport.screen(operation, operationName);
    if (screened instanceof GraphQLError) return refuse("operation", [screened], { source: resolved.source });
    if (screened === "executor" || !operation) return admitted;

    // The limits first, on the variables as sent (the measure applies their defaults itself):
    // an operation too big to run is refused before its variables are even looked at.
    const limits = await stage("limits", () =>
      protection.admitOperation(document, request.variables ?? undefined, schema, operationName, caller),
    );
    // The first broken limit is the one reported.
    const [broken] = limits.errors;
    if (broken) {
      return refuse("limits", [broken], {
        source: resolved.source,
        ...(limits.cost ? { cost: limits.cost } : {}),
        throttled: limits.throttled,
      });
    }
    const coerced = await stage("variables", () =>
      getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}),
    );
    if (coerced.errors) {
      return refuse(
        "variables",
        coerced.errors.map((error) => withCode(error, ErrorCode.BAD_USER_INPUT)),
        { source: resolved.source },
      );
    }
    // An APQ registration is written only for an operation that may run.
    if (resolved.register) {
      await protection.apqCache.set(`apq:${resolved.hash}`, resolved.source);
      metrics.persisted.inc({ kind: "apq", outcome: "register" });
    }
    return { ...admitted, variables: coerced.coerced, cost: limits.cost };
  }
}
export type AdmissionStage = ReturnType<typeof createAdmission>;

/** A graphql-js error (parse, validation, variables) with the code the router answers it with. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    extensions: { ...error.extensions, code },
  });
}
