import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { costDirectivesFromSdl } from "../src/protection/cost-directives";
import { checkOperation, measureOperation, type OperationLimits } from "../src/protection/limits";

const SDL = /* GraphQL */ `
  directive @cost(
    weight: Int!
  ) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(
    assumedSize: Int
    slicingArguments: [String!]
    sizedFields: [String!]
    requireOneSlicingArgument: Boolean = true
  ) on FIELD_DEFINITION

  type Query {
    items(first: Int, last: Int): ItemConnection!
      @listSize(slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"])
    either(first: Int, last: Int): ItemConnection!
      @listSize(slicingArguments: ["first", "last"], sizedFields: ["nodes"], requireOneSlicingArgument: false)
    top: [Item!]! @listSize(assumedSize: 3)
    plain: [Item!]!
    search(text: String @cost(weight: 7), filter: Filter): [Item!]! @cost(weight: 5)
    price: Money
    count: Int!
  }
  type Mutation {
    buy(id: ID!): Item! @cost(weight: 20)
  }
  type ItemConnection {
    edges: [Edge!]!
    nodes: [Item!]!
    total: Int!
  }
  type Edge {
    node: Item!
    cursor: String!
  }
  type Item {
    id: ID!
    name: String!
    kind: Kind!
    tags: [String!]!
    children(first: Int = 4): [Item!]! @listSize(slicingArguments: ["first"])
  }
  type Money @cost(weight: 3) {
    amount: Int!
  }
  enum Kind {
    A
    B
  }
  input Filter {
    text: String @cost(weight: 4)
    inner: Filter
  }
`;
const schema = buildSchema(SDL);
const directives = costDirectivesFromSdl(SDL);
const LIST_SIZE = 10;
const measure = (query: string, variables?: Record<string, unknown>) =>
  measureOperation(parse(query), { schema, variables, listSize: LIST_SIZE, directives })!;
const cost = (query: string, variables?: Record<string, unknown>) => measure(query, variables).cost;

