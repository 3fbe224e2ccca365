import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  Kind,
  OperationTypeNode,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  print,
  valueFromASTUntyped,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";

/**
 * Shapes the merged subgraph data to the client's operation: only the fields it selected, under
 * its aliases, in its order, with `@skip`/`@include` applied, `__typename` filled, values checked
 * against the API schema, and nulls propagated to the nearest nullable field with an error for
 * each non-null violation.
 *
 * The rules are @apollo/gateway's `computeResponse` (the differential test holds the two equal),
 * but the operation is compiled once per document into plain arrays: at run time there is no
 * schema lookup, directive lookup or selection-set normalisation, only a walk over the data. As
 * in the gateway, the operation is first normalised the way federation normalises it: fields
 * with the same response name and directives are merged, and so are fragments with the same
 * type condition and directives; a named fragment spread is an inline fragment.
 */

/** An `@skip`/`@include` condition: a literal or a variable of the operation. */
type Condition = boolean | { variable: string };

interface FieldEntry {
  kind: "field";
  responseName: string;
  skip?: Condition;
  include?: Condition;
  /** `__typename` under any alias. */
  typename: boolean;
  /** `__schema` / `__type`: answered from the API schema, not from subgraph data. */
  introspection?: FieldNode;
  type: Shape;
}

interface FragmentEntry {
  kind: "fragment";
  skip?: Condition;
  include?: Condition;
  /** `@defer`: delivered after the rest when the client takes incremental delivery. */
  defer?: { label?: string; if: Condition };
  typeCondition: GraphQLCompositeType | undefined;
  /** Whether the condition applies to an object of a given runtime type, by name (memoised). */
  applies: Map<string, boolean>;
  selections: Entry[];
}

type Entry = FieldEntry | FragmentEntry;

/** The compiled output type of a field. */
type Shape =
  | { kind: "nonNull"; ofType: Shape }
  | { kind: "list"; ofType: Shape }
  | { kind: "composite"; selections: Entry[]; type: GraphQLCompositeType }
  | { kind: "leaf"; name: string; valid: (value: unknown) => boolean };

export interface CompiledShape {
  root: Entry[];
  rootType: GraphQLCompositeType;
  /** Variables with a default in the operation, applied under the client's values. */
  defaults: Record<string, unknown>;
  hasIntrospection: boolean;
  /** Whether any fragment is `@defer`red. */
  hasDefer: boolean;
}

