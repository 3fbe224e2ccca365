import type { FetchNode } from "@apollo/query-planner";
import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type NameNode,
  type OperationDefinitionNode,
  type ValueNode,
} from "graphql";

/**
 * The resumption convention of the graph: a subscription field with an `afterSequence: Int`
 * argument whose event type has a `sequence: Int` field delivers, when subscribed with
 * `afterSequence: n`, every event after `n` (replayed first if they already happened).
 * `orderStatusChanged` follows it.
 */
export const RESUME_ARGUMENT = "afterSequence";
export const RESUME_FIELD = "sequence";
/** Names the router adds to the primary fetch; a client's own names cannot reach the subgraph here. */
export const RESUME_VARIABLE = "routerResumeAfterSequence";
export const RESUME_ALIAS = "routerResumeSequence";

/** How to resume a primary subscription: where the sequence is in each event and where the client started. */
export interface ResumePoint {
  /** Response name of the root field in the primary's events. */
  responseName: string;
  /** The client's `afterSequence` (a literal or a variable), if it gave one. */
  initial: ValueNode | undefined;
}

const name = (value: string): NameNode => ({ kind: Kind.NAME, value });

/** Type names are compared by their printed form, not with graphql-js predicates (see limits.ts). */
const typeName = (type: unknown) => String(type);

function usedVariables(document: DocumentNode): Set<string> {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  return used;
}

/**
 * Makes the primary fetch of a subscription resumable when its root field follows the
 * convention: the `afterSequence` argument becomes the router's own variable (so a re-opened
 * upstream subscription can start after the last event the router received), and the event's
 * `sequence` is selected under a router alias (so it is known even when the client did not ask
 * for it; the response is shaped to the client's selection, so the alias never reaches it).
 * Any other primary is returned unchanged, without a resume point.
 */
export function makeResumable(
  primary: FetchNode,
  schema: GraphQLSchema,
): { primary: FetchNode; resume: ResumePoint | undefined } {
  const unchanged = { primary, resume: undefined };
  const document = parse(primary.operation);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return unchanged;
  const field = operation.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== "__typename",
  );
  if (!field?.selectionSet) return unchanged;

  const definition = schema.getSubscriptionType()?.getFields()[field.name.value];
  const argument = definition?.args.find((a) => a.name === RESUME_ARGUMENT);
  if (!definition || !argument || typeName(argument.type) !== "Int") return unchanged;
  // A list of events has no single sequence to resume from.
  if (typeName(definition.type).includes("[")) return unchanged;
  const eventType = schema.getType(typeName(definition.type).replace(/!$/, ""));
  const sequence = eventType && "getFields" in eventType ? eventType.getFields()[RESUME_FIELD] : undefined;
  if (!sequence || !/^Int!?$/.test(typeName(sequence.type))) return unchanged;

  const resumableField: FieldNode = {
    ...field,
    arguments: [
      ...(field.arguments ?? []).filter((a) => a.name.value !== RESUME_ARGUMENT),
      {
        kind: Kind.ARGUMENT,
        name: name(RESUME_ARGUMENT),
        value: { kind: Kind.VARIABLE, name: name(RESUME_VARIABLE) },
      },
    ],
    selectionSet: {
      ...field.selectionSet,
      selections: [
        ...field.selectionSet.selections,
        { kind: Kind.FIELD, alias: name(RESUME_ALIAS), name: name(RESUME_FIELD) },
      ],
    },
  };
  const withField: OperationDefinitionNode = {
    ...operation,
    selectionSet: {
      ...operation.selectionSet,
      selections: operation.selectionSet.selections.map((s) => (s === field ? resumableField : s)),
    },
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []),
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: name(RESUME_VARIABLE) },
        type: { kind: Kind.NAMED_TYPE, name: name("Int") },
      },
    ],
  };
  const draft: DocumentNode = {
    ...document,
    definitions: document.definitions.map((d) => (d === operation ? withField : d)),
  };
  // A client variable that only fed `afterSequence` is now unused, which a subgraph refuses.
  const used = usedVariables(draft);
  const resumable: OperationDefinitionNode = {
    ...withField,
    variableDefinitions: withField.variableDefinitions?.filter((d) => used.has(d.variable.name.value)),
  };
  const rewritten: DocumentNode = {
    ...document,
    definitions: document.definitions.map((d) => (d === operation ? resumable : d)),
  };
  return {
    primary: {
      ...primary,
      operation: print(rewritten),
      operationDocumentNode: rewritten,
      variableUsages: [...used].filter((v) => v !== RESUME_VARIABLE),
    },
    resume: {
      responseName: field.alias?.value ?? field.name.value,
      initial: field.arguments?.find((a) => a.name.value === RESUME_ARGUMENT)?.value,
    },
  };
}

/** The client's starting `afterSequence`, from its literal or its (coerced) variable. */
export function initialSequence(
  value: ValueNode | undefined,
  variables: Record<string, unknown>,
): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === "number" ? given : undefined;
  }
  return undefined;
}

/** The sequence the router asked for in one event of the primary, if there is one. */
export function sequenceOf(data: unknown, resume: ResumePoint): number | undefined {
  if (!data || typeof data !== "object") return undefined;
  const event = (data as Record<string, unknown>)[resume.responseName];
  if (!event || typeof event !== "object") return undefined;
  const sequence = (event as Record<string, unknown>)[RESUME_ALIAS];
  return typeof sequence === "number" ? sequence : undefined;
}
