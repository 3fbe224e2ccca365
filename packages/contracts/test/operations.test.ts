/**
 * The contract between subgraphs: every internal operation must be valid against the schema its
 * callee serves today, so renaming or removing a field another subgraph uses fails here rather
 * than in an integration test (or in production).
 */
import { Kind, parse, print, visit } from "graphql";
import { describe, expect, it } from "vitest";
import {
  callees,
  operationFiles,
  subgraphSdl,
  subgraphSdls,
  validateOperations,
} from "../scripts/operations";

/** The callee's SDL with one field of one type renamed, as a careless refactoring would leave it. */
function withFieldRenamed(sdl: string, typeName: string, field: string, renamed: string): string {
  let found = false;
  const edited = visit(parse(sdl), {
    FieldDefinition(node, _key, _parent, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1];
      if (
        node.name.value !== field ||
        !owner ||
        !("kind" in owner) ||
        owner.kind !== Kind.OBJECT_TYPE_DEFINITION ||
        owner.name.value !== typeName
      ) {
        return undefined;
      }
      found = true;
      return { ...node, name: { ...node.name, value: renamed } };
    },
  });
  if (!found) throw new Error(`${typeName}.${field} is not in the SDL`);
  return print(edited);
}

describe("internal operations", () => {
  it("are grouped by callee, each a subgraph of the topology", () => {
    const subgraphs = [...subgraphSdls().keys()];
    expect(callees().length).toBeGreaterThan(0);
    for (const callee of callees()) expect(subgraphs).toContain(callee);
  });

  it("are each named, once across all callees (the name is the span's, the metric's and the type's)", () => {
    const names = callees().flatMap((callee) =>
      operationFiles(callee).flatMap((file) =>
        file.document.definitions.map((definition) =>
          definition.kind === Kind.OPERATION_DEFINITION
            ? definition.name?.value
            : `${file.name}: not an operation`,
        ),
      ),
    );
    expect(names).not.toContain(undefined);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const callee of callees()) {
    it(`to ${callee} are valid against the schema the ${callee} subgraph serves`, () => {
      expect(validateOperations(callee, subgraphSdl(callee))).toEqual([]);
    });
  }

  it.each([
    // The cart's variant lookup (an entity lookup, so `_entities` must come from buildSubgraphSchema).
    { callee: "catalogue", typeName: "ProductVariant", field: "stockOnHand" },
    { callee: "catalogue", typeName: "Mutation", field: "reserveStock" },
    { callee: "cart", typeName: "CheckoutCartLine", field: "unitPrice" },
    { callee: "payments", typeName: "Payment", field: "failureCode" },
    { callee: "shipping", typeName: "Query", field: "shippingQuote" },
    { callee: "users", typeName: "Address", field: "postalCode" },
  ])(
    "fail when the $callee subgraph renames $typeName.$field, naming the field",
    ({ callee, typeName, field }) => {
      const renamed = withFieldRenamed(subgraphSdl(callee), typeName, field, `${field}Renamed`);
      const problems = validateOperations(callee, renamed);
      expect(problems.join("\n")).toContain(`Cannot query field "${field}" on type "${typeName}"`);
    },
  );
});