export interface ShapeResult {
  data: Record<string, unknown> | null;
  errors: GraphQLError[];
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

function leafCheck(type: GraphQLNamedType): (value: unknown) => boolean {
  if (type === GraphQLBoolean) return (v) => typeof v === "boolean";
  if (type === GraphQLInt || type === GraphQLID)
    return (v) =>
      typeof v === "number"
        ? Number.isFinite(v) && INTEGER.test(String(v))
        : typeof v === "string" && type === GraphQLID;
  if (type === GraphQLFloat) return (v) => typeof v === "number" && Number.isFinite(v);
  if (type === GraphQLString) return (v) => typeof v === "string";
  if (isEnumType(type)) {
    const values = new Set(type.getValues().map((v) => v.name));
    return (v) => typeof v === "string" && values.has(v);
  }
  // A custom scalar accepts whatever its subgraph sent.
  return () => true;
}

function conditionOf(directives: readonly DirectiveNode[] | undefined, name: string): Condition | undefined {
  const directive = directives?.find((d) => d.name.value === name);
  const arg = directive?.arguments?.find((a) => a.name.value === "if")?.value;
  if (!arg) return undefined;
  if (arg.kind === Kind.VARIABLE) return { variable: arg.name.value };
  return arg.kind === Kind.BOOLEAN ? arg.value : undefined;
}

function deferOf(directives: readonly DirectiveNode[] | undefined): FragmentEntry["defer"] {
  const directive = directives?.find((d) => d.name.value === "defer");
  if (!directive) return undefined;
  const label = directive.arguments?.find((a) => a.name.value === "label")?.value;
  return {
    ...(label?.kind === Kind.STRING ? { label: label.value } : {}),
    if: conditionOf(directives, "defer") ?? true,
  };
}

function directivesKey(directives: readonly DirectiveNode[] | undefined): string {
  return directives?.length ? directives.map((d) => print(d)).join(" ") : "";
}

class ShapeCompiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}
  hasIntrospection = false;
  hasDefer = false;

  /**
   * Groups a selection set as federation normalises it: one group per field key (response name
   * and directives) and per fragment key (type condition and directives), in first-seen order.
   */
  selections(parent: GraphQLCompositeType, nodes: readonly SelectionNode[]): Entry[] {
    const groups = new Map<
      string,
      { first: SelectionNode; nodes: SelectionNode[]; typeCondition?: string }
    >();
    for (const node of nodes) {
      let key: string;
      let typeCondition: string | undefined;
      if (node.kind === Kind.FIELD) {
        key = `f:${node.alias?.value ?? node.name.value}:${directivesKey(node.directives)}`;
      } else {
        typeCondition =
          node.kind === Kind.INLINE_FRAGMENT
            ? node.typeCondition?.name.value
            : this.fragments.get(node.name.value)?.typeCondition.name.value;
        key = `i:${typeCondition ?? ""}:${directivesKey(node.directives)}`;
      }
      const group = groups.get(key);
      if (group) group.nodes.push(node);
      else groups.set(key, { first: node, nodes: [node], typeCondition });
    }
    const entries: Entry[] = [];
    for (const group of groups.values()) {
      const first = group.first;
      const skip = conditionOf(first.directives, "skip");
      const include = conditionOf(first.directives, "include");
      if (first.kind === Kind.FIELD) {
        entries.push(this.field(parent, first, group.nodes as FieldNode[], skip, include));
        continue;
      }
      const children: SelectionNode[] = [];
      for (const node of group.nodes) {
        if (node.kind === Kind.INLINE_FRAGMENT) children.push(...node.selectionSet.selections);
        else if (node.kind === Kind.FRAGMENT_SPREAD) {
          const definition = this.fragments.get(node.name.value);
          if (definition) children.push(...definition.selectionSet.selections);
        }
      }
      const condition = group.typeCondition ? this.schema.getType(group.typeCondition) : undefined;
      const typeCondition = condition && isCompositeType(condition) ? condition : undefined;
      const defer = deferOf(first.directives);
      if (defer) this.hasDefer = true;
      entries.push({
        kind: "fragment",
        ...(skip !== undefined ? { skip } : {}),
        ...(include !== undefined ? { include } : {}),
        ...(defer ? { defer } : {}),
        typeCondition,
        applies: new Map(),
        selections: this.selections(typeCondition ?? parent, children),
      });
    }
    return entries;
  }

  private field(
    parent: GraphQLCompositeType,
    node: FieldNode,
    nodes: FieldNode[],
    skip: Condition | undefined,
    include: Condition | undefined,
  ): FieldEntry {
    const name = node.name.value;
    const responseName = node.alias?.value ?? name;
    const base = {
      kind: "field" as const,
      responseName,
      ...(skip !== undefined ? { skip } : {}),
      ...(include !== undefined ? { include } : {}),
    };
    if (name === "__typename")
      return { ...base, typename: true, type: { kind: "leaf", name: "String", valid: () => true } };
    if (name === "__schema" || name === "__type") {
      this.hasIntrospection = true;
      return {
        ...base,
        typename: false,
        introspection: node,
        type: { kind: "leaf", name, valid: () => true },
      };
    }
    const definition = "getFields" in parent ? parent.getFields()[name] : undefined;
    if (!definition) throw new Error(`field ${parent.name}.${name} is not in the API schema`);
    const subSelections = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
    return { ...base, typename: false, type: this.shape(definition.type, subSelections) };
  }

  private shape(type: GraphQLOutputType, selections: SelectionNode[]): Shape {
    if (isNonNullType(type)) return { kind: "nonNull", ofType: this.shape(type.ofType, selections) };
    if (isListType(type)) return { kind: "list", ofType: this.shape(type.ofType, selections) };
    const named = getNamedType(type);
    if (isCompositeType(named))
      return { kind: "composite", type: named, selections: this.selections(named, selections) };
    return { kind: "leaf", name: named.name, valid: leafCheck(named) };
  }
}

