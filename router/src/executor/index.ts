import { operationFromDocument } from "@apollo/federation-internals";
import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServerPlugin } from "@apollo/server";
import type { FetchNode, QueryPlan } from "@apollo/query-planner";
import { planningDone } from "@storefront/platform/tracing";
import {
  GraphQLError,
  Kind,
  type GraphQLFormattedError,
  OperationTypeNode,
  executeSync,
  getOperationAST,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from "graphql";
import type { RouterContext } from "../context";
import { Lru, type SupergraphState } from "../subscriptions/planner";
import { executeDeferred, executePlan, type DeferredWork, type PlanRun } from "./execute";
import {
  compileShape,
  shapeDeferred,
  shapeResponse,
  type CompiledShape,
  type DeferredOccurrence,
  type IncrementalPart,
} from "./shape";
import type { CachePolicy, ForwardedCaller, SubgraphClient, SubgraphResponse } from "./subgraph-client";

export { SubgraphClient, createSubgraphMetrics } from "./subgraph-client";
export type { ForwardedCaller, SubgraphResponse } from "./subgraph-client";

type GatewayExecutor = ApolloGateway["executor"];
type GatewayRequestContext = Parameters<GatewayExecutor>[0];
type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** What follows the first response of an incremental one (deferSpec 20220824, as Apollo Server frames it). */
export interface SubsequentResult {
  incremental: (Omit<IncrementalPart, "errors"> & { errors?: GraphQLFormattedError[] })[];
  hasNext: boolean;
}

/**
 * Whether a request takes `@defer` answered incrementally: `Accept` names
 * `multipart/mixed;deferSpec=20220824` (Apollo Client, Apollo Kotlin and iOS) with a quality above 0.
 */
export function acceptsDeferredDelivery(accept: string | null | undefined): boolean {
  for (const range of (accept ?? "").split(",")) {
    const [essence = "", ...params] = range.split(";").map((piece) => piece.trim().toLowerCase());
    if (essence !== "multipart/mixed") continue;
    const param = (name: string) =>
      params
        .find((p) => p.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .replace(/^"(.*)"$/, "$1");
    const quality = param("q");
    if (param("deferspec") === "20220824" && (quality === undefined || Number(quality) > 0)) return true;
  }
  return false;
}

/** Everything the router derives once per operation document (and name) and graph. */
export interface CompiledOperation {
  plan: QueryPlan;
  shape: CompiledShape;
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
}

const COMPILED_CACHE_SIZE = 1_000;

/**
 * The router's execution of operations: the federation query planner's plan (cached with the
 * compiled shape of the client's selection per document and graph), run by the router's own
 * plan executor over its own subgraph client, and shaped to the client's selection.
 *
 * It takes the place of @apollo/gateway's executor; the gateway still loads and reloads the
 * supergraph and @apollo/server still serves HTTP (see README, "Router core").
 */
export class OperationExecutor {
  private readonly compiled = new WeakMap<SupergraphState, Lru<CompiledOperation>>();
  /** The request body of a fetch, up to its variables: built once per plan node. */
  private readonly bodyPrefixes = new WeakMap<FetchNode, string>();
  /** The rest of an incremental response, by the request's context, for `incrementalDeliveryPlugin`. */
  private readonly incremental = new WeakMap<object, AsyncIterable<SubsequentResult>>();
  /** Formats the errors of deferred parts as Apollo formats the first response's. */
  formatError: FormatError = (formatted) => formatted;

  constructor(
    /** The graph being served (replaced when the supergraph reloads). */
    private readonly planning: { readonly current: SupergraphState | undefined },
    private readonly client: SubgraphClient,
  ) {}

  /** Plans and compiles an operation of the current graph, or takes it from the cache. */
  compile(
    state: SupergraphState,
    document: DocumentNode,
    key: string,
    operationName: string | undefined,
  ): CompiledOperation {
    let cache = this.compiled.get(state);
    if (!cache) {
      cache = new Lru(COMPILED_CACHE_SIZE);
      this.compiled.set(state, cache);
    }
    const cached = cache.get(key);
    if (cached) return cached;
    const operation = getOperationAST(document, operationName);
    if (!operation) throw new GraphQLError("Unknown operation named " + JSON.stringify(operationName ?? ""));
    const federationOperation = operationFromDocument(state.federationApiSchema, document, {
      ...(operationName ? { operationName } : {}),
    });
    const fragments = document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    const compiled: CompiledOperation = {
      plan: state.planner.buildQueryPlan(federationOperation),
      shape: compileShape(state.apiSchema, operation, fragments),
      operation,
      fragments,
    };
    cache.set(key, compiled);
    return compiled;
  }

  /** Sends one fetch of a plan to its subgraph, as the given caller. */
  send(
    state: SupergraphState,
    fetch: FetchNode,
    variables: Record<string, unknown>,
    caller: ForwardedCaller | undefined,
    cachePolicy?: CachePolicy,
  ): Promise<SubgraphResponse> {
    const url = state.httpUrl(fetch.serviceName);
    if (!url) return Promise.reject(new Error(`no URL for subgraph ${fetch.serviceName}`));
    let prefix = this.bodyPrefixes.get(fetch);
    if (prefix === undefined) {
      prefix = `{"query":${JSON.stringify(fetch.operation)}${
        fetch.operationName ? `,"operationName":${JSON.stringify(fetch.operationName)}` : ""
      },"variables":`;
      this.bodyPrefixes.set(fetch, prefix);
    }
    return this.client.call(
      fetch.serviceName,
      url,
      `${prefix}${JSON.stringify(variables)}}`,
      caller,
      fetch.operationKind === OperationTypeNode.QUERY,
      cachePolicy,
    );
  }

  /** One execution of a compiled operation's plan, as the given caller. */
  private planRun(
    state: SupergraphState,
    compiled: CompiledOperation,
    variables: Record<string, unknown>,
    caller: ForwardedCaller | undefined,
    options: RunOptions & { later?: DeferredWork[] },
  ): PlanRun {
    return {
      variables,
      variableDefaults: compiled.shape.defaults,
      supergraphSchema: state.supergraphSchema,
      errors: [],
      send: (fetch, fetchVariables) => {
        const answered = options.answer?.(fetch);
        return answered
          ? Promise.resolve(answered)
          : this.send(state, fetch, fetchVariables, caller, options.cachePolicy);
      },
      ...(options.later ? { later: options.later } : {}),
    };
  }

  /**
   * Runs a compiled operation: its plan, then the shaping, with the gateway's rules for what
   * goes where: subgraph and fetch errors in `errors`; errors of value completion (a null for a
   * non-null field, an invalid value) in `extensions.valueCompletion`, and only when no fetch failed.
   */
  async run(
    state: SupergraphState,
    compiled: CompiledOperation,
    variables: Record<string, unknown> | undefined,
    caller: ForwardedCaller | undefined,
    options: RunOptions = {},
  ): Promise<ExecutionResult> {
    const given = variables ?? {};
    const run = this.planRun(state, compiled, given, caller, options);
    const data = await executePlan(run, planNodeOf(compiled));
    return resultOf(run, () =>
      shapeResponse(compiled.shape, state.apiSchema, data, given, (field) =>
        introspect(state, compiled, field, given),
      ),
    );
  }

  /**
   * Runs an operation with deferred fragments for a client that takes incremental delivery: the
   * plan's primary part first, answered without the deferred fragments; then, while that answer
   * is on its way, the deferred parts, answered as one more part of the response with each
   * deferred fragment's data at its path. Returns the first response; the rest is left for
   * `takeIncremental` (nothing when no deferred fragment applied after all).
   */
  async runIncremental(
    state: SupergraphState,
    compiled: CompiledOperation,
    variables: Record<string, unknown> | undefined,
    caller: ForwardedCaller | undefined,
    context: object,
  ): Promise<ExecutionResult> {
    const given = variables ?? {};
    const later: DeferredWork[] = [];
    const run = this.planRun(state, compiled, given, caller, { later });
    const data = await executePlan(run, planNodeOf(compiled));
    const answerIntrospection = (field: FieldNode): unknown => introspect(state, compiled, field, given);
    const occurrences: DeferredOccurrence[] = [];
    const first = resultOf(run, () =>
      shapeResponse(compiled.shape, state.apiSchema, data, given, answerIntrospection, occurrences),
    );
    if (occurrences.length === 0) return first;
    const formatError = this.formatError;
    const alreadyReported = run.errors.length;
    const format = (error: GraphQLError) => formatError(formatted(error), error);
    this.incremental.set(context, {
      async *[Symbol.asyncIterator]() {
        let parts: IncrementalPart[];
        try {
          await executeDeferred(run, later);
          parts = shapeDeferred(compiled.shape, state.apiSchema, occurrences, given, answerIntrospection);
        } catch (error) {
          // The stream has begun: a failure is the last part's error, at the first deferred path.
          const failure = asGraphQLError(error);
          yield {
            incremental: [{ data: null, path: occurrences[0]!.path, errors: [format(failure)] }],
            hasNext: false,
          };
          return;
        }
        // A fetch error goes with the part whose path holds it (the first part when none does).
        for (const error of run.errors.slice(alreadyReported)) {
          const part = parts.find((p) => isPrefix(p.path, error.path)) ?? parts[0]!;
          (part.errors ??= []).push(error);
        }
        yield {
          incremental: parts.map(({ errors, ...part }) =>
            errors ? { ...part, errors: errors.map(format) } : part,
          ),
          hasNext: false,
        };
      },
    });
    return first;
  }

  /** The rest of the incremental response `runIncremental` began for this request context, once. */
  takeIncremental(context: object): AsyncIterable<SubsequentResult> | undefined {
    const rest = this.incremental.get(context);
    this.incremental.delete(context);
    return rest;
  }

  /** The gateway's `executor` signature, for @apollo/server. */
  readonly execute: GatewayExecutor = async (requestContext: GatewayRequestContext) => {
    const state = this.planning.current;
    if (!state) throw new Error("no supergraph loaded");
    const { request, document, queryHash } = requestContext;
    const operationName = request.operationName ?? undefined;
    const key = operationName ? `${operationName}\n${queryHash}` : queryHash;
    const compiled = this.compile(state, document, key, operationName);
    const context = requestContext.context as Partial<RouterContext>;
    planningDone("router", context);
    const caller = typeof context.requestId === "string" ? (context as RouterContext) : undefined;
    // Variables that do not coerce are answered as the gateway answers them, before any fetch.
    if (compiled.operation.variableDefinitions?.length) {
      const { errors } = getVariableValues(
        state.apiSchema,
        compiled.operation.variableDefinitions,
        request.variables ?? {},
      );
      if (errors) return { errors };
    }
    if (compiled.shape.hasDefer && acceptsDeferredDelivery(request.http?.headers.get("accept")))
      return this.runIncremental(
        state,
        compiled,
        request.variables,
        caller,
        requestContext.context,
      ) as ReturnType<GatewayExecutor>;
    return this.run(state, compiled, request.variables, caller, {
      cachePolicy: requestContext.overallCachePolicy as CachePolicy,
    }) as ReturnType<GatewayExecutor>;
  };
}

/** What a run may be given besides its variables and caller. */
interface RunOptions {
  /** Answers a fetch without a call (a subscription's event answers its primary fetch). */
  answer?: (fetch: FetchNode) => SubgraphResponse | undefined;
  /** Restricted by each subgraph's Cache-Control. */
  cachePolicy?: CachePolicy;
}

/** The plan's node to run (a subscription's is run per event, from its own plan). */
function planNodeOf(compiled: CompiledOperation) {
  return compiled.plan.node?.kind === "Subscription" ? undefined : compiled.plan.node;
}

function asGraphQLError(error: unknown): GraphQLError {
  return error instanceof GraphQLError
    ? error
    : new GraphQLError((error as Error).message, { originalError: error as Error });
}

/**
 * The response of a run, by @apollo/gateway's rules: the fetches' errors in `errors`; errors of
 * value completion in `extensions.valueCompletion`, and only when no fetch failed; a shaping that
 * fails is the only error.
 */
function resultOf(run: PlanRun, shape: () => ReturnType<typeof shapeResponse>): ExecutionResult {
  let shaped;
  try {
    shaped = shape();
  } catch (error) {
    return { errors: [asGraphQLError(error)] };
  }
  if (run.errors.length === 0 && shaped.errors.length > 0)
    return { data: shaped.data, extensions: { valueCompletion: shaped.errors } };
  return run.errors.length === 0 ? { data: shaped.data } : { errors: run.errors, data: shaped.data };
}

function isPrefix(
  prefix: readonly (string | number)[],
  path: readonly (string | number)[] | undefined,
): boolean {
  return !!path && prefix.length <= path.length && prefix.every((element, i) => path[i] === element);
}

/** An error as Apollo Server hands it to `formatError`: its JSON, with a code. */
function formatted(error: GraphQLError): GraphQLFormattedError {
  const json = error.toJSON();
  return {
    ...json,
    extensions: { ...json.extensions, code: error.extensions.code ?? "INTERNAL_SERVER_ERROR" },
  };
}

/**
 * Turns a response the executor began incrementally into Apollo Server's incremental body, which
 * it sends as `multipart/mixed; deferSpec=20220824`.
 */
export function incrementalDeliveryPlugin(executor: OperationExecutor): ApolloServerPlugin<RouterContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse(requestContext) {
          const rest = executor.takeIncremental(requestContext.contextValue);
          const body = requestContext.response.body;
          if (rest && body.kind === "single") {
            requestContext.response.body = {
              kind: "incremental",
              initialResult: { ...body.singleResult, hasNext: true },
              subsequentResults: rest as AsyncIterable<never>,
            };
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** `__schema` / `__type` answered from the API schema, as the gateway answers them. */
function introspect(
  state: SupergraphState,
  compiled: CompiledOperation,
  field: FieldNode,
  variables: Record<string, unknown>,
): unknown {
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: compiled.operation.variableDefinitions ?? [],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
      },
      ...compiled.fragments,
    ],
  };
  const { data, errors } = executeSync({
    schema: state.introspectionSchema,
    document,
    rootValue: {},
    variableValues: variables,
  });
  if (errors?.length || !data) throw new Error(`introspection failed: ${errors?.[0]?.message ?? "no data"}`);
  return data[field.alias?.value ?? field.name.value];
}
