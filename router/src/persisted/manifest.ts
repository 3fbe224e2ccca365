import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Supergraph, type Schema } from "@apollo/federation-internals";
import { buildASTSchema, parse, validate, type GraphQLSchema } from "graphql";
import { z } from "zod";

/** One operation of a trusted-documents manifest; `id` is the SHA-256 (hex) of `body`. */
export interface PersistedOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

/** A client's manifest (`schema/persisted/<name>.json`), indexed by operation id. */
export interface PersistedManifest {
  name: string;
  file: string;
  operations: Map<string, PersistedOperation>;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The `apollo-persisted-query-manifest` format, version 1, as Apollo's generator writes it. */
const manifestFormat = z.object({
  format: z.literal("apollo-persisted-query-manifest"),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex SHA-256"),
      name: z.string().min(1),
      type: z.enum(["query", "mutation", "subscription"]),
      body: z.string().min(1),
    }),
  ),
});

/** A configuration file (manifest, clients file) that cannot be used; one line per problem. */
export class ConfigFileError extends Error {
  override name = "ConfigFileError";
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/**
 * Parses a manifest's text and checks what can be checked without a schema: the format, that
 * every id is the SHA-256 of its body, that ids are unique and that every body parses.
 */
export function parseManifest(name: string, file: string, text: string): PersistedManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigFileError([`${file}: not valid JSON`]);
  }
  const result = manifestFormat.safeParse(json);
  if (!result.success) {
    throw new ConfigFileError(
      result.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const problems: string[] = [];
  const operations = new Map<string, PersistedOperation>();
  for (const operation of result.data.operations) {
    const expected = sha256Hex(operation.body);
    if (operation.id !== expected) {
      problems.push(`${file}: ${operation.name}: id must be the SHA-256 of its body (${expected})`);
    }
    if (operations.has(operation.id)) problems.push(`${file}: ${operation.name}: duplicate id`);
    try {
      parse(operation.body);
    } catch (error) {
      problems.push(`${file}: ${operation.name}: ${(error as Error).message}`);
    }
    operations.set(operation.id, operation);
  }
  if (problems.length) throw new ConfigFileError(problems);
  return { name, file, operations };
}

/**
 * The operation names of every manifest in the directory, whether or not a client uses it (the
 * storefront's own, for one): names the router may label metrics with. A file that is not a
 * manifest adds nothing; the clients that use a manifest are where a broken one is reported.
 */
export function persistedOperationNames(directory: string): string[] {
  let files: string[];
  try {
    files = readdirSync(directory).filter((file) => file.endsWith(".json"));
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    try {
      const manifest = loadManifest(directory, file.slice(0, -".json".length));
      return [...manifest.operations.values()].map((operation) => operation.name);
    } catch {
      return [];
    }
  });
}

export function loadManifest(directory: string, name: string): PersistedManifest {
  const file = path.join(directory, `${name}.json`);
  if (!existsSync(file)) throw new ConfigFileError([`${file}: no such manifest`]);
  return parseManifest(name, file, readFileSync(file, "utf8"));
}

/** The incremental delivery directive the served schema has (as the GraphQL spec proposal declares it). */
const DEFER_DIRECTIVE = parse(
  "directive @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT",
);

/**
 * The public schema the router serves for a supergraph's API schema (federation-internals'):
 * no @inaccessible elements, and `@defer`, which the router answers (executor/). Built from the
 * AST with this module's graphql-js.
 */
export function servedApiSchema(apiSchema: Schema): GraphQLSchema {
  const ast = apiSchema.toAST();
  return buildASTSchema({ ...ast, definitions: [...ast.definitions, ...DEFER_DIRECTIVE.definitions] });
}

/** The public schema a supergraph serves (see servedApiSchema). */
export function apiSchemaFromSupergraph(supergraphSdl: string): GraphQLSchema {
  return servedApiSchema(Supergraph.build(supergraphSdl).apiSchema());
}

/**
 * Problems of a manifest's operations against a served (API) schema: a field removed or renamed
 * in a subgraph would break a partner's operation. Empty when every operation is valid.
 */
export function validateManifest(manifest: PersistedManifest, schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const operation of manifest.operations.values()) {
    for (const error of validate(schema, parse(operation.body))) {
      problems.push(`${manifest.name}: ${operation.name}: ${error.message}`);
    }
  }
  return problems;
}