export function compileShape(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
): CompiledShape {
  const rootType =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) throw new Error(`the API schema has no ${operation.operation} type`);
  const compiler = new ShapeCompiler(schema, new Map(fragments.map((f) => [f.name.value, f])));
  const root = compiler.selections(rootType, operation.selectionSet.selections);
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (!definition.defaultValue) continue;
    defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return {
    root,
    rootType,
    defaults,
    hasIntrospection: compiler.hasIntrospection,
    hasDefer: compiler.hasDefer,
  };
}

/** Answers an introspection field (`__schema`, `__type`) from the API schema. */
export type IntrospectionAnswer = (field: FieldNode) => unknown;

type Path = (string | number)[];

interface Run {
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  schema: GraphQLSchema;
  introspect: IntrospectionAnswer;
  path: Path;
  /** Set by `update` for its caller: the value made its parent null / an error was recorded. */
  invalid: boolean;
  hasErrors: boolean;
  /** When set, active `@defer` fragments are not applied but recorded here, to be shaped later. */
  deferred: DeferredOccurrence[] | undefined;
}

/** A deferred fragment met while shaping the first response: where it applies, on what data. */
export interface DeferredOccurrence {
  fragment: FragmentEntry;
  input: Record<string, unknown>;
  parentType: GraphQLCompositeType;
  path: Path;
}

function conditionValue(condition: Condition, variables: Record<string, unknown>): boolean {
  return typeof condition === "boolean" ? condition : variables[condition.variable] === true;
}

function skipped(entry: Entry, variables: Record<string, unknown>): boolean {
  return (
    (entry.skip !== undefined && conditionValue(entry.skip, variables)) ||
    (entry.include !== undefined && !conditionValue(entry.include, variables))
  );
}

/** `isSubtype(condition, type)` of federation: the type is the condition or one of its possible types. */
function isSubtype(schema: GraphQLSchema, condition: GraphQLCompositeType, type: GraphQLNamedType): boolean {
  if (condition === type) return true;
  if (!isAbstractType(condition)) return false;
  return (
    (isObjectType(type) || "getInterfaces" in type) &&
    schema.isSubType(condition, type as Parameters<GraphQLSchema["isSubType"]>[1])
  );
}

function fragmentApplies(
  run: Run,
  fragment: FragmentEntry,
  typename: unknown,
  parentType: GraphQLCompositeType,
): boolean {
  const condition = fragment.typeCondition;
  if (!condition) return true;
  const key = typeof typename === "string" && typename ? typename : `\u0000${parentType.name}`;
  let applies = fragment.applies.get(key);
  if (applies === undefined) {
    if (typeof typename === "string" && typename) {
      const type = run.schema.getType(typename);
      applies = !!type && isSubtype(run.schema, condition, type);
    } else {
      applies = isSubtype(run.schema, condition, parentType);
    }
    fragment.applies.set(key, applies);
  }
  return applies;
}

function describeLast(path: Path, shapeName: string, parentType: GraphQLCompositeType): string {
  const element = path[path.length - 1];
  return typeof element === "string"
    ? `field ${parentType.name}.${element}`
    : `array element of type ${shapeName} at index ${element}`;
}

