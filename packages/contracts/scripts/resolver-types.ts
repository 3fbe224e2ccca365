/**
 * Resolver types for every subgraph: `subgraphs/<name>/src/generated/resolvers.ts`, generated from
 * the subgraph's own SDL (graphql-codegen's typescript + typescript-resolvers, federation-aware), so
 * resolver maps and the services they call take typed arguments and typed parents.
 *
 * A subgraph says how its parents are represented on the server in `resolvers.codegen.json` beside
 * its package.json: `context` (the request context type) and `mappers` (schema type → the row or
 * record a resolver receives as its parent), both as `<module relative to src/generated>#<export>`.
 * Written by `npm run codegen -w @storefront/contracts` with the internal operations' clients.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { format, resolveConfig } from "prettier";
import { subgraphList } from "../src/topology";
import { contractsRoot } from "./operations";

const repoRoot = path.resolve(contractsRoot, "../..");

interface ResolverTypesConfig {
  context?: string;
  mappers?: Record<string, string>;
}

/** Where a subgraph's generated resolver types live, relative to the repository root. */
export function resolverTypesFile(schemaFile: string): string {
  return path.join(path.dirname(schemaFile), "generated", "resolvers.ts");
}

function subgraphConfig(schemaFile: string): ResolverTypesConfig {
  const file = path.join(repoRoot, path.dirname(schemaFile), "..", "resolvers.codegen.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ResolverTypesConfig) : {};
}

const header = (name: string) =>
  `/* eslint-disable */\n// Generated from the ${name} subgraph's src/schema.graphql and resolvers.codegen.json by \`npm run codegen -w @storefront/contracts\`; do not edit.\n`;

/** Every subgraph's resolver types, by file relative to the repository root. */
export async function renderResolverTypes(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const subgraph of subgraphList) {
    const file = resolverTypesFile(subgraph.schemaFile);
    const config = subgraphConfig(subgraph.schemaFile);
    const [output] = (await generate(
      {
        silent: true,
        generates: {
          [path.join(repoRoot, file)]: {
            schema: readFileSync(path.join(repoRoot, subgraph.schemaFile), "utf8"),
            plugins: ["typescript", "typescript-resolvers"],
          },
        },
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: config.context ?? "@storefront/platform/context#RequestContext",
          mappers: config.mappers ?? {},
          scalars: { DateTime: { input: "string", output: "Date | string" } },
          // Members of a union are tagged with their __typename (@storefront/platform's result
          // helpers), which the one shared resolveType reads.
          resolversNonOptionalTypename: { unionMember: true },
          // The shared resolveType is installed on every abstract type by the schema builder.
          resolverTypeWrapperSignature: "Promise<T> | T",
          optionalResolveType: true,
          avoidOptionals: false,
        },
      },
      false,
    )) as { filename: string; content: string }[];
    const absolute = path.join(repoRoot, file);
    const options = (await resolveConfig(absolute)) ?? {};
    files.set(
      file,
      await format(header(subgraph.name) + output!.content, { ...options, filepath: absolute }),
    );
  }
  return files;
}

/** Writes them under `root` (the repository root, or a scratch folder to compare with it). */
export async function writeResolverTypes(root: string = repoRoot): Promise<string[]> {
  const files = await renderResolverTypes();
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return [...files.keys()].sort();
}

export { repoRoot };
