/**
 * The tests' operations are checked in as generated typed documents, so they must be what codegen
 * makes from today's `.graphql` files and schemas: a field a test asks for that its callee no
 * longer has fails here, named, before any test runs against a server.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/resolver-types";
import { renderTestOperations, testCallees, testOperationFolders } from "../scripts/test-operations";

describe("tests' typed operations", () => {
  it("every subgraph keeps its test operations as .graphql documents", () => {
    const folders = testOperationFolders();
    for (const subgraph of ["cart", "catalogue", "orders", "payments", "shipping", "users"]) {
      expect(folders).toContain(`subgraphs/${subgraph}/test`);
    }
  });

  it("each folder's generated/ is current (run `npm run codegen -w @storefront/contracts`)", async () => {
    const files = await renderTestOperations();
    for (const folder of testOperationFolders()) {
      const generated = path.join(repoRoot, folder, "generated");
      expect(existsSync(generated), `${folder}/generated is missing`).toBe(true);
      expect(readdirSync(generated).sort(), `${folder}/generated`).toEqual(
        testCallees(folder).map((callee) => `${callee}.ts`),
      );
    }
    for (const [file, content] of files) {
      expect(readFileSync(path.join(repoRoot, file), "utf8"), file).toBe(content);
    }
  });
});