function shapeName(shape: Shape): string {
  switch (shape.kind) {
    case "nonNull":
      return `${shapeName(shape.ofType)}!`;
    case "list":
      return `[${shapeName(shape.ofType)}]`;
    case "composite":
      return shape.type.name;
    case "leaf":
      return shape.name;
  }
}

function invalidGraphQL(message: string, path: Path): GraphQLError {
  return new GraphQLError(message, { path: [...path], extensions: { code: "INVALID_GRAPHQL" } });
}

/** Returns false when a non-null violation makes the enclosing object null. */
function applySelections(
  run: Run,
  input: Record<string, unknown>,
  entries: Entry[],
  output: Record<string, unknown>,
  parentType: GraphQLCompositeType,
): boolean {
  for (const entry of entries) {
    if ((entry.skip !== undefined || entry.include !== undefined) && skipped(entry, run.variables)) continue;
    if (entry.kind === "field") {
      const responseName = entry.responseName;
      const outputValue = output[responseName];
      if (entry.introspection) {
        if (outputValue === undefined) output[responseName] = run.introspect(entry.introspection);
        continue;
      }
      let inputValue = Object.hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
      if (entry.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== "__typename") inputValue = input.__typename ?? null;
          const named = typeof inputValue === "string" ? run.schema.getType(inputValue) : undefined;
          const type = named ?? parentType;
          if (!isObjectType(type)) return false;
          output[responseName] = type.name;
        }
        continue;
      }
      run.path.push(responseName);
      const updated = update(run, outputValue, entry.type, inputValue, parentType);
      const invalid = run.invalid;
      output[responseName] = updated;
      run.path.pop();
      if (invalid) return false;
    } else {
      const typename = input.__typename;
      if (fragmentApplies(run, entry, typename, parentType)) {
        if (run.deferred && entry.defer && conditionValue(entry.defer.if, run.variables)) {
          run.deferred.push({ fragment: entry, input, parentType, path: [...run.path] });
          continue;
        }
        const ok = applySelections(run, input, entry.selections, output, entry.typeCondition ?? parentType);
        if (!ok) return false;
      }
    }
  }
  return true;
}

/** `updateOutputValue` of the gateway; the flags are left on `run.invalid` / `run.hasErrors`. */
function update(
  run: Run,
  outputValue: unknown,
  shape: Shape,
  inputValue: unknown,
  parentType: GraphQLCompositeType,
): unknown {
  run.invalid = false;
  run.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && shape.kind === "leaf")) return outputValue;
  // A list or nullable wrapper around a leaf: a leaf already written stays.
  if (outputValue !== undefined && !hasSelections(shape)) return outputValue;
  switch (shape.kind) {
    case "nonNull": {
      const updated = update(run, outputValue, shape.ofType, inputValue, parentType);
      if (updated === null) {
        if (!run.hasErrors)
          run.errors.push(
            invalidGraphQL(
              `Cannot return null for non-nullable ${describeLast(run.path, shapeName(shape.ofType), parentType)}.`,
              run.path,
            ),
          );
        run.invalid = true;
        run.hasErrors = true;
        return null;
      }
      run.invalid = false;
      run.hasErrors = false;
      return updated;
    }
    case "list": {
      if (inputValue === null) return null;
      if (!Array.isArray(inputValue))
        throw new Error(`Invalid non-list value returned by subgraph for list type ${shapeName(shape)}`);
      const list = outputValue === undefined ? undefined : (outputValue as unknown[]);
      let nullify = false;
      let hasErrors = false;
      const updated = new Array<unknown>(inputValue.length);
      for (let i = 0; i < inputValue.length; i++) {
        run.path.push(i);
        updated[i] = update(run, list?.[i], shape.ofType, inputValue[i], parentType);
        run.path.pop();
        nullify ||= run.invalid;
        hasErrors ||= run.hasErrors;
      }
      run.invalid = false;
      run.hasErrors = hasErrors;
      return nullify ? null : updated;
    }
    case "composite": {
      if (inputValue === null) return null;
      if (typeof inputValue !== "object")
        throw new Error(
          `Invalid non-object value returned by subgraph for composite type ${shape.type.name}`,
        );
      const object = inputValue as Record<string, unknown>;
      const typename = object.__typename;
      let objType: GraphQLCompositeType = shape.type;
      if (typename) {
        const named = typeof typename === "string" ? run.schema.getType(typename) : undefined;
        if (!named || !isCompositeType(named)) {
          run.errors.push(
            invalidGraphQL(
              `Invalid __typename found for object at ${describeLast(run.path, shape.type.name, parentType)}.`,
              run.path,
            ),
          );
          run.invalid = false;
          run.hasErrors = true;
          return null;
        }
        objType = named;
      }
      const target = outputValue === undefined ? emptyObject() : (outputValue as Record<string, unknown>);
      const ok = applySelections(run, object, shape.selections, target, objType);
      run.invalid = false;
      run.hasErrors = !ok;
      return ok ? target : null;
    }
    case "leaf": {
      if (inputValue === null) return null;
      if (shape.valid(inputValue)) return inputValue;
      run.errors.push(
        invalidGraphQL(
          `Invalid value found for ${describeLast(run.path, shape.name, parentType)}.`,
          run.path,
        ),
      );
      run.hasErrors = true;
      return null;
    }
  }
}

