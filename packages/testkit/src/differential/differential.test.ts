import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { comparedResponse, expectedRouterResponse, matchesExpected, type KnownDifference } from "./compare";
import { generateOperation, generateOperations } from "./generator";
import { runDifferential } from "./runner";

const reply = (body: unknown, status = 200) => comparedResponse({ status, body });

describe("comparedResponse", () => {
  it("tells data in another key order apart", () => {
    const a = reply({ data: { a: 1, b: 2 } });
    const b = reply({ data: { b: 2, a: 1 } });
    expect(matchesExpected(a, { ...b, patterns: [] })).toBe(false);
  });

  it("takes errors in any order, but each with its message, path and code", () => {
    const errors = [
      { message: "x", path: ["a"], extensions: { code: "NOT_FOUND" } },
      { message: "y", path: ["b", 0], extensions: { code: "FORBIDDEN" } },
    ];
    const expected = { ...reply({ data: null, errors }), patterns: [] };
    expect(matchesExpected(reply({ data: null, errors: [...errors].reverse() }), expected)).toBe(true);
    for (const changed of [
      { ...errors[0], message: "z" },
      { ...errors[0], path: ["c"] },
      { message: "x", path: ["a"] },
      { ...errors[0], extensions: { code: "BAD_USER_INPUT" } },
    ])
      expect(matchesExpected(reply({ data: null, errors: [changed, errors[1]] }), expected)).toBe(false);
    expect(matchesExpected(reply({ data: null, errors: [errors[0]] }), expected)).toBe(false);
    expect(matchesExpected(reply({ errors }), expected)).toBe(false);
    expect(matchesExpected(reply({ data: null, errors }, 400), expected)).toBe(false);
  });
});

describe("expectedRouterResponse", () => {
  const masked: KnownDifference = {
    id: "masked",
    reason: "test",
    deliberate: true,
    routerError: (error) =>
      error.code === "INTERNAL_SERVER_ERROR"
        ? { message: "masked", path: error.path, code: error.code }
        : undefined,
  };
  const refused: KnownDifference = {
    id: "refused",
    reason: "test",
    deliberate: true,
    routerError: (error) =>
      error.message === "401: Unauthorized" ? { code: /^UNAUTH/, message: /./ } : undefined,
  };

  it("rewrites only the errors an entry applies to, and says which entries applied", () => {
    const stock = reply({
      data: { a: null },
      errors: [
        { message: "db down", path: ["a"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
        { message: "gone", path: ["b"], extensions: { code: "NOT_FOUND" } },
      ],
    });
    const { expected, applied } = expectedRouterResponse(stock, [masked]);
    expect(applied).toEqual(["masked"]);
    const router = reply({
      data: { a: null },
      errors: [
        { message: "masked", path: ["a"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
        { message: "gone", path: ["b"], extensions: { code: "NOT_FOUND" } },
      ],
    });
    expect(matchesExpected(router, expected)).toBe(true);
    // A router that masked a client-facing error too would be caught.
    const overMasked = reply({
      data: { a: null },
      errors: [
        { message: "masked", path: ["a"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
        { message: "masked", path: ["b"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ],
    });
    expect(matchesExpected(overMasked, expected)).toBe(false);
  });

  it("matches a pattern with one or more errors, but not with none or with others", () => {
    const stock = reply({
      data: null,
      errors: [{ message: "401: Unauthorized", extensions: { code: "UNAUTHENTICATED" } }],
    });
    const { expected } = expectedRouterResponse(stock, [refused]);
    const signIn = { message: "Sign in.", path: ["me"], extensions: { code: "UNAUTHENTICATED" } };
    expect(matchesExpected(reply({ data: null, errors: [signIn] }), expected)).toBe(true);
    expect(
      matchesExpected(reply({ data: null, errors: [signIn, { ...signIn, path: ["x"] }] }), expected),
    ).toBe(true);
    expect(matchesExpected(reply({ data: null, errors: [] }), expected)).toBe(false);
    expect(
      matchesExpected(
        reply({ data: null, errors: [{ ...signIn, extensions: { code: "FORBIDDEN" } }] }),
        expected,
      ),
    ).toBe(false);
  });
});

describe("generateOperations", () => {
  const schema = buildSchema(`
    type Query { shelf(id: ID!): Shelf items(first: Int): [Item!]! search(term: String!): [Hit!]! }
    interface Item { id: ID! name: String }
    type Book implements Item { id: ID! name: String pages: Int shelf: Shelf }
    type Lamp implements Item { id: ID! name: String watts(unit: Unit = W): Int! }
    enum Unit { W KW }
    type Shelf { id: ID! items(first: Int): [Item!]! }
    union Hit = Book | Lamp | Shelf
  `);

  it("makes valid operations, the same ones for the same seed", () => {
    const operations = generateOperations({ schema, seed: 7 }, 300);
    for (const operation of operations)
      expect(validate(schema, parse(operation.query)), operation.query).toEqual([]);
    expect(generateOperation({ schema, seed: 7 }, 123)).toEqual(operations[123]);
    expect(generateOperation({ schema, seed: 8 }, 123).query).not.toBe(operations[123]!.query);
  });

  it("never picks a field of weight 0", () => {
    const operations = generateOperations(
      { schema, seed: 7, fieldWeight: (_, field) => (field === "pages" ? 0 : 1) },
      200,
    );
    expect(operations.some((operation) => /\bpages\b/.test(operation.query))).toBe(false);
  });
});

describe("runDifferential", () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));
  const serve = async (answer: (query: string) => unknown) => {
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const { query } = JSON.parse(body) as { query: string };
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer(query)));
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  };

  it("counts identical answers and reports each mismatch", async () => {
    const stockUrl = await serve(() => ({ data: { a: 1 } }));
    const routerUrl = await serve((query) =>
      query.includes("odd") ? { data: { a: 2 } } : { data: { a: 1 } },
    );
    const report = await runDifferential({
      label: "unit",
      routerUrl,
      stockUrl,
      cases: ["{ a }", "{ a odd: a }", "{ a b: a }"].map((query, i) => ({ id: String(i), query })),
      differences: [],
    });
    expect(report.run).toBe(3);
    expect(report.identical).toBe(2);
    expect(report.mismatches.map((m) => m.case.id)).toEqual(["1"]);
    expect(report.summary).toBe(
      "differential (unit): 3 operations, 2 identical, 0 known differences, 1 mismatches",
    );
  });
});
