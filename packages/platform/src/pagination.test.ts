import type { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "./pagination";

describe("cursors and connections", () => {
  it("round-trips a keyset cursor and rejects a forged one as BAD_USER_INPUT", () => {
    const cursor = encodeCursor(["2026-01-01T00:00:00.000Z", "abc"]);
    expect(decodeCursor(cursor)).toEqual(["2026-01-01T00:00:00.000Z", "abc"]);
    for (const bad of [
      "%%%",
      Buffer.from('{"a":1}').toString("base64url"),
      Buffer.from("[{}]").toString("base64url"),
    ]) {
      const error = (() => {
        try {
          decodeCursor(bad);
        } catch (caught) {
          return caught as GraphQLError;
        }
      })();
      expect(error?.extensions.code).toBe("BAD_USER_INPUT");
    }
  });

  it("uses the extra row only to say there is a next page", () => {
    const page = toConnection([1, 2, 3], 2, (n) => String(n));
    expect(page.nodes).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: "2" });
    expect(toConnection([1], 2, String).pageInfo).toEqual({ hasNextPage: false, endCursor: "1" });
  });

  it("bounds the page size", () => {
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(0)).toThrow(/between 1 and 100/);
    expect(() => pageSize(101)).toThrow(/between 1 and 100/);
  });
});
