import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { apiSchemaFromSupergraph } from "../src/persisted/manifest";
import {
  checkOperation,
  measureOperation,
  parseOperation,
  type OperationLimits,
} from "../src/protection/limits";
import { costDirectivesFromSdl } from "../src/protection/cost-directives";
import { stripSuggestions } from "../src/protection/plugin";

const supergraph = readFileSync(path.join(import.meta.dirname, "../../schema/supergraph.graphql"), "utf8");
const schema = apiSchemaFromSupergraph(supergraph);
// The @cost/@listSize the subgraphs declare, as the router reads them from the supergraph.
const directives = costDirectivesFromSdl(supergraph);
const measure = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  measureOperation(parse(query), { schema, variables, operationName, listSize: 10, directives })!;

const limits: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 10_000,
  listSize: 10,
};

describe("the cost model over the supergraph's @cost and @listSize", () => {
  it("counts objects once per item of the lists around them; scalars are free", () => {
    // products 1 + nodes 5 × (Product 1 + name 0 + price (Money 1))
    expect(measure(`{ products(first: 5) { nodes { name price { amount currency } } } }`).cost).toBe(11);
    // @listSize(sizedFields: edges, nodes): the page size counts on edges; pageInfo is one object.
    expect(measure(`{ products(first: 5) { edges { node { id } } pageInfo { hasNextPage } } }`).cost).toBe(
      1 + 5 * (1 + 1) + 1,
    );
  });

  it("multiplies nested pages and unpaginated lists", () => {
    // reviews(first: 2) inside 5 products; variants (a list without @listSize) count as listSize (10).
    const cost = measure(
      `{ products(first: 5) { nodes { reviews(first: 2) { nodes { rating } } variants { sku } } } }`,
    ).cost;
    expect(cost).toBe(1 + 5 * (1 + (1 + 2 * 1) + 10 * 1));
    // A top-level list: categories × children × their products' default page (20).
    expect(measure(`{ categories { children { products { nodes { id } } } } }`).cost).toBe(
      10 * (1 + 10 * (1 + (1 + 20 * 1))),
    );
  });

  it("takes page sizes from variables, then their defaults, then the schema's default", () => {
    const query = `query($n: Int = 3) { products(first: $n) { nodes { id } } }`;
    expect(measure(query, { n: 50 }).cost).toBe(1 + 50);
    expect(measure(query).cost).toBe(1 + 3);
    expect(measure(`{ products { nodes { id } } }`).cost).toBe(1 + 20);
  });

  it("charges full-text search and checkout what their subgraphs declare", () => {
    // ProductFilter.query @cost(weight: 20), only when a search is asked for.
    expect(measure(`{ products(first: 5, filter: { query: "wool" }) { nodes { id } } }`).cost).toBe(
      1 + 5 + 20,
    );
    expect(
      measure(`query($f: ProductFilter) { products(first: 5, filter: $f) { nodes { id } } }`, {
        f: { query: "wool" },
      }).cost,
    ).toBe(1 + 5 + 20);
    expect(measure(`{ products(first: 5, filter: { inStock: true }) { nodes { id } } }`).cost).toBe(1 + 5);
    // A mutation starts at 10; checkout @cost(weight: 50).
    expect(measure(`mutation($i: CheckoutInput!) { checkout(input: $i) { __typename } }`).cost).toBe(10 + 50);
  });

  it("takes the schema default for a slicing variable left out, as execution does", () => {
    const query = `query($first: Int) { myOrders(first: $first) { nodes { id } } }`;
    expect(measure(query)).toMatchObject({ cost: 1 + 20, slicingProblems: [] });
    expect(measure(query, { first: null }).slicingProblems).toHaveLength(1);
  });

  it("admits every persisted operation the apps and partners ship, with their variables left out", () => {
    const dir = path.join(import.meta.dirname, "../../schema/persisted");
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
      const manifest = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
        operations: { name: string; body: string }[];
      };
      for (const operation of manifest.operations) {
        const errors = checkOperation(parse(operation.body), {
          schema,
          limits,
          directives,
          operationName: operation.name,
        });
        expect({ operation: `${file} ${operation.name}`, errors }).toEqual({
          operation: `${file} ${operation.name}`,
          errors: [],
        });
      }
    }
  });

  it("refuses a connection asked for with first: null (requireOneSlicingArgument)", () => {
    const errors = checkOperation(parse(`{ myOrders(first: null) { nodes { id } } }`), {
      schema,
      limits,
      directives,
    });
    expect(errors.map((e) => [e.extensions.code, e.message])).toEqual([
      [
        "GRAPHQL_VALIDATION_FAILED",
        "`Query.myOrders` needs exactly one of its slicing arguments (`first`); none was given.",
      ],
    ]);
  });

  it("measures only the operation asked for, expands fragments and ignores __typename and introspection", () => {
    const document = `
      query Small { categories { id } }
      query Big { products(first: 50) { nodes { ...Card } } }
      fragment Card on Product { __typename id category { ... on Category { name } } }
    `;
    expect(measure(document, undefined, "Small")).toEqual({
      depth: 2,
      aliases: 0,
      rootFields: 1,
      directives: 0,
      cost: 10 * 1,
      slicingProblems: [],
    });
    expect(measure(document, undefined, "Big")).toMatchObject({ depth: 4, cost: 1 + 50 * (1 + 1) });
    expect(measure(`{ __schema { types { fields { type { ofType { name } } } } } }`)).toEqual({
      depth: 0,
      aliases: 0,
      rootFields: 0,
      directives: 0,
      cost: 0,
      slicingProblems: [],
    });
  });

  it("counts aliases and directives wherever fragments are spread, without walking them again", () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) =>
        `fragment F${i} on Category { a${i}: parent @include(if: true) { id } ...F${i + 1} ...F${i + 1} }`,
    ).join("\n");
    const started = Date.now();
    const result = measure(`{ categories { ...F0 } } ${fragments} fragment F30 on Category { slug }`);
    // 2^30 expansions are counted, not walked.
    expect(Date.now() - started).toBeLessThan(500);
    expect(result.aliases).toBe(2 ** 30 - 1);
    expect(result.directives).toBe(2 ** 30 - 1);
    expect(
      checkOperation(parse(`{ categories { ...F0 } } ${fragments} fragment F30 on Category { slug }`), {
        schema,
        limits,
        directives,
      }).map((e) => e.extensions.code),
    ).toEqual(["ALIAS_LIMIT_EXCEEDED", "DIRECTIVE_LIMIT_EXCEEDED", "COST_LIMIT_EXCEEDED"]);
  });

  it("reports every broken limit with its code, limit and actual value", () => {
    const errors = checkOperation(parse(`{ a: categories { id } b: categories { id } }`), {
      schema,
      limits: { ...limits, maxAliases: 1, maxRootFields: 1 },
    });
    expect(errors.map((e) => e.extensions)).toEqual([
      { code: "ALIAS_LIMIT_EXCEEDED", limit: 1, actual: 2 },
      { code: "ROOT_FIELD_LIMIT_EXCEEDED", limit: 1, actual: 2 },
    ]);
    expect(checkOperation(parse(`{ categories { id } }`), { schema, limits })).toEqual([]);
  });
});

