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

/** Operation text written into a test's source: a literal opening with an operation or a bare selection. */
const OPERATION_TEXT = /[`"']\s*(?:(?:query|mutation|subscription)\b[^`"']*\{|\{\s*[_A-Za-z]\w*\s*[({])/;
/** The comment that must stand on the line before operation text a test sends on purpose. */
const TEXT_ON_PURPOSE = /\/\/ Text, not a typed operation: /;

/** Each line of a test folder's own sources (not generated) that writes an operation as text without saying why. */
function untypedOperations(folder: string): string[] {
  const dir = path.join(repoRoot, folder);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.startsWith("generated") && !file.includes("node_modules"))
    .flatMap((file) => {
      const lines = readFileSync(path.join(dir, file), "utf8").split("\n");
      return lines.flatMap((line, index) =>
        OPERATION_TEXT.test(line) && !TEXT_ON_PURPOSE.test(lines[index - 1] ?? "")
          ? [`${folder}/${file}:${index + 1}: ${line.trim()}`]
          : [],
      );
    });
}

describe("tests' typed operations", () => {
  it("no subgraph test writes an operation as text, unless it says why on the line before", () => {
    const folders = testOperationFolders().filter((folder) => folder.startsWith("subgraphs/"));
    expect(folders.flatMap(untypedOperations)).toEqual([]);
  });

  it("the check finds operation text that is not typed", () => {
    for (const line of [
      "await s.execute(`mutation($v: ID!) { addToCart(variantId: $v) { id } }`, {});",
      'await s.execute("{ cart { id } }");',
      "const q = `query Cart { cart { id } }`;",
    ]) {
      expect(OPERATION_TEXT.test(line), line).toBe(true);
    }
    expect(OPERATION_TEXT.test("const label = `{ ${name} }`;")).toBe(false);
  });

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
