import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { NO_COST_DIRECTIVES, type CostDirectives, type ListSize } from "./cost-directives";
import { RouterErrorCode } from "../errors";

/** What one operation may ask for; each is configurable (see env.ts). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  /** Assumed length of a list field whose schema declares no size (`@listSize`). */
  listSize: number;
}

/** The size of an operation, with fragments expanded (introspection fields and `__typename` excluded). */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  cost: number;
  /** Fields whose `@listSize(requireOneSlicingArgument)` the operation breaks, as messages. */
  slicingProblems: string[];
}

type Variables = Record<string, unknown> | undefined;

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}
const EMPTY: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/** Introspection is off in production; in development tools may use it without hitting limits. */
const UNMEASURED = new Set(["__typename", "__schema", "__type"]);
/** What running an operation costs before any field (Apollo Router's and Hive's defaults). */
const OPERATION_COST: Record<string, number> = { query: 0, mutation: 10, subscription: 0 };

/** The children of a `@listSize(sizedFields)` field that the parent's slicing size applies to. */
interface SizedChildren {
  fields: string[];
  size: number;
}

// Types are told apart by shape, not with graphql-js's `instanceof` predicates: the schema comes
// from the gateway, which may have loaded another copy of graphql-js (CommonJS vs ESM).
type Field = GraphQLField<unknown, unknown>;

function fieldsOf(type: GraphQLNamedType | undefined): Record<string, Field> | undefined {
  return type && "getFields" in type ? (type.getFields() as Record<string, Field>) : undefined;
}

/** `[Product!]!` → a list; `Product` → not. */
function isList(type: GraphQLOutputType): boolean {
  return String(type).replace(/!$/, "").startsWith("[");
}

/**
 * How deep an argument value is walked for the `@cost` of its input fields. A recursive input
 * type lets a client nest a value as deep as it likes; past this the rest weighs nothing.
 */
const MAX_INPUT_DEPTH = 64;

/** `[[ID!]]!` → 2: how many list levels a type wraps its named type in. */
function listDepth(type: { toString(): string }): number {
  return String(type).split("[").length - 1;
}

function namedType(schema: GraphQLSchema, type: { toString(): string }): GraphQLNamedType | undefined {
  return schema.getType(String(type).replace(/[[\]!]/g, "")) ?? undefined;
}

/** Objects, interfaces and unions weigh 1 by default; scalars and enums 0 (IBM cost spec). */
function isComposite(type: GraphQLNamedType | undefined): boolean {
  return !!type && ("getInterfaces" in type || "getTypes" in type);
}

class Measurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, Measure>();
  private readonly inProgress = new Set<string>();
  private readonly variableDefaults = new Map<string, ValueNode>();
  readonly slicingProblems = new Set<string>();

  constructor(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly schema: GraphQLSchema,
    private readonly variables: Variables,
    private readonly listSize: number,
    private readonly directives: CostDirectives,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    for (const variable of operation.variableDefinitions ?? []) {
      if (variable.defaultValue)
        this.variableDefaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }

  /** A variable's value as the operation will see it: given, else its default; undefined when neither. */
  private variable(name: string): unknown {
    if (this.variables && name in this.variables) return this.variables[name];
    const fallback = this.variableDefaults.get(name);
    return fallback ? valueFromASTUntyped(fallback) : undefined;
  }

  /**
   * The weights of the `@cost` arguments and input fields an argument value uses, nested ones
   * included. `lists` is how many list levels the declared type still allows: a value nested
   * deeper is one coercion will refuse, and it is not walked (a client controls its depth).
   */
  private inputCost(type: GraphQLNamedType | undefined, value: unknown, lists: number, depth = 0): number {
    // Input objects are the types with fields that are not composite output types.
    const fields = type && "getFields" in type && !isComposite(type) ? fieldsOf(type) : undefined;
    if (!fields || value === null || typeof value !== "object" || depth > MAX_INPUT_DEPTH) return 0;
    if (Array.isArray(value)) {
      if (lists === 0) return 0;
      return value.reduce((sum: number, item) => sum + this.inputCost(type, item, lists - 1, depth + 1), 0);
    }
    let cost = 0;
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field || item === null || item === undefined) continue;
      cost +=
        (this.directives.weights.get(`${type!.name}.${name}`) ?? 0) +
        this.inputCost(namedType(this.schema, field.type), item, listDepth(field.type), depth + 1);
    }
    return cost;
  }

  /** An argument value with its variables filled in, for walking input objects. */
  private resolved(value: ValueNode): unknown {
    if (value.kind === Kind.VARIABLE) return this.variable(value.name.value);
    if (value.kind === Kind.LIST) return value.values.map((v) => this.resolved(v));
    if (value.kind === Kind.OBJECT)
      return Object.fromEntries(value.fields.map((f) => [f.name.value, this.resolved(f.value)]));
    if (value.kind === Kind.NULL) return null;
    return true;
  }

  private argumentsCost(node: FieldNode, field: Field, coordinate: string): number {
    let cost = 0;
    for (const argument of node.arguments ?? []) {
      const definition = field.args.find((a) => a.name === argument.name.value);
      if (!definition) continue;
      const value = this.resolved(argument.value);
      if (value === null || value === undefined) continue;
      cost += this.directives.weights.get(`${coordinate}(${argument.name.value}:)`) ?? 0;
      cost += this.inputCost(namedType(this.schema, definition.type), value, listDepth(definition.type));
    }
    return cost;
  }

  /**
   * The size a `@listSize` field's list has: its slicing argument's value (literal, variable, the
   * variable's default, else the argument's schema default), else `assumedSize`, else `listSize`.
   * With several slicing arguments the largest counts; `requireOneSlicingArgument` wants exactly one.
   */
  private declaredSize(node: FieldNode, field: Field, coordinate: string, listSize: ListSize): number {
    const sizes: number[] = [];
    for (const name of listSize.slicingArguments) {
      const argument = node.arguments?.find((a) => a.name.value === name)?.value;
      const fallback = field.args.find((a) => a.name === name)?.defaultValue;
      // As graphql-js coerces arguments: one left out, or a variable not provided, takes the schema
      // default; an explicit null stays null (no size).
      let value: unknown = fallback;
      if (argument?.kind === Kind.VARIABLE) {
        const given = this.variable(argument.name.value);
        value = given === undefined ? fallback : given;
      } else if (argument) value = argument.kind === Kind.INT ? Number(argument.value) : null;
      const size = typeof value === "number" && Number.isFinite(value) ? value : undefined;
      if (size !== undefined) sizes.push(Math.max(0, size));
    }
    if (listSize.requireOneSlicingArgument && listSize.slicingArguments.length && sizes.length !== 1) {
      const names = listSize.slicingArguments.map((n) => `\`${n}\``).join(", ");
      this.slicingProblems.add(
        `\`${coordinate}\` needs exactly one of its slicing arguments (${names}); ${sizes.length ? "more than one was given" : "none was given"}.`,
      );
    }
    return sizes.length ? Math.max(...sizes) : (listSize.assumedSize ?? this.listSize);
  }

  selectionSet(
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    sized: SizedChildren | undefined,
  ): Measure {
    const total: Measure = { ...EMPTY };
    const add = (part: Measure, extraDepth: number, cost: number) => {
      total.depth = Math.max(total.depth, part.depth + extraDepth);
      total.aliases += part.aliases;
      total.directives += part.directives;
      total.cost += cost;
    };
    for (const selection of set.selections) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (UNMEASURED.has(selection.name.value)) continue;
        if (selection.alias) total.aliases += 1;
        const field = fieldsOf(parent)?.[selection.name.value];
        if (!field || !parent) {
          // Unknown fields are validation errors reported elsewhere; still measured for depth.
          const child = selection.selectionSet
            ? this.selectionSet(selection.selectionSet, undefined, undefined)
            : EMPTY;
          add(child, 1, child.cost);
          continue;
        }
        const coordinate = `${parent.name}.${field.name}`;
        const type = namedType(this.schema, field.type);
        const listSize = this.directives.listSizes.get(coordinate);
        const size = listSize ? this.declaredSize(selection, field, coordinate, listSize) : this.listSize;
        const sizedChildren = listSize?.sizedFields.length ? listSize.sizedFields : undefined;
        const fromParent = sized?.fields.includes(field.name) ? sized.size : undefined;
        const instances = isList(field.type) ? (fromParent ?? (sizedChildren ? this.listSize : size)) : 1;
        const weight =
          this.directives.weights.get(coordinate) ??
          (type ? this.directives.weights.get(type.name) : undefined) ??
          (isComposite(type) ? 1 : 0);
        const child = selection.selectionSet
          ? this.selectionSet(
              selection.selectionSet,
              type,
              sizedChildren ? { fields: sizedChildren, size } : undefined,
            )
          : EMPTY;
        add(child, 1, instances * (weight + child.cost) + this.argumentsCost(selection, field, coordinate));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        const part = this.selectionSet(selection.selectionSet, type ?? undefined, sized);
        add(part, 0, part.cost);
      } else {
        const part = this.fragment(selection.name.value, sized);
        add(part, 0, part.cost);
      }
    }
    return total;
  }

  /** Fragments are measured once per context and reused, so nested spreads cannot blow up the walk. */
  private fragment(name: string, sized: SizedChildren | undefined): Measure {
    const key = sized ? `${name}:${sized.fields.join(",")}=${sized.size}` : name;
    const known = this.memo.get(key);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Unknown or cyclic fragments are validation errors reported elsewhere.
    if (!definition || this.inProgress.has(key)) return EMPTY;
    this.inProgress.add(key);
    const type = this.schema.getType(definition.typeCondition.name.value) ?? undefined;
    const measure = this.selectionSet(definition.selectionSet, type, sized);
    measure.directives += definition.directives?.length ?? 0;
    this.inProgress.delete(key);
    this.memo.set(key, measure);
    return measure;
  }

  rootFields(set: SelectionSetNode, seen = new Set<string>()): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!UNMEASURED.has(selection.name.value)) count += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.rootFields(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const definition = this.fragments.get(selection.name.value);
        if (definition) count += this.rootFields(definition.selectionSet, seen);
      }
    }
    return count;
  }
}

