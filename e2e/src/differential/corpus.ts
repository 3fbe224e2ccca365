import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  print,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { Random as ValueRandom } from "../fuzz/random";
import { harmless, idValue, intValue, stringValue, type SeededIds } from "../fuzz/values";
import type { ArgumentSite, Random } from "@storefront/testkit/differential";
import * as e2eOperations from "../operations";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface CorpusOperation {
  /** Where it comes from and its name: `web:ProductPage`, `manifest partner-example:Categories`. */
  source: string;
  name: string | undefined;
  kind: "query" | "mutation" | "subscription";
  /** The operation with exactly the fragments it uses. */
  query: string;
}

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : filesUnder(full, extension);
    return entry.name.endsWith(extension) ? [full] : [];
  });
}

/** Each operation of `document`, alone with the fragments it spreads (transitively) from `fragments`. */
function standalone(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): string {
  const needed = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || needed.has(fragment.name.value)) return;
        needed.set(fragment.name.value, fragment);
        collect(fragment);
      },
    });
  collect(operation);
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] });
}

function operationsOf(
  document: DocumentNode,
  source: string,
  fragments = new Map<string, FragmentDefinitionNode>(),
) {
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation): CorpusOperation => ({
      source: `${source}:${operation.name?.value ?? "anonymous"}`,
      name: operation.name?.value,
      kind: operation.operation,
      query: standalone(operation, fragments),
    }));
}

/**
 * Every operation the shop's clients send: the storefront's documents (web/src/graphql, one
 * operation per file, fragments in files of their own), the persisted-operation manifests
 * (schema/persisted/*.json), and the operations the end-to-end tests declare.
 */
export function clientOperations(): CorpusOperation[] {
  const webFiles = filesUnder(path.join(ROOT, "web/src/graphql"), ".graphql");
  const webDocuments = webFiles.map((file) => parse(readFileSync(file, "utf8")));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const document of webDocuments)
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const web = webDocuments.flatMap((document) => operationsOf(document, "web", fragments));

  const manifestDir = path.join(ROOT, "schema/persisted");
  const manifests = readdirSync(manifestDir)
    .filter((name) => name.endsWith(".json"))
    .flatMap((name) => {
      const manifest = JSON.parse(readFileSync(path.join(manifestDir, name), "utf8")) as {
        operations: { body: string }[];
      };
      return manifest.operations.flatMap((operation) =>
        operationsOf(parse(operation.body), `manifest ${name.replace(/\.json$/, "")}`),
      );
    });

  const e2e = Object.entries(e2eOperations).flatMap(([name, text]) =>
    typeof text === "string" ? operationsOf(parse(text), `e2e ${name}`) : [],
  );

  // The manifests hold the storefront's operations again (as its build prints them): once is enough.
  const seen = new Set<string>();
  return [...web, ...manifests, ...e2e].filter((operation) => {
    const key = print(parse(operation.query));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Argument values aimed at the seeded rows (the robustness run's value pools, without its odd
 * strings and numbers): an id names a seeded product, order, address …, most of the time.
 */
export function seededArgumentValue(ids: SeededIds) {
  return (site: ArgumentSite): unknown => {
    const named = getNamedType(site.type);
    if (!isScalarType(named)) return undefined;
    const rng = new ValueRandom(site.rng.int(0, 2 ** 31));
    const hint = { field: site.field, name: site.argument };
    switch (named.name) {
      case "ID":
        return idValue(rng, ids, hint);
      case "String":
        return harmless(stringValue(rng, ids, hint));
      case "Int":
        return intValue(rng, hint);
      default:
        return undefined;
    }
  };
}

/** A value of `type` for a variable, from `valueOf` at the place the variable is used. */
function valueFor(
  type: GraphQLInputType,
  site: Omit<ArgumentSite, "type">,
  valueOf: (site: ArgumentSite) => unknown,
): unknown {
  const chosen = valueOf({ ...site, type });
  if (chosen !== undefined) return chosen;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return [valueFor(nullable.ofType, site, valueOf)];
  if (isEnumType(nullable)) return nullable.getValues()[0]!.name;
  if (isInputObjectType(nullable)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (!isNonNullType(field.type) && !site.rng.chance(0.5)) continue;
      out[field.name] = valueFor(
        field.type,
        { ...site, parentType: nullable.name, argument: field.name },
        valueOf,
      );
    }
    return out;
  }
  if (isScalarType(nullable))
    return nullable.name === "Boolean" ? site.rng.chance(0.5) : nullable.name === "Float" ? 1.5 : "x";
  return null;
}

/**
 * Variables for a client operation: each variable gets a value for the place it is used (the
 * field and argument, or input field, it feeds), so `$slug` of `product(slug:)` names a seeded
 * product. Variables with a default are left out now and then, as clients do.
 */
export function variablesFor(
  schema: GraphQLSchema,
  query: string,
  rng: Random,
  valueOf: (site: ArgumentSite) => unknown,
): Record<string, unknown> {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const usedAt = new Map<string, { parentType: string; field: string; argument: string }>();
  const typeInfo = new TypeInfo(schema);
  let field = "";
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: () => {
        field = typeInfo.getFieldDef()?.name ?? field;
      },
      Argument(node) {
        if (node.value.kind === Kind.VARIABLE && !usedAt.has(node.value.name.value))
          usedAt.set(node.value.name.value, {
            parentType: typeInfo.getParentType()?.name ?? "",
            field: typeInfo.getFieldDef()?.name ?? field,
            argument: node.name.value,
          });
      },
      ObjectField(node) {
        if (node.value.kind === Kind.VARIABLE && !usedAt.has(node.value.name.value))
          usedAt.set(node.value.name.value, {
            parentType: getNamedType(typeInfo.getParentInputType())?.name ?? "",
            field,
            argument: node.name.value,
          });
      },
    }),
  );
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    if (definition.defaultValue && rng.chance(0.5)) continue;
    const where = usedAt.get(name) ?? { parentType: "", field: "", argument: name };
    variables[name] = valueFor(type, { ...where, rng }, valueOf);
  }
  return variables;
}
