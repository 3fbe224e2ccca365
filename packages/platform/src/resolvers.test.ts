import { GraphQLScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import { mergeResolvers } from "./resolvers";

describe("mergeResolvers", () => {
  it("merges fields per type and keeps scalars whole", () => {
    const scalar = new GraphQLScalarType({ name: "DateTime" });
    const a = { Query: { a: () => 1 }, DateTime: scalar };
    const b = { Query: { b: () => 2 }, Product: { name: () => "x" } };
    const merged = mergeResolvers<Record<string, Record<string, unknown>>>(a, b);
    expect(Object.keys(merged.Query!)).toEqual(["a", "b"]);
    expect(merged.DateTime).toBe(scalar);
    expect(Object.keys(merged.Product!)).toEqual(["name"]);
  });

  it("refuses a field defined twice", () => {
    expect(() => mergeResolvers({ Query: { a: () => 1 } }, { Query: { a: () => 2 } })).toThrow(
      "Query.a is defined twice",
    );
  });
});
