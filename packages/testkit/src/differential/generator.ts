import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { derivedSeed, Random } from "./random";

export interface GeneratedOperation {
  /** The operation's name (also sent as `operationName`). */
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface ArgumentSite {
  /** The type whose field takes the argument (or the input object holding the field). */
  parentType: string;
  field: string;
  argument: string;
  type: GraphQLInputType;
  rng: Random;
}

export interface GeneratorOptions {
  /** The API schema the operations are written against. */
  schema: GraphQLSchema;
  seed: number;
  /**
   * A value for an argument (or input field) at `site`, to aim at rows that exist; `undefined`
   * leaves the choice to the generator (a small value of the argument's type).
   */
  argumentValue?: (site: ArgumentSite) => unknown;
  /** How likely a field is picked relative to the others (0 never); 1 when not given. */
  fieldWeight?: (parentType: string, field: string) => number;
  /** Levels of nested selections below the root (default 4). */
  maxDepth?: number;
  /** Fields picked per selection set, at most (default 4). */
  maxFields?: number;
}

const isRequired = (arg: { type: GraphQLInputType; defaultValue?: unknown }) =>
  isNonNullType(arg.type) && arg.defaultValue === undefined;

/** A GraphQL literal for a JSON value of `type` (enum values bare). */
export function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return "null";
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    return `[${items.map((item) => literal(item, nullable.ofType)).join(", ")}]`;
  }
  if (isEnumType(nullable)) return typeof value === "string" ? value : JSON.stringify(value);
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${literal(v, fields[key]!.type)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value);
}

/** A small value of `type`: what the generator sends when no `argumentValue` is given. */
function ownValue(
  rng: Random,
  type: GraphQLInputType,
  site: Omit<ArgumentSite, "type" | "rng">,
  options: GeneratorOptions,
): unknown {
  const chosen = options.argumentValue?.({ ...site, type, rng });
  if (chosen !== undefined) return chosen;
  if (!isNonNullType(type) && rng.chance(0.05)) return null;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable))
    return Array.from({ length: rng.int(0, 2) }, () => ownValue(rng, nullable.ofType, site, options));
  if (isEnumType(nullable)) return rng.pick(nullable.getValues()).name;
  if (isInputObjectType(nullable)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (!isRequired(field) && !rng.chance(0.5)) continue;
      out[field.name] = ownValue(
        rng,
        field.type,
        { parentType: nullable.name, field: field.name, argument: field.name },
        options,
      );
    }
    return out;
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case "Int":
        return rng.int(0, 5);
      case "Float":
        return rng.int(0, 400) / 100;
      case "Boolean":
        return rng.chance(0.5);
      case "ID":
        return String(rng.int(1, 6));
      default:
        return rng.pick(["a", "alpha", "wool", ""]);
    }
  }
  return null;
}

/**
 * Builds one valid operation: 1–3 root fields (a field may appear twice under different aliases
 * with other arguments), nested selections that cross subgraphs, aliases, `__typename`, inline
 * fragments (with and without a type condition, on object and abstract types), named fragments,
 * `@skip`/`@include` with literal and variable conditions, and arguments as literals or variables.
 *
 * Every response name is used once per selection set (fragments included), so fields never
 * conflict; the one exception is an exact repeat of an argument-less leaf, which merges.
 */
