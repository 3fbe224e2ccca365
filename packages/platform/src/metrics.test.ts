import { describe, expect, it } from "vitest";
import { operationLabeler } from "./metrics";

describe("operation labels", () => {
  it("keep known names always, the first N others, and call the rest other", () => {
    const label = operationLabeler({ knownOperations: ["ProductPage"], maxOtherNames: 2 });
    expect(["A", "B", "C", "A", "ProductPage", "B", "D"].map(label)).toEqual([
      "A",
      "B",
      "other",
      "A",
      "ProductPage",
      "B",
      "other",
    ]);
  });

  it("label an unnamed operation anonymous, and never give a label to a name no schema would have", () => {
    const label = operationLabeler({ maxOtherNames: 10 });
    expect(label(undefined)).toBe("anonymous");
    expect(label(null)).toBe("anonymous");
    expect(label("x".repeat(101))).toBe("other");
    expect(label('a"}\nevil 1')).toBe("other");
    expect(label("Fine_Name2")).toBe("Fine_Name2");
  });
});
