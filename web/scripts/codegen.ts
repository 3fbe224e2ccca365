/**
 * `npm run codegen`: TypeScript types and typed documents for the operations in src/graphql/,
 * generated from the API schema the router serves — the supergraph without its @inaccessible
 * elements, so an operation reaching an internal field fails here rather than at the router.
 * `--out <dir>` writes elsewhere (the freshness test compares such a run with the checked-in files).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Supergraph } from "@apollo/federation-internals";
import { generate } from "@graphql-codegen/cli";
import { buildASTSchema, printSchema } from "graphql";
import { format, resolveConfig } from "prettier";

export const webRoot = path.resolve(import.meta.dirname, "..");
export const generatedDir = path.join(webRoot, "src/graphql/generated");
const supergraphPath = path.resolve(webRoot, "../schema/supergraph.graphql");

/** Written by Prettier's own rules, so the checked-in files pass `prettier --check`. */
async function prettify(file: string, content: string): Promise<string> {
  const options = (await resolveConfig(path.join(generatedDir, file))) ?? {};
  return format(content, { ...options, filepath: file });
}

export function apiSchemaSdl(): string {
  const supergraph = Supergraph.build(readFileSync(supergraphPath, "utf8"));
  // Rebuilt with this module's graphql-js: federation-internals may load another copy of it.
  return printSchema(buildASTSchema(supergraph.apiSchema().toAST()));
}

/** Every generated file, by name relative to the generated folder. */
export async function renderGeneratedFiles(): Promise<Map<string, string>> {
  const apiSchema = apiSchemaSdl();
  const outputs = (await generate(
    {
      schema: apiSchema,
      documents: [path.join(webRoot, "src/graphql/**/*.graphql"), `!${generatedDir}/**`],
      silent: true,
      generates: {
        [`${generatedDir}/`]: {
          preset: "client",
          presetConfig: { fragmentMasking: false },
          config: {
            scalars: { DateTime: "string" },
            enumsAsTypes: true,
            useTypeImports: true,
            skipTypename: false,
            nonOptionalTypename: true,
            avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
          },
        },
      },
    },
    false,
  )) as { filename: string; content: string }[];
  // The API schema itself is not written: it is schema/supergraph.graphql's, derived on demand
  // (`apiSchemaSdl()`), so a subgraph that adds types changes only the types the web uses here.
  const files = new Map<string, string>();
  for (const output of outputs) {
    const name = path.relative(generatedDir, output.filename);
    files.set(name, await prettify(name, output.content));
  }
  return files;
}

export async function writeGeneratedFiles(outDir: string): Promise<string[]> {
  const files = await renderGeneratedFiles();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(outDir, name), content);
  return [...files.keys()].sort();
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const outDir = values.out ? path.resolve(values.out) : generatedDir;
  const written = await writeGeneratedFiles(outDir);
  process.stdout.write(`Generated ${written.join(", ")} in ${path.relative(process.cwd(), outDir) || "."}\n`);
}
