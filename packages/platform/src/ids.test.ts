import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it("accepts a UUID in either case and nothing else", () => {
    expect(isUuid("0b6f4c1e-3c1a-4f7e-9d2b-5a8e7c6d4b3a")).toBe(true);
    expect(isUuid("0B6F4C1E-3C1A-4F7E-9D2B-5A8E7C6D4B3A")).toBe(true);
    for (const value of [
      "",
      "x",
      "0b6f4c1e3c1a4f7e9d2b5a8e7c6d4b3a",
      " 0b6f4c1e-3c1a-4f7e-9d2b-5a8e7c6d4b3a",
    ]) {
      expect(isUuid(value)).toBe(false);
    }
    expect(isUuid("0b6f4c1e-3c1a-4f7e-9d2b-5a8e7c6d4b3a' OR 1=1 --")).toBe(false);
  });
});
