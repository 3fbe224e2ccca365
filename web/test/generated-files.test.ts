/** Generated files are checked in, so they must be what the generators make from today's sources. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiSchemaSdl, generatedDir, writeGeneratedFiles } from "../scripts/codegen";
import { renderManifest } from "../scripts/persisted";
import { manifestPath } from "../vite.config";

const scratch = mkdtempSync(path.join(tmpdir(), "storefront-codegen-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("generated files", () => {
  it("src/graphql/generated is current (run `npm run codegen -w @storefront/web`)", async () => {
    const written = await writeGeneratedFiles(scratch);
    expect(readdirSync(generatedDir).sort()).toEqual(written);
    for (const file of written) {
      expect(readFileSync(path.join(generatedDir, file), "utf8"), file).toBe(
        readFileSync(path.join(scratch, file), "utf8"),
      );
    }
  });

  it("the API schema the types come from has no @inaccessible element", () => {
    const apiSchema = apiSchemaSdl();
    expect(apiSchema).toContain("orderStatusChanged(");
    for (const internal of [
      "reserveStock",
      "Reservation",
      "checkoutCart",
      "chargePayment",
      "shippingQuote",
      "join__",
    ]) {
      expect(apiSchema).not.toContain(internal);
    }
  });

  it("schema/persisted/web.json is current (run `npm run persisted -w @storefront/web`)", async () => {
    expect(readFileSync(manifestPath, "utf8")).toBe(await renderManifest());
  });
});
