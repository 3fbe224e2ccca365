/** Every subgraph's resolver types are checked in, so they must be what codegen makes from its SDL today. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderResolverTypes, repoRoot, resolverTypesFile } from "../scripts/resolver-types";
import { subgraphList } from "../src/topology";

describe("generated resolver types", () => {
  it("every subgraph's src/generated/resolvers.ts is current (run `npm run codegen -w @storefront/contracts`)", async () => {
    const files = await renderResolverTypes();
    expect([...files.keys()].sort()).toEqual(subgraphList.map((s) => resolverTypesFile(s.schemaFile)).sort());
    for (const [file, content] of files) {
      const onDisk = path.join(repoRoot, file);
      expect(existsSync(onDisk), `${file} is missing`).toBe(true);
      expect(readFileSync(onDisk, "utf8"), file).toBe(content);
    }
  });
});
