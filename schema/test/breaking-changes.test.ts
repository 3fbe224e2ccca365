import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiSchemaSdl, baselinePath, supergraphPath, undeclaredBreakingChanges } from "../src";

/**
 * Apps and partners build on the public graph as released (schema/baseline/api.graphql). A change
 * that would break them (a field, type or argument removed, a type changed …) fails here unless it
 * is declared in schema/baseline/declared-breaking-changes.json with the reason clients were told.
 */
const current = apiSchemaSdl(readFileSync(supergraphPath, "utf8"));
const baseline = readFileSync(baselinePath, "utf8");

describe("public API schema check", () => {
  it("the supergraph breaks nothing in the released API that is not declared", () => {
    expect(undeclaredBreakingChanges(baseline, current)).toEqual([]);
  });

  it("a removed field or a changed argument type is caught, and a declared one is let through", () => {
    const broken = current
      .replace("\n  reviewCount: Int!\n", "\n")
      .replace("products(filter: ProductFilter", "products(filter: String");
    const found = undeclaredBreakingChanges(baseline, broken);
    expect(found).toEqual(
      expect.arrayContaining([
        "FIELD_REMOVED: Product.reviewCount was removed.",
        "ARG_CHANGED_KIND: Query.products arg filter has changed type from ProductFilter to String.",
      ]),
    );
    const declared = JSON.stringify({
      changes: found.map((line) => ({
        description: line.slice(line.indexOf(": ") + 2),
        reason: "announced to every client",
      })),
    });
    expect(undeclaredBreakingChanges(baseline, broken, declared)).toEqual([]);
  });
});