/**
 * Measures the operation to run. Its cost is the IBM cost specification's static estimate, as
 * Apollo Router computes it: a mutation starts at 10; each field weighs its `@cost`, else its
 * type's `@cost`, else 1 for an object, interface or union and 0 for a scalar or enum, plus the
 * `@cost` of the arguments and input fields it is given; a list field counts its weight and
 * selection once per item. A list's size is its `@listSize`: the slicing argument's value, else
 * `assumedSize`, else `listSize`; with `sizedFields` that size goes to the named children (a
 * connection's `edges` and `nodes`) instead. Sizes nest: they multiply.
 */
export function measureOperation(
  document: DocumentNode,
  options: {
    schema: GraphQLSchema;
    operationName?: string | null;
    variables?: Variables;
    listSize: number;
    directives?: CostDirectives;
  },
): OperationMeasure | undefined {
  const operation = getOperationAST(document, options.operationName);
  if (!operation) return undefined;
  const measurer = new Measurer(
    document,
    operation,
    options.schema,
    options.variables,
    options.listSize,
    options.directives ?? NO_COST_DIRECTIVES,
  );
  const root = options.schema.getRootType(operation.operation) ?? undefined;
  const measure = measurer.selectionSet(operation.selectionSet, root, undefined);
  const operationDirectives =
    (operation.directives?.length ?? 0) +
    (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  return {
    depth: measure.depth,
    aliases: measure.aliases,
    rootFields: measurer.rootFields(operation.selectionSet),
    directives: measure.directives + operationDirectives,
    cost: (OPERATION_COST[operation.operation] ?? 0) + measure.cost,
    slicingProblems: [...measurer.slicingProblems],
  };
}

function limitError(code: RouterErrorCode, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, actual } });
}

