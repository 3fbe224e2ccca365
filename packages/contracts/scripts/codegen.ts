/**
 * `npm run codegen -w @storefront/contracts`: for each callee, src/generated/<callee>.ts with the
 * result and variables types of its internal operations and each operation's text as a typed
 * document, generated from the schema the callee serves. `--out <dir>` writes elsewhere (the
 * freshness test compares such a run with the checked-in files). Without `--out`, also every
 * subgraph's resolver types (scripts/resolver-types.ts) and the tests' typed operations
 * (scripts/test-operations.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generate } from "@graphql-codegen/cli";
import { format, resolveConfig } from "prettier";
import { callees, contractsRoot, operationsDir, servedSchemaSdl, subgraphSdls } from "./operations";
import { documentsConfig } from "./documents-config";
import { writeResolverTypes } from "./resolver-types";
import { writeTestOperations } from "./test-operations";

export const generatedDir = path.join(contractsRoot, "src/generated");

const header = (callee: string) =>
  `/* eslint-disable */\n// Generated from operations/${callee}/ and the ${callee} subgraph's schema by \`npm run codegen -w @storefront/contracts\`; do not edit.\n`;

/** Written by Prettier's own rules, so the checked-in files pass `prettier --check`. */
async function prettify(file: string, content: string): Promise<string> {
  const options = (await resolveConfig(path.join(generatedDir, file))) ?? {};
  return format(content, { ...options, filepath: file });
}

/** Every generated file's content, by name relative to the generated folder. */
export async function renderGeneratedFiles(): Promise<Map<string, string>> {
  const sdls = subgraphSdls();
  const generates = Object.fromEntries(
    callees().map((callee) => {
      const sdl = sdls.get(callee);
      if (!sdl) throw new Error(`operations/${callee}: no subgraph named "${callee}" in the topology`);
      return [
        path.join(generatedDir, `${callee}.ts`),
        {
          schema: servedSchemaSdl(sdl),
          documents: path.join(operationsDir, callee, "*.graphql"),
          plugins: ["typescript-operations", "typed-document-node"],
        },
      ];
    }),
  );
  const outputs = (await generate(
    {
      silent: true,
      generates,
      config: documentsConfig,
    },
    false,
  )) as { filename: string; content: string }[];
  const files = new Map<string, string>();
  for (const output of outputs) {
    const name = path.relative(generatedDir, output.filename);
    const callee = path.basename(name, ".ts");
    files.set(name, await prettify(name, header(callee) + output.content));
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
  if (!values.out) {
    process.stdout.write(`Generated ${(await writeResolverTypes()).join(", ")}\n`);
    process.stdout.write(`Generated ${(await writeTestOperations()).join(", ") || "no test operations"}\n`);
  }
}
