import { readFileSync } from "node:fs";
import { supergraphPath } from "@storefront/schema";
import { execute, parse, validate, type ExecutionResult, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { apiSchemaOf, createGenerator } from "./generator";
import { emptySeededIds } from "./values";

const schema: GraphQLSchema = apiSchemaOf(readFileSync(supergraphPath, "utf8"));
const ids = {
  ...emptySeededIds(),
  products: ["5b0c6c1e-3f7a-4c1e-9a51-6f1f7f0e1a01"],
  variants: ["5b0c6c1e-3f7a-4c1e-9a51-6f1f7f0e1a02"],
};

/** Parse and validation errors, then variable coercion errors (an execution that never started). */
const problemsOf = (text: string, variables: unknown = {}) => {
  try {
    const document = parse(text);
    const invalid = validate(schema, document).map((e) => e.message);
    if (invalid.length) return invalid;
    const result = execute({
      schema,
      document,
      variableValues: variables as Record<string, unknown>,
    }) as ExecutionResult;
    return result.data === undefined ? (result.errors ?? []).map((e) => e.message) : [];
  } catch (error) {
    return [String(error)];
  }
};

describe("fuzz generator", () => {
  it("generates the same case for the same seed and index, whatever was generated before", () => {
    const a = createGenerator({ schema, ids, seed: 7 });
    const b = createGenerator({ schema, ids, seed: 7 });
    const fromA = [0, 1, 2, 500].map((i) => a.caseAt(i));
    const fromB = [500, 2, 1, 0].map((i) => b.caseAt(i)).reverse();
    expect(fromB).toEqual(fromA);
    expect(createGenerator({ schema, ids, seed: 8 }).caseAt(0)).not.toEqual(fromA[0]);
  });

  it("generates well-formed operations that validate against the API schema", () => {
    const generator = createGenerator({ schema, ids, seed: 1 });
    const cases = Array.from({ length: 3_000 }, (_, i) => generator.caseAt(i)).filter((c) => c.valid);
    expect(cases.length).toBeGreaterThan(1_000);
    const invalid = cases
      .map((c) => ({ text: c.operation!, problems: problemsOf(c.operation!, c.variables) }))
      .filter((c) => c.problems.length);
    expect(invalid.slice(0, 5)).toEqual([]);
    const text = cases.map((c) => c.operation).join("\n");
    for (const feature of [
      "mutation",
      "fragment F",
      "... on ",
      "__typename",
      "@include(if: $",
      "@skip(if:",
      ": $v",
    ]) {
      expect(text).toContain(feature);
    }
  });

  it("plants faults that make an operation invalid where it says so", () => {
    const generator = createGenerator({ schema, ids, seed: 2 });
    const cases = Array.from({ length: 3_000 }, (_, i) => generator.caseAt(i));
    const planted = cases.filter((c) =>
      [
        "unknown field",
        "unknown argument",
        "argument of the wrong type",
        "missing required argument",
        "wrong variable type",
      ].some((fault) => c.kind === `broken: ${fault}`),
    );
    expect(planted.length).toBeGreaterThan(200);
    const stillValid = planted.filter((c) => problemsOf(c.operation!, c.variables).length === 0);
    expect(stillValid.map((c) => `${c.kind}: ${c.operation}`).slice(0, 5)).toEqual([]);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const kind of [
      "broken: odd string",
      "broken: odd number",
      "broken: empty id",
      "broken: wrong variable type",
      "broken: malformed JSON body",
      "broken: subscription over HTTP",
      "broken: bad extensions.persistedQuery",
      "broken: several operations without operationName",
      "broken: bad operationName",
    ]) {
      expect(kinds).toContain(kind);
    }
  });
});
