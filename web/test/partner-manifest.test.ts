/**
 * The example partner manifest is what a partner's own tooling makes from its operations: Apollo's
 * generator adds `__typename` where Apollo Client does, so the ids a partner's client sends are the
 * ids the router knows.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const configFile = path.join(
  repoRoot,
  "schema/persisted/partner-example/persisted-query-manifest.config.json",
);
const committedFile = path.join(repoRoot, "schema/persisted/partner-example.json");
const cli = path.join(
  path.dirname(
    createRequire(import.meta.url).resolve("@apollo/generate-persisted-query-manifest/package.json"),
  ),
  "cli.js",
);
const scratch = mkdtempSync(path.join(tmpdir(), "partner-manifest-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `generate-persisted-query-manifest` with the committed config, writing to a scratch file. */
function generate(): string {
  const config = JSON.parse(readFileSync(configFile, "utf8")) as { documents: string[]; output: string };
  const output = path.join(scratch, "partner-example.json");
  const scratchConfig = path.join(scratch, "persisted-query-manifest.config.json");
  writeFileSync(scratchConfig, JSON.stringify({ ...config, output }));
  const run = spawnSync(process.execPath, [cli, "--config", scratchConfig], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(output, "utf8");
}

describe("the example partner manifest", () => {
  it("schema/persisted/partner-example.json is what the generator writes (run `npm run persisted:partner -w @storefront/web`)", () => {
    const generated = generate();
    // Prettier's only change to the tool's output is the final newline.
    expect(readFileSync(committedFile, "utf8")).toBe(`${generated}\n`);
    const manifest = JSON.parse(generated) as { operations: { name: string; body: string }[] };
    expect(manifest.operations.map((operation) => operation.name).sort()).toEqual([
      "Categories",
      "CategoryProducts",
      "ProductBySlug",
      "SearchProducts",
    ]);
    for (const operation of manifest.operations) expect(operation.body).toContain("__typename");
  });
});
