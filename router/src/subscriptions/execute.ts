import { SpanKind, inSpan } from "@storefront/platform/tracing";
import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
} from "graphql";
import type { RouterContext } from "../context";
import type { CompiledOperation, OperationExecutor, SubgraphResponse } from "../executor";
import { compileShape } from "../executor/shape";
import type { SubscriptionPlan, SupergraphState } from "./planner";

/** One event of a primary subscription, as the subgraph sent it. */
export type UpstreamEvent = FormattedExecutionResult;

export interface EventExecutionOptions {
  state: SupergraphState;
  plan: SubscriptionPlan;
  /** The router's executor (the same one HTTP operations run on). */
  operations: OperationExecutor;
  context: RouterContext;
  source: string;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/** The compiled shape of each subscription plan: plans are cached per graph, so this is too. */
const compiledPlans = new WeakMap<SubscriptionPlan, CompiledOperation>();

function compiledFor(options: EventExecutionOptions): CompiledOperation {
  const { plan, state, document } = options;
  let compiled = compiledPlans.get(plan);
  if (!compiled) {
    const operation = getOperationAST(document, options.operationName);
    if (!operation) throw new Error("the subscription document has no such operation");
    const fragments = document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    compiled = {
      plan: plan.perEvent,
      shape: compileShape(state.apiSchema, operation, fragments),
      operation,
      fragments,
    };
    compiledPlans.set(plan, compiled);
  }
  return compiled;
}

/**
 * Runs the rest of a subscription's plan for each event and shapes the result to the client's
 * selection, with the router's own executor, exactly as an HTTP operation is run: the plan
 * `Sequence[primary, rest]`, where the primary fetch is answered by the event itself instead of a
 * call, and `rest` fetches the entities the selection needs from the other subgraphs (batched per
 * subgraph and path, as the caller, with the per-fetch deadline and the subgraph metrics). The
 * shaping also drops what the router added to the primary (the resume sequence).
 */
export function eventExecutor(options: EventExecutionOptions) {
  const { plan, state, context, operations } = options;
  const compiled = compiledFor(options);
  // Each event is a span of its own, parent of the entity fetches that complete it.
  const operationName = compiled.operation.name?.value;
  const attributes = {
    "graphql.operation.type": "subscription",
    "graphql.subgraph.name": plan.service,
    ...(operationName ? { "graphql.operation.name": operationName } : {}),
  };
  return (event: UpstreamEvent): Promise<ExecutionResult> =>
    inSpan("router", "subscription event", { kind: SpanKind.INTERNAL, attributes }, () => {
      // A copy: merging the entities into it must not change what the upstream handed over.
      const answer = { ...event } as SubgraphResponse;
      return operations.run(state, compiled, options.variables, context, {
        answer: (fetch) => (fetch === plan.primary ? answer : undefined),
      });
    });
}
