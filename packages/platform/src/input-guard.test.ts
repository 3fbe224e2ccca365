import { describe, expect, it } from "vitest";
import { argumentField, assertStorableArguments, findBadString, MAX_STRING_LENGTH } from "./input-guard";

const refusal = (args: Record<string, unknown>) => {
  try {
    assertStorableArguments(args);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return undefined;
};

describe("argument strings", () => {
  it("finds a NUL anywhere in an argument and names its path", () => {
    expect(refusal({ input: { fullName: "Ada", lines: [{ sku: "A" }, { sku: "B\u0000" }] } })).toEqual({
      code: "BAD_USER_INPUT",
      field: "lines.1.sku",
    });
    expect(refusal({ filter: { query: "boots\u0000" } })).toEqual({
      code: "BAD_USER_INPUT",
      field: "filter.query",
    });
    expect(refusal({ cartToken: "\u0000" })).toEqual({ code: "BAD_USER_INPUT", field: "cartToken" });
    expect(refusal({ input: "\u0000" })).toEqual({ code: "BAD_USER_INPUT", field: "input" });
  });

  it("refuses object keys, unpaired surrogates and over-long strings too", () => {
    expect(findBadString({ attributes: { "co\u0000lour": "red" } })?.path).toEqual([
      "attributes",
      "co\u0000lour",
    ]);
    expect(refusal({ text: "half an emoji \ud83d" })).toMatchObject({ field: "text" });
    expect(refusal({ text: "\ude00 the other half" })).toMatchObject({ field: "text" });
    expect(refusal({ text: "x".repeat(MAX_STRING_LENGTH + 1) })).toMatchObject({ field: "text" });
  });

  it("lets ordinary text through, including characters outside the basic plane", () => {
    expect(
      refusal({ input: { name: "Crème brûlée 😀", tags: ["a", null, 3, true] }, first: 10 }),
    ).toBeUndefined();
    expect(refusal({ text: "x".repeat(MAX_STRING_LENGTH) })).toBeUndefined();
  });

  it("names fields of an input argument directly, as validateInput does", () => {
    expect(argumentField(["input", "shippingAddress", "city"])).toBe("shippingAddress.city");
    expect(argumentField(["address", "city"])).toBe("address.city");
  });
});
