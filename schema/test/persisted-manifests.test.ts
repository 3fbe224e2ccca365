import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Kind, buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { apiSchemaSdl, supergraphPath } from "../src";

/**
 * Partners run only the operations of their manifests (schema/persisted/<client>.json), so a
 * change to the public graph must not break one silently: every operation is validated against
 * the API schema the router serves (the supergraph without @inaccessible elements).
 */

interface Manifest {
  format: string;
  version: number;
  operations: { id: string; name: string; type: string; body: string }[];
}

const persistedDir = path.join(import.meta.dirname, "../persisted");
const manifests = readdirSync(persistedDir)
  .filter((file) => file.endsWith(".json"))
  .map((file) => ({
    file,
    manifest: JSON.parse(readFileSync(path.join(persistedDir, file), "utf8")) as Manifest,
  }));

/** The supergraph's API schema (see apiSchemaSdl). */
const apiSchemaOf = (supergraphSdl: string): GraphQLSchema => buildSchema(apiSchemaSdl(supergraphSdl));

/** Every problem of a manifest against a schema, one line each; empty when it is sound. */
function manifestProblems(manifest: Manifest, schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  if (manifest.format !== "apollo-persisted-query-manifest" || manifest.version !== 1) {
    problems.push("not an apollo-persisted-query-manifest, version 1");
  }
  const ids = new Set<string>();
  for (const operation of manifest.operations) {
    const expected = createHash("sha256").update(operation.body).digest("hex");
    if (operation.id !== expected) problems.push(`${operation.name}: id must be ${expected}`);
    if (ids.has(operation.id)) problems.push(`${operation.name}: duplicate id`);
    ids.add(operation.id);
    let document;
    try {
      document = parse(operation.body);
    } catch (error) {
      problems.push(`${operation.name}: ${(error as Error).message}`);
      continue;
    }
    const [definition, ...others] = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!definition || others.length) problems.push(`${operation.name}: must hold exactly one operation`);
    else if (definition.name?.value !== operation.name || String(definition.operation) !== operation.type) {
      problems.push(`${operation.name}: name or type does not match the body`);
    }
    for (const error of validate(schema, document)) problems.push(`${operation.name}: ${error.message}`);
  }
  return problems;
}

const supergraphSdl = readFileSync(supergraphPath, "utf8");
const apiSchema = apiSchemaOf(supergraphSdl);

describe("persisted operation manifests", () => {
  it("there is at least the example partner manifest", () => {
    expect(manifests.map((m) => m.file)).toContain("partner-example.json");
  });

  it.each(manifests)("$file: every operation is valid against the served API schema", ({ manifest }) => {
    expect(manifest.operations.length).toBeGreaterThan(0);
    expect(manifestProblems(manifest, apiSchema)).toEqual([]);
  });

  it("fails when a schema change breaks a manifest operation", () => {
    const [{ manifest }] = manifests.filter((m) => m.file === "partner-example.json") as [
      (typeof manifests)[number],
    ];
    // The graph as it would be if catalogue dropped Product.averageRating.
    const withoutField = supergraphSdl.replace(/\n\s*averageRating: Float[^\n]*\n/, "\n");
    expect(withoutField).not.toBe(supergraphSdl);
    const problems = manifestProblems(manifest, apiSchemaOf(withoutField));
    expect(problems.some((p) => p.includes('Cannot query field "averageRating" on type "Product"'))).toBe(
      true,
    );
  });

  it("refuses an operation whose id is not the SHA-256 of its body, and one reaching an @inaccessible field", () => {
    const body = "query Hold { reservation(id: 1) { id } }";
    const problems = manifestProblems(
      {
        format: "apollo-persisted-query-manifest",
        version: 1,
        operations: [{ id: "0".repeat(64), name: "Hold", type: "query", body }],
      },
      apiSchema,
    );
    expect(problems).toEqual([
      `Hold: id must be ${createHash("sha256").update(body).digest("hex")}`,
      'Hold: Cannot query field "reservation" on type "Query".',
    ]);
  });
});