describe("the cost calculator (IBM cost spec, static estimate)", () => {
  it("weighs objects 1 and scalars and enums 0, unless @cost on the field or its type says otherwise", () => {
    expect(cost(`{ count }`)).toBe(0);
    // Money @cost(weight: 3) on the type; its scalar amount 0.
    expect(cost(`{ price { amount } }`)).toBe(3);
    // assumedSize 3 × (Item 1 + id 0 + kind 0 + tags 0).
    expect(cost(`{ top { id kind tags } }`)).toBe(3);
    // search has no @listSize: COST_LIST_SIZE items, each weighing the field's @cost 5 instead of 1.
    expect(cost(`{ search { id } }`)).toBe(LIST_SIZE * 5);
  });

  it("adds the @cost of the arguments and input fields given, from literals or variables", () => {
    expect(cost(`{ search(text: "wool") { id } }`)).toBe(LIST_SIZE * 5 + 7);
    expect(cost(`{ search(filter: { text: "a", inner: { text: "b" } }) { id } }`)).toBe(LIST_SIZE * 5 + 8);
    const byVariable = `query($f: Filter, $t: String) { search(filter: $f, text: $t) { id } }`;
    expect(cost(byVariable, { f: { inner: { text: "b" } } })).toBe(LIST_SIZE * 5 + 4);
    // A null or missing value costs nothing.
    expect(cost(byVariable, { f: null })).toBe(LIST_SIZE * 5);
  });

  it("walks a client's argument value only as deep as the schema allows, without overflowing", () => {
    const byVariable = `query($f: Filter) { search(filter: $f) { id } }`;
    // Lists nested thousands deep where Filter is no list at all: coercion refuses it later.
    let lists: unknown = { text: "a" };
    for (let i = 0; i < 20_000; i++) lists = [lists];
    expect(cost(byVariable, { f: lists })).toBe(LIST_SIZE * 5);
    // A recursive input nested thousands deep: weighed to a bounded depth.
    let nested: Record<string, unknown> = { text: "a" };
    for (let i = 0; i < 20_000; i++) nested = { inner: nested };
    expect(cost(byVariable, { f: nested })).toBe(LIST_SIZE * 5);
  });

  it("sizes a list by its slicing argument: a literal, a variable, the variable's default", () => {
    // items 1 + nodes 5 × Item 1
    expect(cost(`{ items(first: 5) { nodes { id name } } }`)).toBe(1 + 5);
    const query = `query($n: Int = 2) { items(first: $n) { edges { node { id } } } }`;
    // items 1 + edges 7 × (Edge 1 + node 1)
    expect(cost(query, { n: 7 })).toBe(1 + 7 * 2);
    expect(cost(query)).toBe(1 + 2 * 2);
    // The argument's schema default counts as given.
    expect(cost(`{ top { children { id } } }`)).toBe(3 * (1 + 4));
  });

  it("gives the size to sizedFields only: other lists under the connection keep the default", () => {
    // edges and nodes are sized (6 each); total is a scalar; the connection itself is one object.
    expect(cost(`{ items(first: 6) { edges { cursor } nodes { id } total } }`)).toBe(1 + 6 + 6);
    // either sizes nodes only: its edges count COST_LIST_SIZE.
    expect(cost(`{ either(first: 6) { edges { cursor } nodes { id } } }`)).toBe(1 + LIST_SIZE + 6);
  });

  it("uses assumedSize without slicing arguments, else COST_LIST_SIZE", () => {
    expect(cost(`{ top { id } }`)).toBe(3);
    expect(cost(`{ plain { id } }`)).toBe(LIST_SIZE);
  });

  it("multiplies nested lists", () => {
    // items 1 + nodes 2 × (1 + children 3 × (1 + children (schema default 4) × 1))
    expect(cost(`{ items(first: 2) { nodes { children(first: 3) { children { id } } } } }`)).toBe(
      1 + 2 * (1 + 3 * (1 + 4 * 1)),
    );
    // plain (10) × top-level children (4) × their children (2)
    expect(cost(`{ plain { children { children(first: 2) { id } } } }`)).toBe(
      LIST_SIZE * (1 + 4 * (1 + 2 * 1)),
    );
  });

  it("starts a mutation at 10, as Apollo Router does", () => {
    expect(cost(`mutation { buy(id: "1") { id } }`)).toBe(10 + 20);
  });

  it("enforces requireOneSlicingArgument: none or two given is a validation refusal", () => {
    const limits: OperationLimits = {
      maxDepth: 12,
      maxAliases: 30,
      maxRootFields: 20,
      maxTokens: 2000,
      maxDirectives: 20,
      maxCost: 10_000,
      listSize: LIST_SIZE,
    };
    const check = (query: string, variables?: Record<string, unknown>) =>
      checkOperation(parse(query), { schema, limits, variables, directives }).map((e) => ({
        code: e.extensions.code,
        message: e.message,
      }));
    expect(check(`{ items { nodes { id } } }`)).toEqual([
      {
        code: "GRAPHQL_VALIDATION_FAILED",
        message:
          "`Query.items` needs exactly one of its slicing arguments (`first`, `last`); none was given.",
      },
    ]);
    expect(check(`{ items(first: 1, last: 2) { nodes { id } } }`)[0]?.message).toMatch(/more than one/);
    // A variable left out counts as not given.
    expect(check(`query($n: Int) { items(first: $n) { nodes { id } } }`)).toHaveLength(1);
    expect(check(`query($n: Int) { items(first: $n) { nodes { id } } }`, { n: 3 })).toEqual([]);
    // requireOneSlicingArgument: false takes the larger of the two.
    expect(check(`{ either(first: 1, last: 4) { nodes { id } } }`)).toEqual([]);
    expect(cost(`{ either(first: 1, last: 4) { nodes { id } } }`)).toBe(1 + 4);
  });

  it("reads the directives under the names a supergraph's @link gives them", () => {
    const linked = costDirectivesFromSdl(`
      schema @link(url: "https://specs.apollo.dev/cost/v0.1", as: "price", import: [{ name: "@listSize", as: "@size" }]) { query: Query }
      type Query {
        a: [Int] @price(weight: 4) @size(assumedSize: 2)
        b: [Int] @cost(weight: 9) @listSize(assumedSize: 9)
      }
    `);
    expect(linked.weights).toEqual(new Map([["Query.a", 4]]));
    expect(linked.listSizes.get("Query.a")).toMatchObject({ assumedSize: 2 });
    expect(linked.listSizes.has("Query.b")).toBe(false);
  });
});