class OperationBuilder {
  private readonly variableDefinitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];
  private counter = 0;
  private readonly maxDepth: number;
  private readonly maxFields: number;

  constructor(
    private readonly rng: Random,
    private readonly options: GeneratorOptions,
  ) {
    this.maxDepth = rng.int(1, options.maxDepth ?? 4);
    this.maxFields = options.maxFields ?? 4;
  }

  build(name: string): GeneratedOperation {
    const root = this.options.schema.getQueryType()!;
    const names = new Set<string>();
    const items = this.fieldSelections(root, 0, names, this.rng.int(1, 3));
    const header = `query ${name}${this.variableDefinitions.length ? `(${this.variableDefinitions.join(", ")})` : ""}`;
    const query = [`${header} { ${items.join(" ")} }`, ...this.fragments].join("\n");
    return { name, query, variables: this.variables };
  }

  private weight(type: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, depth: number): number {
    if (!isLeafType(getNamedType(field.type)) && depth >= this.maxDepth) return 0;
    return this.options.fieldWeight?.(type.name, field.name) ?? 1;
  }

  /** Fields of an object or interface type, each under a response name not yet used in `names`. */
  private fieldSelections(
    type: GraphQLObjectType | GraphQLInterfaceType,
    depth: number,
    names: Set<string>,
    count: number,
  ): string[] {
    const rng = this.rng;
    const fields = rng.weightedSample(
      Object.values(type.getFields()),
      (field) => this.weight(type, field, depth),
      count,
    );
    const items: string[] = [];
    for (const field of fields) {
      items.push(this.field(field, type, depth, names));
      // The same field again under another alias, with arguments of its own.
      if (field.args.length && rng.chance(0.3)) items.push(this.field(field, type, depth, names));
      // An exact repeat of an argument-less leaf merges with the first.
      const last = items[items.length - 1]!;
      if (/^\w+$/.test(last) && rng.chance(0.1)) items.push(last);
    }
    return items;
  }

  private freshName(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  private field(
    field: GraphQLField<unknown, unknown>,
    parent: GraphQLObjectType | GraphQLInterfaceType,
    depth: number,
    names: Set<string>,
  ): string {
    const rng = this.rng;
    let responseName = field.name;
    if (names.has(field.name) || rng.chance(0.15)) responseName = this.freshName(`${field.name}_a`);
    names.add(responseName);
    const alias = responseName === field.name ? "" : `${responseName}: `;
    const args = this.argumentsOf(field, parent.name);
    const named = getNamedType(field.type);
    const selection = isLeafType(named)
      ? ""
      : ` { ${this.selectionSet(named as GraphQLCompositeType, depth + 1).join(" ")} }`;
    return `${alias}${field.name}${args}${this.directive()}${selection}`;
  }

  private argumentsOf(field: GraphQLField<unknown, unknown>, parentType: string): string {
    const rng = this.rng;
    const parts: string[] = [];
    for (const arg of field.args) {
      if (!isRequired(arg) && !rng.chance(0.5)) continue;
      const value = ownValue(
        rng,
        arg.type,
        { parentType, field: field.name, argument: arg.name },
        this.options,
      );
      if (rng.chance(0.4)) {
        const variable = this.freshName("v");
        this.variableDefinitions.push(`$${variable}: ${String(arg.type)}`);
        this.variables[variable] = value;
        parts.push(`${arg.name}: $${variable}`);
      } else {
        parts.push(`${arg.name}: ${literal(value, arg.type)}`);
      }
    }
    return parts.length ? `(${parts.join(", ")})` : "";
  }

  /** Now and then `@skip` or `@include`, with a literal or a variable condition. */
  private directive(): string {
    const rng = this.rng;
    if (!rng.chance(0.12)) return "";
    const name = rng.chance(0.5) ? "skip" : "include";
    if (rng.chance(0.5)) return ` @${name}(if: ${rng.chance(0.5)})`;
    const variable = this.freshName("c");
    this.variableDefinitions.push(`$${variable}: Boolean!`);
    this.variables[variable] = rng.chance(0.5);
    return ` @${name}(if: $${variable})`;
  }

  private selectionSet(type: GraphQLCompositeType, depth: number): string[] {
    const names = new Set<string>();
    const items = this.selectionsOf(type, depth, names, 0);
    return items.length ? items : ["__typename"];
  }

  /** The selections on `type` in one scope: fields, `__typename`, fragments sharing `names`. */
  private selectionsOf(
    type: GraphQLCompositeType,
    depth: number,
    names: Set<string>,
    nesting: number,
  ): string[] {
    const rng = this.rng;
    const schema = this.options.schema;
    const items: string[] = [];
    const typename = () => {
      if (names.has("__typename")) {
        items.push(`${this.freshName("typename_a")}: __typename`);
      } else {
        names.add("__typename");
        items.push("__typename");
      }
    };
    if (rng.chance(isAbstractType(type) ? 0.6 : 0.3)) typename();
    if (!isUnionType(type))
      items.push(...this.fieldSelections(type, depth, names, rng.int(1, this.maxFields)));

    if (nesting < 2) {
      // Possible types of an abstract type, and abstract types an object type belongs to.
      const conditions: GraphQLCompositeType[] = [];
      if (isAbstractType(type)) conditions.push(...schema.getPossibleTypes(type));
      const objects = isObjectType(type) ? [type] : isAbstractType(type) ? schema.getPossibleTypes(type) : [];
      for (const object of objects)
        for (const iface of object.getInterfaces())
          if (!conditions.includes(iface) && iface !== type) conditions.push(iface);
      if (isObjectType(type)) conditions.push(type);

      const fragmentCount = isUnionType(type)
        ? rng.int(1, Math.min(3, conditions.length))
        : rng.chance(0.35)
          ? 1
          : 0;
      for (const condition of rng.weightedSample(conditions, () => 1, fragmentCount)) {
        const inner = this.selectionsOf(condition, depth, names, nesting + 1);
        if (!inner.length) continue;
        if (rng.chance(0.3)) {
          const fragment = this.freshName(`F${condition.name}_`);
          this.fragments.push(`fragment ${fragment} on ${condition.name} { ${inner.join(" ")} }`);
          items.push(`...${fragment}${this.directive()}`);
        } else {
          const typeCondition = condition === type && rng.chance(0.5) ? "" : ` on ${condition.name}`;
          items.push(`...${typeCondition}${this.directive()} { ${inner.join(" ")} }`);
        }
      }
    }
    if (!items.length && !isUnionType(type) && !isInterfaceType(type)) typename();
    return items;
  }
}

/** Operation `index` of the run seeded with `options.seed`, the same however many came before. */
export function generateOperation(options: GeneratorOptions, index: number): GeneratedOperation {
  const rng = new Random(derivedSeed(options.seed, index));
  return new OperationBuilder(rng, options).build(`Generated${index}`);
}

export function generateOperations(options: GeneratorOptions, count: number): GeneratedOperation[] {
  return Array.from({ length: count }, (_, index) => generateOperation(options, index));
}
