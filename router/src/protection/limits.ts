import { RouterErrorCode } from "@storefront/platform";
import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  type ArgumentNode,
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

/** What one operation may ask for; each is configurable (see env.ts). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  /** Assumed length of a list field that has no `first`/`last` argument. */
  listSize: number;
}

/** The size of an operation, with fragments expanded (introspection fields and `__typename` excluded). */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  cost: number;
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
const PAGE_ARGUMENTS = ["first", "last"];

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

function namedType(schema: GraphQLSchema, type: GraphQLOutputType): GraphQLNamedType | undefined {
  return schema.getType(String(type).replace(/[[\]!]/g, "")) ?? undefined;
}

class Measurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, Measure>();
  private readonly inProgress = new Set<string>();
  private readonly variableDefaults = new Map<string, ValueNode>();

  constructor(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly schema: GraphQLSchema,
    private readonly variables: Variables,
    private readonly listSize: number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    for (const variable of operation.variableDefinitions ?? []) {
      if (variable.defaultValue)
        this.variableDefaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }

  /** An integer argument's value: literal, variable (or its default), else undefined. */
  private intValue(value: ValueNode | undefined): number | undefined {
    if (!value) return undefined;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = this.variables?.[value.name.value];
      if (typeof given === "number" && Number.isFinite(given)) return given;
      return this.intValue(this.variableDefaults.get(value.name.value));
    }
    return undefined;
  }

  /**
   * How many times a field's selection runs per parent: a paginated field (one with `first` or
   * `last`) by its page size, a list field by `listSize`, except the list directly inside a
   * paginated connection (`nodes`, `edges`), which the page size already counted.
   */
  private multiplier(
    node: FieldNode,
    field: Field | undefined,
    insidePage: boolean,
  ): { factor: number; paginated: boolean } {
    const argument = (name: string): ArgumentNode | undefined =>
      node.arguments?.find((a) => a.name.value === name);
    // The page arguments given, else those the field declares (their schema defaults apply).
    const given = PAGE_ARGUMENTS.filter((name) => argument(name));
    const pageArguments = given.length
      ? given
      : PAGE_ARGUMENTS.filter((name) => field?.args.some((a) => a.name === name));
    if (pageArguments.length) {
      const sizes = pageArguments.map((name) => {
        const value = this.intValue(argument(name)?.value);
        const fallback = field?.args.find((a) => a.name === name)?.defaultValue;
        return value ?? (typeof fallback === "number" ? fallback : this.listSize);
      });
      return { factor: Math.max(0, ...sizes), paginated: true };
    }
    if (field && isList(field.type)) {
      return { factor: insidePage ? 1 : this.listSize, paginated: false };
    }
    return { factor: 1, paginated: false };
  }

  selectionSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined, insidePage: boolean): Measure {
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
        const { factor, paginated } = this.multiplier(selection, field, insidePage);
        const child = selection.selectionSet
          ? this.selectionSet(selection.selectionSet, field && namedType(this.schema, field.type), paginated)
          : EMPTY;
        add(child, 1, 1 + factor * child.cost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        const part = this.selectionSet(selection.selectionSet, type ?? undefined, insidePage);
        add(part, 0, part.cost);
      } else {
        const part = this.fragment(selection.name.value, insidePage);
        add(part, 0, part.cost);
      }
    }
    return total;
  }

  /** Fragments are measured once per context and reused, so nested spreads cannot blow up the walk. */
  private fragment(name: string, insidePage: boolean): Measure {
    const key = `${name}:${insidePage}`;
    const known = this.memo.get(key);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Unknown or cyclic fragments are validation errors reported elsewhere.
    if (!definition || this.inProgress.has(key)) return EMPTY;
    this.inProgress.add(key);
    const type = this.schema.getType(definition.typeCondition.name.value) ?? undefined;
    const measure = this.selectionSet(definition.selectionSet, type, insidePage);
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
 * Measures the operation to run. The cost model: every field costs 1 each time it resolves; a
 * field with `first`/`last` resolves its selection that many times (the argument's schema default
 * when omitted), any other list field `listSize` times, and the list right inside a paginated
 * connection (`nodes`, `edges`) once more per page item; multipliers nest.
 */
export function measureOperation(
  document: DocumentNode,
  options: { schema: GraphQLSchema; operationName?: string | null; variables?: Variables; listSize: number },
): OperationMeasure | undefined {
  const operation = getOperationAST(document, options.operationName);
  if (!operation) return undefined;
  const measurer = new Measurer(document, operation, options.schema, options.variables, options.listSize);
  const root = options.schema.getRootType(operation.operation) ?? undefined;
  const measure = measurer.selectionSet(operation.selectionSet, root, false);
  const operationDirectives =
    (operation.directives?.length ?? 0) +
    (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  return {
    depth: measure.depth,
    aliases: measure.aliases,
    rootFields: measurer.rootFields(operation.selectionSet),
    directives: measure.directives + operationDirectives,
    cost: measure.cost,
  };
}

function limitError(code: RouterErrorCode, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, actual } });
}

/**
 * Every limit a parsed, validated operation breaks; empty when it may run. Used for HTTP
 * operations (an Apollo plugin) and meant for every subscribe over WebSocket as well.
 */
export function checkOperation(
  document: DocumentNode,
  options: {
    schema: GraphQLSchema;
    limits: OperationLimits;
    operationName?: string | null;
    variables?: Variables;
  },
): GraphQLError[] {
  const { limits } = options;
  const measure = measureOperation(document, { ...options, listSize: limits.listSize });
  if (!measure) return [];
  const errors: GraphQLError[] = [];
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
  return errors;
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
