import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import type { Random } from "./random";
import {
  harmless,
  idValue,
  intValue,
  ODD_INTS,
  oddStrings,
  stringValue,
  type SeededIds,
  type ValueHint,
} from "./values";

/** Faults planted at one place inside an otherwise well-formed operation. */
export const OPERATION_FAULTS = [
  "unknown field",
  "unknown argument",
  "argument of the wrong type",
  "missing required argument",
  "wrong variable type",
  "odd string",
  "odd number",
  "empty id",
] as const;
export type OperationFault = (typeof OPERATION_FAULTS)[number];

/** Faults that make the operation invalid GraphQL (or invalid variables), as opposed to odd values. */
export const INVALIDATING_FAULTS: ReadonlySet<OperationFault> = new Set([
  "unknown field",
  "unknown argument",
  "argument of the wrong type",
  "missing required argument",
  "wrong variable type",
]);

export interface BuiltOperation {
  text: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
  /** Where the fault went, when one was planted; undefined when none could be. */
  fault: string | undefined;
}

/**
 * Root fields that cost a password hash (argon2id) or a whole checkout saga are picked less often,
 * so a run spends its time on many operations rather than a few slow ones.
 */
const ROOT_WEIGHTS: Record<string, number> = {
  register: 0.5,
  login: 0.5,
  changePassword: 0.3,
  checkout: 0.4,
  refresh: 0.5,
  logout: 0.5,
};

const UNKNOWN_FIELDS = ["secret", "internalId", "passwordHash", "totalCount", "costPrice", "ownerEmail"];
const ROOT_UNKNOWN_FIELDS = [
  "_service { sdl }",
  "_entities(representations: []) { __typename }",
  "allUsers { id }",
];
const UNKNOWN_ARGS = ["limit: 5", "debug: true", 'filterBy: "x"', "offset: 0", "includeArchived: true"];

const isRequired = (arg: { type: GraphQLInputType; defaultValue?: unknown }) =>
  isNonNullType(arg.type) && arg.defaultValue === undefined;

