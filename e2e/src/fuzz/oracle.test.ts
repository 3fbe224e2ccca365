import { describe, expect, it } from "vitest";
import { findingsOf, internalAddresses, suspiciousOf } from "./oracle";

const addresses = internalAddresses(["http://127.0.0.1:41234/graphql", "http://localhost:4002/graphql"]);
const causes = (status: number | undefined, body: unknown) =>
  findingsOf(status, typeof body === "string" ? body : JSON.stringify(body), addresses).map((f) => f.cause);

describe("fuzz oracle", () => {
  it("passes a client error that names nothing internal", () => {
    const body = {
      errors: [{ message: "Product not found.", extensions: { code: "NOT_FOUND" } }],
      data: { product: null },
    };
    expect(causes(200, body)).toEqual([]);
    expect(causes(400, { errors: [{ message: 'Cannot query field "x" on type "Query".' }] })).toEqual([]);
  });

  it("flags a 5xx, INTERNAL_SERVER_ERROR at any depth, and no response at all", () => {
    expect(causes(500, "Internal Server Error")).toEqual(["HTTP 500"]);
    expect(
      causes(200, { errors: [{ message: "x", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }),
    ).toEqual(["INTERNAL_SERVER_ERROR"]);
    const nested = {
      errors: [
        {
          message: "x",
          extensions: { code: "DOWNSTREAM", errors: [{ extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
        },
      ],
    };
    expect(causes(200, [{ data: {} }, nested])).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(causes(undefined, "fetch failed")).toEqual(["no HTTP response"]);
  });

  it("flags internal URLs, file paths, stack frames and SQL anywhere in the body", () => {
    const leak = (text: string) => ({ errors: [{ message: text, extensions: { code: "BAD_USER_INPUT" } }] });
    expect(causes(400, leak("401: Unauthorized"))).toEqual([]);
    expect(
      causes(400, {
        errors: [{ message: "x", extensions: { response: { url: "http://127.0.0.1:41234/graphql" } } }],
      }),
    ).toEqual(["internal URL in body"]);
    expect(causes(400, leak("connect ECONNREFUSED localhost:4002"))).toEqual(["internal URL in body"]);
    expect(causes(400, leak("at /work/main/packages/platform/src/db.ts:12"))).toEqual(["file path in body"]);
    expect(causes(400, leak("Error: x\n    at run (file.js:1:1)"))).toEqual(["stack trace in body"]);
    expect(causes(400, leak('Failed query: select "id" from "public"."products"'))).toEqual([
      "SQL text in body",
    ]);
  });

  it("notes error messages that look internal without failing on them", () => {
    const body = (message: string) =>
      JSON.stringify({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
    expect(suspiciousOf(body("Cannot read properties of undefined (reading 'id')"))).toHaveLength(1);
    expect(suspiciousOf(body("Execution of subscriptions not supported by gateway"))).toHaveLength(1);
    expect(suspiciousOf(body("Product not found."))).toEqual([]);
    expect(findingsOf(400, body("Execution of subscriptions not supported by gateway"), addresses)).toEqual(
      [],
    );
  });
});