/**
 * Every limit a parsed, validated operation breaks, and its estimated cost; no errors when it may
 * run. Used for HTTP operations (an Apollo plugin) and for every subscribe over WebSocket.
 */
export function assessOperation(
  document: DocumentNode,
  options: {
    schema: GraphQLSchema;
    limits: OperationLimits;
    operationName?: string | null;
    variables?: Variables;
    directives?: CostDirectives;
  },
): { errors: GraphQLError[]; cost: number | undefined } {
  const { limits } = options;
  const measure = measureOperation(document, { ...options, listSize: limits.listSize });
  if (!measure) return { errors: [], cost: undefined };
  const errors: GraphQLError[] = measure.slicingProblems.map(
    (message) => new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
  );
  if (measure.depth > limits.maxDepth) {
    errors.push(
      limitError(
        RouterErrorCode.DEPTH_LIMIT_EXCEEDED,
        `The operation is nested ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed.`,
        limits.maxDepth,
        measure.depth,
      ),
    );
  }
  if (measure.aliases > limits.maxAliases) {
    errors.push(
      limitError(
        RouterErrorCode.ALIAS_LIMIT_EXCEEDED,
        `The operation uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
        limits.maxAliases,
        measure.aliases,
      ),
    );
  }
  if (measure.rootFields > limits.maxRootFields) {
    errors.push(
      limitError(
        RouterErrorCode.ROOT_FIELD_LIMIT_EXCEEDED,
        `The operation selects ${measure.rootFields} root fields; at most ${limits.maxRootFields} are allowed.`,
        limits.maxRootFields,
        measure.rootFields,
      ),
    );
  }
  if (measure.directives > limits.maxDirectives) {
    errors.push(
      limitError(
        RouterErrorCode.DIRECTIVE_LIMIT_EXCEEDED,
        `The operation uses ${measure.directives} directives; at most ${limits.maxDirectives} are allowed.`,
        limits.maxDirectives,
        measure.directives,
      ),
    );
  }
  if (measure.cost > limits.maxCost) {
    const cost = Number.isFinite(measure.cost) ? Math.round(measure.cost) : Number.MAX_SAFE_INTEGER;
    errors.push(
      limitError(
        RouterErrorCode.COST_LIMIT_EXCEEDED,
        `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed. Ask for smaller pages.`,
        limits.maxCost,
        cost,
      ),
    );
  }
  return { errors, cost: Number.isFinite(measure.cost) ? measure.cost : Number.MAX_SAFE_INTEGER };
}

/** Every limit a parsed, validated operation breaks; empty when it may run. */
export function checkOperation(
  document: DocumentNode,
  options: Parameters<typeof assessOperation>[1],
): GraphQLError[] {
  return assessOperation(document, options).errors;
}

// graphql 16 says "more that N tokens"; later versions may fix the typo.
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] \d+ tokens/;

export function tokenLimitError(maxTokens: number): GraphQLError {
  return new GraphQLError(`The operation has more than ${maxTokens} tokens; shorten it.`, {
    extensions: { code: RouterErrorCode.TOKEN_LIMIT_EXCEEDED, limit: maxTokens },
  });
}

/** Whether a parse error is graphql-js stopping at `maxTokens` (its wording is covered by a test). */
export function isTokenLimitMessage(message: string): boolean {
  return TOKEN_LIMIT_MESSAGE.test(message);
}

/**
 * Parses operation text, giving up after `maxTokens` lexer tokens, so a huge document costs no
 * more than the limit to refuse.
 */
export function parseOperation(
  source: string,
  limits: Pick<OperationLimits, "maxTokens">,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  try {
    return { document: parse(source, { maxTokens: limits.maxTokens }) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    if (isTokenLimitMessage(error.message)) return { errors: [tokenLimitError(limits.maxTokens)] };
    return {
      errors: [
        new GraphQLError(error.message, {
          ...(error.source ? { source: error.source } : {}),
          ...(error.positions ? { positions: error.positions } : {}),
          extensions: { code: "GRAPHQL_PARSE_FAILED" },
        }),
      ],
    };
  }
}
