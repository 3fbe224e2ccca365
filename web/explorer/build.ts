/**
 * The development graph explorer, built once: GraphiQL 5 edits with Monaco, whose workers and
 * styles need a bundler, so the router serves a Vite build of `web/explorer` from a folder under
 * node_modules. The build is kept until its inputs change (this folder's sources, the versions of
 * graphiql and vite), so only the first `npm start` after an install pays for it.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { build } from "vite";

const explorerRoot = import.meta.dirname;
const require = createRequire(import.meta.url);

/** Where the router serves its assets from (router/src/explorer.ts); the page itself is the GraphQL path. */
export const EXPLORER_ASSETS_PATH = "/explorer/";
/** The built explorer; the router reads it from here. */
export const explorerBuildDir = path.resolve(explorerRoot, "../node_modules/.cache/storefront-explorer");
const stampFile = path.join(explorerBuildDir, ".inputs");

function inputsFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(explorerRoot).sort()) {
    if (/\.(html|tsx?|css)$/.test(file))
      hash.update(file).update(readFileSync(path.join(explorerRoot, file)));
  }
  for (const pkg of ["graphiql/package.json", "vite/package.json", "graphql-ws/package.json"]) {
    hash.update((JSON.parse(readFileSync(require.resolve(pkg), "utf8")) as { version: string }).version);
  }
  return hash.digest("hex");
}

/** Whether the build on disk is the one today's sources make. */
export function explorerIsCurrent(): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, "utf8") === inputsFingerprint();
}

/** Builds the explorer unless the build on disk is current; resolves to the folder it is in. */
export async function ensureExplorerBuilt(): Promise<string> {
  if (explorerIsCurrent()) return explorerBuildDir;
  const fingerprint = inputsFingerprint();
  // Several starts may build at once (two `npm start`s, a test beside one): each builds into a
  // folder of its own and moves it into place whole, so the served folder is never half-written.
  const staging = `${explorerBuildDir}.${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await build({
      configFile: false,
      root: explorerRoot,
      base: EXPLORER_ASSETS_PATH,
      // Rolldown warns about directives in GraphiQL's own bundle; nothing a reader of `npm start` can act on.
      logLevel: "error",
      clearScreen: false,
      plugins: [react()],
      build: { outDir: staging, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
    });
    writeFileSync(path.join(staging, ".inputs"), fingerprint);
    if (!explorerIsCurrent()) {
      rmSync(explorerBuildDir, { recursive: true, force: true });
      renameSync(staging, explorerBuildDir);
    }
  } catch (error) {
    // Another start moved its build into place first: that one serves.
    if (!explorerIsCurrent()) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return explorerBuildDir;
}

if (import.meta.filename === process.argv[1]) {
  const started = Date.now();
  await ensureExplorerBuilt();
  process.stdout.write(`Explorer built in ${explorerBuildDir} (${Date.now() - started} ms)\n`);
}
