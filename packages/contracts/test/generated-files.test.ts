/** The generated contracts are checked in, so they must be what codegen makes from today's sources. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatedDir, writeGeneratedFiles } from "../scripts/codegen";
import { callees } from "../scripts/operations";

const scratch = mkdtempSync(path.join(tmpdir(), "storefront-contracts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("generated contracts", () => {
  it("src/generated is current (run `npm run codegen -w @storefront/contracts`)", async () => {
    const written = await writeGeneratedFiles(scratch);
    expect(written).toEqual(callees().map((callee) => `${callee}.ts`));
    expect(readdirSync(generatedDir).sort()).toEqual(written);
    for (const file of written) {
      expect(readFileSync(path.join(generatedDir, file), "utf8"), file).toBe(
        readFileSync(path.join(scratch, file), "utf8"),
      );
    }
  });
});
