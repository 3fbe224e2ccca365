/**
 * The internal operations (`operations/<callee>/*.graphql`) and the schemas they are checked and
 * typed against: each callee's subgraph schema as the subgraph serves it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { buildSchema, parse, validate, type DocumentNode, type printSchema } from "graphql";
import { subgraphList } from "../src/topology";

/**
 * @apollo/subgraph is CommonJS and builds its schema with the CommonJS graphql-js; under vitest this
 * module may be given the ESM copy, whose instanceof checks refuse the other's types. The schema is
 * printed with the copy that built it.
 */
const subgraphGraphql = createRequire(import.meta.url)("graphql") as { printSchema: typeof printSchema };

export const contractsRoot = path.resolve(import.meta.dirname, "..");
export const operationsDir = path.join(contractsRoot, "operations");

export interface OperationFile {
  /** Relative to operations/, e.g. `catalogue/reservations.graphql`. */
  name: string;
  document: DocumentNode;
}

/** The subgraphs some other subgraph calls: one folder of operations each, named as in the topology. */
export function callees(): string[] {
  return readdirSync(operationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function operationFiles(callee: string): OperationFile[] {
  const dir = path.join(operationsDir, callee);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => ({
      name: `${callee}/${file}`,
      document: parse(readFileSync(path.join(dir, file), "utf8")),
    }));
}

/** Every subgraph's own SDL (src/schema.graphql), by its name in the topology. */
export function subgraphSdls(): Map<string, string> {
  const repoRoot = path.resolve(contractsRoot, "../..");
  return new Map(
    subgraphList.map((subgraph) => [
      subgraph.name,
      readFileSync(path.join(repoRoot, subgraph.schemaFile), "utf8"),
    ]),
  );
}

export function subgraphSdl(callee: string): string {
  const sdl = subgraphSdls().get(callee);
  if (!sdl) throw new Error(`operations/${callee}: no subgraph named "${callee}" in the topology`);
  return sdl;
}

/**
 * The schema a subgraph serves, printed: its SDL built the way the subgraph builds it
 * (buildSubgraphSchema), so `_entities`, `_Any` and the federation directives are there as the
 * callee has them. Printed, so whoever reads it builds it with their own graphql-js.
 */
export function servedSchemaSdl(subgraphSdl: string): string {
  return subgraphGraphql.printSchema(buildSubgraphSchema({ typeDefs: parse(subgraphSdl) }));
}

/** What graphql-js's validation says about each operation file of `callee` against `subgraphSdl`. */
export function validateOperations(callee: string, subgraphSdl: string): string[] {
  const schema = buildSchema(servedSchemaSdl(subgraphSdl));
  return operationFiles(callee).flatMap((file) =>
    validate(schema, file.document).map((error) => `${file.name}: ${error.message}`),
  );
}
