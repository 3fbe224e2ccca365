import { createRequire } from "node:module";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type graphql as graphqlFn } from "graphql";
import { describe, expect, it } from "vitest";
import { failure, installTypeResolution, typed, typenameOf } from "./result";

/** @apollo/subgraph builds with the CommonJS graphql-js; the schema is executed with that copy. */
const { graphql } = createRequire(import.meta.url)("graphql") as { graphql: typeof graphqlFn };

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Thing @key(fields: "id") { id: ID! }
  type Done { value: Int! }
  type Refused { code: String!, message: String!, limit: Int }
  union Outcome = Done | Refused
  type Query { outcome(ok: Boolean!): Outcome!, untagged: Outcome }
`);

const schema = installTypeResolution(
  buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        outcome: (_: unknown, args: { ok: boolean }) =>
          args.ok ? typed("Done", { value: 7 }) : failure("Refused", "TOO_MANY", "Too many.", { limit: 3 }),
        untagged: () => ({ value: 1 }),
      },
      Thing: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  }),
);

const run = (source: string) => graphql({ schema, source });

describe("typed results", () => {
  it("tags a copy of the value with its schema type", () => {
    const row = { value: 1 };
    const tagged = typed("Done", row);
    expect(tagged).toEqual({ value: 1, __typename: "Done" });
    expect(row).toEqual({ value: 1 });
    expect(typenameOf(tagged)).toBe("Done");
    expect(typenameOf({ value: 1 })).toBeUndefined();
    expect(typenameOf(null)).toBeUndefined();
  });

  it("makes expected failures with their code, message and extras", () => {
    expect(failure("Refused", "TOO_MANY", "Too many.", { limit: 3 })).toEqual({
      __typename: "Refused",
      code: "TOO_MANY",
      message: "Too many.",
      limit: 3,
    });
    expect(failure("Refused", "GONE", "Gone.")).toEqual({
      __typename: "Refused",
      code: "GONE",
      message: "Gone.",
    });
  });

  it("resolves every union member from its tag, with no __resolveType written", async () => {
    const query = `query ($ok: Boolean!) { outcome(ok: $ok) { __typename ... on Done { value } ... on Refused { code message limit } } }`;
    expect(await graphql({ schema, source: query, variableValues: { ok: true } })).toEqual({
      data: { outcome: { __typename: "Done", value: 7 } },
    });
    expect(await graphql({ schema, source: query, variableValues: { ok: false } })).toEqual({
      data: { outcome: { __typename: "Refused", code: "TOO_MANY", message: "Too many.", limit: 3 } },
    });
  });

  it("refuses an untagged value with the abstract type's name", async () => {
    const result = await run(`{ untagged { __typename } }`);
    expect(result.data).toEqual({ untagged: null });
    expect(result.errors?.[0]?.message).toBe(
      "A Outcome value has no __typename: make it with typed() from @storefront/platform.",
    );
  });

  it("leaves federation's own _Entity resolution in place", async () => {
    const result = await run(
      `{ _entities(representations: [{ __typename: "Thing", id: "t1" }]) { ... on Thing { id } } }`,
    );
    expect(result).toEqual({ data: { _entities: [{ id: "t1" }] } });
  });
});