/** A GraphQL literal for a JSON-like value; strings stay strings unless the type is an enum. */
export function literal(value: unknown, type?: GraphQLInputType): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) {
    const item = type && isListType(isNonNullType(type) ? type.ofType : type) ? itemType(type) : undefined;
    return `[${value.map((v) => literal(v, item)).join(", ")}]`;
  }
  if (typeof value === "string") {
    if (named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const fields = named && isInputObjectType(named) ? named.getFields() : {};
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => `${key}: ${literal(v, fields[key]?.type)}`)
    .join(", ")}}`;
}

function itemType(type: GraphQLInputType): GraphQLInputType | undefined {
  const nullable = isNonNullType(type) ? type.ofType : type;
  return isListType(nullable) ? nullable.ofType : undefined;
}

/**
 * Builds one operation: random root fields, arguments as literals or variables, selections of
 * depth 1–4 through the graph (so entities resolve across subgraphs), aliases, `__typename`,
 * inline and named fragments, `@skip`/`@include`; with at most one planted fault.
 */
export class OperationBuilder {
  private readonly variableDefinitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];
  private counter = 0;
  private faultAt: string | undefined;
  private maxDepth = 1;

  constructor(
    private readonly rng: Random,
    private readonly schema: GraphQLSchema,
    private readonly ids: SeededIds,
    private readonly fault: OperationFault | undefined,
  ) {}

  /** True once, at a random eligible place, when this builder plants `kind`. */
  private plant(kind: OperationFault, where: string, probability = 0.5): boolean {
    if (this.fault !== kind || this.faultAt !== undefined || !this.rng.chance(probability)) return false;
    this.faultAt = `${kind} at ${where}`;
    return true;
  }

  build(kind: "query" | "mutation"): BuiltOperation {
    const root = (kind === "query" ? this.schema.getQueryType() : this.schema.getMutationType())!;
    const rng = this.rng;
    this.maxDepth = rng.int(1, 4);
    const fields = Object.values(root.getFields());
    const count =
      kind === "query"
        ? rng.weighted([
            [1, 5],
            [2, 3],
            [3, 2],
          ] as const)
        : rng.chance(0.85)
          ? 1
          : 2;
    const chosen: GraphQLField<unknown, unknown>[] = [];
    while (chosen.length < count) {
      const field = rng.weighted(fields.map((f) => [f, ROOT_WEIGHTS[f.name] ?? 1] as const));
      if (!chosen.includes(field)) chosen.push(field);
    }
    const items = chosen.map((field) => this.fieldText(field, root, 1));
    // The root is the fallback, so an unknown field is always planted somewhere.
    if (this.fault === "unknown field" && !this.faultAt) {
      this.faultAt = `unknown field at ${root.name}`;
      items.splice(rng.int(0, items.length), 0, rng.pick(ROOT_UNKNOWN_FIELDS));
    }
    const named = rng.chance(0.5);
    const name = named ? `Fuzz${rng.hex(4).toUpperCase()}` : undefined;
    const header =
      !named && !this.variableDefinitions.length && kind === "query" && rng.chance(0.5)
        ? ""
        : `${kind}${name ? ` ${name}` : ""}${this.variableDefinitions.length ? `(${this.variableDefinitions.join(", ")})` : ""} `;
    const text = [`${header}{ ${items.join(" ")} }`, ...this.fragments].join("\n");
    return {
      text,
      variables: this.variables,
      operationName: name && rng.chance(0.4) ? name : undefined,
      fault: this.faultAt,
    };
  }

  private fieldText(field: GraphQLField<unknown, unknown>, parent: GraphQLObjectType, depth: number): string {
    const rng = this.rng;
    const alias = rng.chance(0.15) ? `a${++this.counter}: ` : "";
    const args = this.argumentsText(field, parent);
    const named = getNamedType(field.type);
    const selection = isLeafType(named)
      ? ""
      : ` ${this.selectionSet(named as GraphQLCompositeType, depth + 1)}`;
    return `${alias}${field.name}${args}${this.directive()}${selection}`;
  }

  private directive(): string {
    const rng = this.rng;
    if (!rng.chance(0.08)) return "";
    if (rng.chance(0.5)) return ` @skip(if: ${rng.chance(0.5)})`;
    const name = `inc${++this.counter}`;
    this.variableDefinitions.push(`$${name}: Boolean!`);
    this.variables[name] = rng.chance(0.5);
    return ` @include(if: $${name})`;
  }

  private selectionSet(type: GraphQLCompositeType, depth: number): string {
    const rng = this.rng;
    if (isUnionType(type)) {
      const members = rng.shuffled(type.getTypes()).slice(0, rng.int(1, type.getTypes().length));
      const parts = members.map((member) => `... on ${member.name} ${this.selectionSet(member, depth)}`);
      return `{ __typename ${parts.join(" ")} }`;
    }
    const eligible = Object.values(type.getFields()).filter(
      (f) => isLeafType(getNamedType(f.type)) || depth <= this.maxDepth,
    );
    const chosen = rng.shuffled(eligible).slice(0, rng.int(1, 4));
    const items = chosen.map((f) => this.fieldText(f, type as GraphQLObjectType, depth));
    if (!items.length || rng.chance(0.15)) items.push("__typename");
    if (this.plant("unknown field", type.name, 0.25)) {
      const unknown = UNKNOWN_FIELDS.filter((name) => !type.getFields()[name]);
      items.splice(rng.int(0, items.length), 0, rng.pick(unknown));
    }
    // Fragments take distinct fields out of the same set, so they never conflict with their siblings.
    if (items.length >= 2 && rng.chance(0.2)) {
      const moved = items.splice(rng.int(0, items.length - 1), rng.int(1, 2));
      items.push(`...${rng.chance(0.7) ? ` on ${type.name}` : ""} { ${moved.join(" ")} }`);
    }
    if (items.length >= 2 && rng.chance(0.15)) {
      const moved = items.splice(rng.int(0, items.length - 1), rng.int(1, 2));
      const fragment = `F${++this.counter}${type.name}`;
      this.fragments.push(`fragment ${fragment} on ${type.name} { ${moved.join(" ")} }`);
      items.push(`...${fragment}`);
    }
    return `{ ${items.join(" ")} }`;
  }

  private argumentsText(field: GraphQLField<unknown, unknown>, parent: GraphQLObjectType): string {
    const rng = this.rng;
    const parts: string[] = [];
    // `product`/`category` take exactly one of id and slug.
    const oneOf = field.args.some((a) => a.name === "slug") && field.args.some((a) => a.name === "id");
    const oneOfPick = rng.chance(0.6) ? "id" : "slug";
    for (const arg of field.args) {
      const required = isRequired(arg);
      const include = oneOf ? arg.name === oneOfPick : required || rng.chance(0.4);
      if (!include) continue;
      if (required && this.plant("missing required argument", `${parent.name}.${field.name}(${arg.name})`))
        continue;
      parts.push(`${arg.name}: ${this.argumentValue(arg, field.name, `${parent.name}.${field.name}`)}`);
    }
    if (this.plant("unknown argument", `${parent.name}.${field.name}`, 0.4)) {
      parts.splice(rng.int(0, parts.length), 0, rng.pick(UNKNOWN_ARGS));
    }
    return parts.length ? `(${parts.join(", ")})` : "";
  }

  private argumentValue(arg: GraphQLArgument, fieldName: string, where: string): string {
    const rng = this.rng;
    const place = `${where}(${arg.name})`;
    if (this.plant("argument of the wrong type", place, 0.4)) return this.wrongLiteral(arg.type);
    const value = this.value(arg.type, { field: fieldName, name: arg.name }, place);
    if (!rng.chance(0.5)) return literal(value, arg.type);
    const name = `v${++this.counter}`;
    let declared = String(arg.type);
    let sent: unknown = value;
    if (this.plant("wrong variable type", `$${name} for ${place}`, 0.6)) {
      if (rng.chance(0.4)) declared = this.wrongDeclaredType(arg.type);
      else sent = this.wrongVariableValue(arg.type);
    }
    this.variableDefinitions.push(`$${name}: ${declared}`);
    // A nullable variable may be left out of `variables` altogether.
    if (isNonNullType(arg.type) || sent !== value || rng.chance(0.9)) this.variables[name] = sent;
    return `$${name}`;
  }

  /** A JSON value of the type, with odd strings and numbers where the builder plants them. */
  value(type: GraphQLInputType, hint: ValueHint, where: string): unknown {
    const rng = this.rng;
    if (!isNonNullType(type) && rng.chance(0.05)) return null;
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) {
      return Array.from({ length: rng.int(0, 3) }, () => this.value(nullable.ofType, hint, where));
    }
    if (isEnumType(nullable)) return rng.pick(nullable.getValues()).name;
    if (isInputObjectType(nullable)) {
      const out: Record<string, unknown> = {};
      for (const field of Object.values(nullable.getFields())) {
        const required = isRequired(field);
        if (!required && !rng.chance(0.5)) continue;
        if (required && this.plant("missing required argument", `${nullable.name}.${field.name}`, 0.3))
          continue;
        out[field.name] = this.value(
          field.type,
          { field: hint.field, name: field.name },
          `${where}.${field.name}`,
        );
      }
      return out;
    }
    if (isScalarType(nullable)) {
      switch (nullable.name) {
        case "ID": {
          if (this.plant("empty id", where)) return rng.pick(["", "", " ", "\u0000"]);
          const id = idValue(rng, this.ids, hint);
          if (this.plant("odd string", where)) return rng.pick(oddStrings(rng, id));
          return id;
        }
        case "String":
          if (this.plant("odd string", where)) return rng.pick(oddStrings(rng));
          return harmless(stringValue(rng, this.ids, hint));
        case "Int":
          if (this.plant("odd number", where)) return rng.pick(ODD_INTS);
          return intValue(rng, hint);
        case "Float":
          return rng.chance(0.9) ? rng.int(0, 500) / 100 : rng.pick([1e300, -1e300, 0]);
        case "Boolean":
          return rng.chance(0.5);
        default:
          return new Date(Date.UTC(2026, rng.int(0, 11), rng.int(1, 28))).toISOString();
      }
    }
    return null;
  }

  /** A literal of some other kind than the argument takes. */
  private wrongLiteral(type: GraphQLInputType): string {
    const rng = this.rng;
    const named = getNamedType(type);
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) return rng.pick(["{a: 1}", '"not a list"', "[[1]]"]);
    if (isInputObjectType(named)) return rng.pick(['"not an object"', "[]", "42", "{unknownField: 1}", "{}"]);
    if (isEnumType(named)) return rng.pick([`"${named.getValues()[0]!.name}"`, "NOT_A_VALUE", "1", "true"]);
    switch (named.name) {
      case "Int":
        return rng.pick(['"12"', "true", "1.5", "{a: 1}", "[1]", "ONE"]);
      case "Boolean":
        return rng.pick(['"true"', "1", "null_", "[true]"]);
      case "ID":
        return rng.pick(["true", "1.5", "{a: 1}", "[1, 2]", "ID"]);
      default:
        return rng.pick(["12", "true", "{a: 1}", '["a"]', "VALUE"]);
    }
  }

  private wrongDeclaredType(type: GraphQLInputType): string {
    const named = getNamedType(type).name;
    const others = [
      "String",
      "Int",
      "Boolean",
      "ID",
      "Float",
      "ProductSort",
      "NoSuchType",
      "[String]",
    ].filter((t) => t !== named);
    return `${this.rng.pick(others)}${this.rng.chance(0.5) ? "!" : ""}`;
  }

  private wrongVariableValue(type: GraphQLInputType): unknown {
    const rng = this.rng;
    const named = getNamedType(type);
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isNonNullType(type) && rng.chance(0.25)) return null;
    if (isListType(nullable)) return rng.pick([{ a: 1 }, [[1]], "x"]);
    if (isInputObjectType(named)) return rng.pick(["not an object", [], 42, { unknownField: 1 }, {}]);
    if (isEnumType(named)) return rng.pick(["NOT_A_VALUE", 3, true, "newest"]);
    switch (named.name) {
      case "Int":
        return rng.pick(["12", 1.5, "abc", 2 ** 40, true, [1]]);
      case "Boolean":
        return rng.pick(["true", 1, "yes"]);
      case "ID":
        return rng.pick([{}, [], true, 1.5, { id: "x" }]);
      default:
        return rng.pick([42, true, {}, ["a"]]);
    }
  }
}