describe("parsing with a token limit", () => {
  it("stops at maxTokens with TOKEN_LIMIT_EXCEEDED (graphql-js's wording is what the router recognises)", () => {
    const result = parseOperation(`{ ${"a ".repeat(100)} }`, { maxTokens: 50 });
    expect("errors" in result && result.errors[0]!.extensions).toEqual({
      code: "TOKEN_LIMIT_EXCEEDED",
      limit: 50,
    });
    const broken = parseOperation(`{ a `, { maxTokens: 50 });
    expect("errors" in broken && broken.errors[0]!.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect("document" in parseOperation(`{ a }`, { maxTokens: 50 })).toBe(true);
  });
});

describe("suggestions", () => {
  it("are stripped from messages", () => {
    expect(
      stripSuggestions('Cannot query field "prodcts" on type "Query". Did you mean "products" or "product"?'),
    ).toBe('Cannot query field "prodcts" on type "Query".');
    expect(
      stripSuggestions(
        'Variable "$s" got invalid value "NEWES"; Value "NEWES" does not exist in "ProductSort" enum. Did you mean the enum value "NEWEST"?',
      ),
    ).toBe('Variable "$s" got invalid value "NEWES"; Value "NEWES" does not exist in "ProductSort" enum.');
    expect(stripSuggestions("Unknown argument.")).toBe("Unknown argument.");
  });
});
