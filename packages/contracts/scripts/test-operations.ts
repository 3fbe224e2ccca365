/**
 * The operations tests send, typed the way the internal operations are: each test folder keeps
 * them as `.graphql` documents in `operations/<callee>/`, and codegen writes
 * `generated/<callee>.ts` beside them with each operation's result and variables types and its
 * text as a typed document, from the schema the callee serves. A test then sends
 * `CartDocument` and gets a `CartQuery` back, with no result shape written by hand; a field the
 * test asks for that the callee no longer has fails codegen and the freshness test.
 *
 * The folders: every subgraph's `test/` and the testkit's `src/` (its shared fixtures).
 * Written by `npm run codegen -w @storefront/contracts`.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { format, resolveConfig } from "prettier";
import { subgraphList } from "../src/topology";
import { servedSchemaSdl, subgraphSdls } from "./operations";
import { documentsConfig } from "./documents-config";
import { repoRoot } from "./resolver-types";

/** The folders whose `operations/<callee>/` hold test operations, relative to the repository root. */
export function testOperationFolders(): string[] {
  return [
    ...subgraphList.map((subgraph) => path.join(path.dirname(path.dirname(subgraph.schemaFile)), "test")),
    "packages/testkit/src",
  ].filter((folder) => existsSync(path.join(repoRoot, folder, "operations")));
}

/** The callees one folder sends operations to: one folder of `.graphql` files each. */
export function testCallees(folder: string): string[] {
  return readdirSync(path.join(repoRoot, folder, "operations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const header = (folder: string, callee: string) =>
  `/* eslint-disable */\n// Generated from ${folder}/operations/${callee}/ and the ${callee} subgraph's schema by \`npm run codegen -w @storefront/contracts\`; do not edit.\n`;

/** Every test folder's generated operations, by file relative to the repository root. */
export async function renderTestOperations(
  folders: string[] = testOperationFolders(),
): Promise<Map<string, string>> {
  const sdls = subgraphSdls();
  const files = new Map<string, string>();
  for (const folder of folders) {
    for (const callee of testCallees(folder)) {
      const sdl = sdls.get(callee);
      if (!sdl)
        throw new Error(`${folder}/operations/${callee}: no subgraph named "${callee}" in the topology`);
      const file = path.join(folder, "generated", `${callee}.ts`);
      const absolute = path.join(repoRoot, file);
      const [output] = (await generate(
        {
          silent: true,
          generates: {
            [absolute]: {
              schema: servedSchemaSdl(sdl),
              documents: path.join(repoRoot, folder, "operations", callee, "*.graphql"),
              plugins: ["typescript-operations", "typed-document-node"],
            },
          },
          config: documentsConfig,
        },
        false,
      )) as { filename: string; content: string }[];
      const options = (await resolveConfig(absolute)) ?? {};
      files.set(
        file,
        await format(header(folder, callee) + output!.content, { ...options, filepath: absolute }),
      );
    }
  }
  return files;
}

/** Writes them under `root` (the repository root, or a scratch folder to compare with it). */
export async function writeTestOperations(
  root: string = repoRoot,
  folders: string[] = testOperationFolders(),
): Promise<string[]> {
  const files = await renderTestOperations(folders);
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return [...files.keys()].sort();
}

/**
 * `npm run codegen:tests -w @storefront/contracts -- [folder ...]`: only the tests' operations, of
 * the folders named (relative to the repository root; all of them without any).
 */
if (import.meta.filename === process.argv[1]) {
  const named = process.argv
    .slice(2)
    .map((folder) => path.relative(repoRoot, path.resolve(repoRoot, folder)));
  const written = await writeTestOperations(repoRoot, named.length ? named : testOperationFolders());
  process.stdout.write(`Generated ${written.join(", ") || "no test operations"}\n`);
}
