import { describe, expect, it } from "vitest";
import { comparedResponse, expectedRouterResponse } from "@storefront/testkit/differential";
import { KNOWN_DIFFERENCES } from "./known-differences";

const expectedFor = (body: unknown, status = 200) =>
  expectedRouterResponse(comparedResponse({ status, body }), KNOWN_DIFFERENCES);

describe("the known differences", () => {
  it("are each a deliberate policy with a reason", () => {
    for (const difference of KNOWN_DIFFERENCES) {
      expect(difference.deliberate).toBe(true);
      expect(difference.reason.length).toBeGreaterThan(40);
    }
    expect(new Set(KNOWN_DIFFERENCES.map((d) => d.id)).size).toBe(KNOWN_DIFFERENCES.length);
  });

  it("leave client-facing errors as they are", () => {
    const { expected, applied } = expectedFor({
      data: { a: null, b: null },
      errors: [
        { message: "Product 9 was not found.", path: ["a"], extensions: { code: "NOT_FOUND" } },
        { message: "No.", path: ["b"], extensions: { code: "FORBIDDEN" } },
      ],
    });
    expect(applied).toEqual([]);
    expect(expected.errors.map((e) => e.message)).toEqual(["Product 9 was not found.", "No."]);
  });

  it("mask internal errors, keeping their path", () => {
    const { expected, applied } = expectedFor({
      data: { a: null },
      errors: [{ message: "db-7.internal refused", path: ["a"], extensions: { code: "WAREHOUSE_CLOSED" } }],
    });
    expect(applied).toEqual(["internal-errors-masked"]);
    expect(expected.errors).toEqual([
      {
        message: "Something went wrong on our side. Please try again.",
        path: ["a"],
        code: "INTERNAL_SERVER_ERROR",
      },
    ]);
  });

  it("answer a subgraph that does not answer as UNAVAILABLE, not as a masked error", () => {
    for (const message of [
      "fetch failed",
      "The operation was aborted due to timeout",
      "503: Service Unavailable",
    ]) {
      const { expected, applied } = expectedFor({
        data: { a: null },
        errors: [{ message, extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      });
      expect(applied).toEqual(["subgraph-unavailable"]);
      expect(expected.errors[0]!.code).toBe("UNAVAILABLE");
    }
  });

  it("turn 400 into 200 only for request errors, never for an answer with data", () => {
    expect(
      expectedFor(
        { errors: [{ message: "Syntax Error", extensions: { code: "GRAPHQL_PARSE_FAILED" } }] },
        400,
      ).expected.status,
    ).toBe(200);
    expect(
      expectedFor({ data: null, errors: [{ message: "x", extensions: { code: "BAD_USER_INPUT" } }] }, 400)
        .expected.status,
    ).toBe(400);
  });
});
