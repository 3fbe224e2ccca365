import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from "graphql";

/** `@listSize` as declared on a field (IBM cost specification). */
export interface ListSize {
  assumedSize: number | undefined;
  slicingArguments: string[];
  sizedFields: string[];
  requireOneSlicingArgument: boolean;
}

/**
 * The `@cost` and `@listSize` applications of a schema, by coordinate: `Type` (object, scalar,
 * enum), `Type.field`, `Type.field(argument:)` and `Input.field`.
 */
export interface CostDirectives {
  weights: Map<string, number>;
  listSizes: Map<string, ListSize>;
}

export const NO_COST_DIRECTIVES: CostDirectives = { weights: new Map(), listSizes: new Map() };

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v\d+\.\d+$/;

function stringOf(value: ConstValueNode | undefined): string | undefined {
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function argumentOf(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

/**
 * The names the directives go by in this document. A supergraph links the cost spec
 * (`@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])`): `@cost` is the
 * spec's own directive, named after the link (`as`), and `@listSize` is `@cost__listSize` unless
 * imported (possibly renamed). A plain schema without the link uses the spec's names.
 */
function directiveNames(document: DocumentNode): { cost: string; listSize: string } {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== "link") continue;
      const url = stringOf(argumentOf(link, "url"));
      if (!url || !COST_SPEC.test(url)) continue;
      const prefix = stringOf(argumentOf(link, "as")) ?? "cost";
      const names = { cost: prefix, listSize: `${prefix}__listSize` };
      const imports = argumentOf(link, "import");
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        const [name, as] =
          item.kind === Kind.STRING
            ? [item.value, item.value]
            : item.kind === Kind.OBJECT
              ? [
                  stringOf(item.fields.find((f) => f.name.value === "name")?.value),
                  stringOf(item.fields.find((f) => f.name.value === "as")?.value),
                ]
              : [undefined, undefined];
        const imported = (as ?? name)?.replace(/^@/, "");
        if (name === "@cost" && imported) names.cost = imported;
        if (name === "@listSize" && imported) names.listSize = imported;
      }
      return names;
    }
  }
  return { cost: "cost", listSize: "listSize" };
}

function intOf(value: ConstValueNode | undefined): number | undefined {
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringsOf(value: ConstValueNode | undefined): string[] {
  if (value?.kind !== Kind.LIST) return [];
  return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
}

/** Reads the cost directives of a schema's SDL (a supergraph, or a plain schema in tests). */
export function costDirectivesFromSdl(sdl: string | DocumentNode): CostDirectives {
  const document = typeof sdl === "string" ? parse(sdl, { noLocation: true }) : sdl;
  const names = directiveNames(document);
  const weights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  const read = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      if (directive.name.value === names.cost) {
        const weight = intOf(argumentOf(directive, "weight"));
        if (weight !== undefined) weights.set(coordinate, weight);
      } else if (directive.name.value === names.listSize) {
        const requireOne = argumentOf(directive, "requireOneSlicingArgument");
        listSizes.set(coordinate, {
          assumedSize: intOf(argumentOf(directive, "assumedSize")),
          slicingArguments: stringsOf(argumentOf(directive, "slicingArguments")),
          sizedFields: stringsOf(argumentOf(directive, "sizedFields")),
          requireOneSlicingArgument: requireOne?.kind === Kind.BOOLEAN ? requireOne.value : true,
        });
      }
    }
  };
  const readFields = (type: string, fields: readonly (FieldDefinitionNode | InputValueDefinitionNode)[]) => {
    for (const field of fields) {
      const coordinate = `${type}.${field.name.value}`;
      read(coordinate, field.directives);
      if (field.kind === Kind.FIELD_DEFINITION) {
        for (const argument of field.arguments ?? [])
          read(`${coordinate}(${argument.name.value}:)`, argument.directives);
      }
    }
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        read(definition.name.value, definition.directives);
        readFields(definition.name.value, definition.fields ?? []);
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        readFields(definition.name.value, definition.fields ?? []);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_DEFINITION:
        read(definition.name.value, definition.directives);
        break;
      default:
        break;
    }
  }
  return { weights, listSizes };
}