/** Without a prototype, so that no alias (`__proto__`) can reach one. */
function emptyObject(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function hasSelections(shape: Shape): boolean {
  while (shape.kind === "nonNull" || shape.kind === "list") shape = shape.ofType;
  return shape.kind === "composite";
}

export function shapeResponse(
  compiled: CompiledShape,
  schema: GraphQLSchema,
  input: Record<string, unknown>,
  variables: Record<string, unknown> | undefined,
  introspect: IntrospectionAnswer,
  /** Given, active `@defer` fragments are left out and recorded here (incremental delivery). */
  deferred?: DeferredOccurrence[],
): ShapeResult {
  const run: Run = {
    variables: variables ? { ...compiled.defaults, ...variables } : compiled.defaults,
    errors: [],
    schema,
    introspect,
    path: [],
    invalid: false,
    hasErrors: false,
    deferred,
  };
  const data = emptyObject();
  const ok = applySelections(run, input, compiled.root, data, compiled.rootType);
  return { data: ok ? data : null, errors: run.errors };
}

/** One part of an incremental response: a deferred fragment's data at its path (deferSpec 20220824). */
export interface IncrementalPart {
  data: Record<string, unknown> | null;
  path: Path;
  label?: string;
  errors?: GraphQLError[];
}

/**
 * Shapes the deferred fragments recorded by `shapeResponse` once the data they need has been
 * fetched (merged into the same objects in place). A fragment deferred inside a deferred fragment
 * comes with it.
 */
export function shapeDeferred(
  compiled: CompiledShape,
  schema: GraphQLSchema,
  occurrences: readonly DeferredOccurrence[],
  variables: Record<string, unknown> | undefined,
  introspect: IntrospectionAnswer,
): IncrementalPart[] {
  return occurrences.map((occurrence) => {
    const run: Run = {
      variables: variables ? { ...compiled.defaults, ...variables } : compiled.defaults,
      errors: [],
      schema,
      introspect,
      path: [...occurrence.path],
      invalid: false,
      hasErrors: false,
      deferred: undefined,
    };
    const { fragment } = occurrence;
    const data = emptyObject();
    const ok = applySelections(
      run,
      occurrence.input,
      fragment.selections,
      data,
      fragment.typeCondition ?? occurrence.parentType,
    );
    return {
      data: ok ? data : null,
      path: occurrence.path,
      ...(fragment.defer?.label !== undefined ? { label: fragment.defer.label } : {}),
      ...(run.errors.length ? { errors: run.errors } : {}),
    };
  });
}
