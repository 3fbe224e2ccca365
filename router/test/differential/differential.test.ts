import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  buildSchema,
  isInterfaceType,
  isObjectType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLObjectType,
} from "graphql";
import { afterAll, beforeAll, expect, test } from "vitest";
import { apiSchemaSdl } from "@storefront/schema";
import {
  describeMismatch,
  generateOperations,
  runDifferential,
  startStockGateway,
  type StockGateway,
} from "@storefront/testkit/differential";
import { routerConfigFrom, startRouter, type RunningRouter } from "../../src";
import { KNOWN_DIFFERENCES } from "./known-differences";
import { FAULTY_FIELDS, startSyntheticGraph, type SyntheticGraph } from "./subgraphs";

let graph: SyntheticGraph;
let router: RunningRouter;
let stock: StockGateway;
/**
 * The subgraph deadline of both gateways: long enough that a healthy in-memory subgraph always
 * answers within it on a busy machine, so only the stalled subgraph (stalling far longer) misses it.
 */
const DEADLINE_MS = 3000;

beforeAll(async () => {
  graph = await startSyntheticGraph({ stallMs: DEADLINE_MS + 1500 });
  const config = routerConfigFrom({
    ROUTER_PORT: "0",
    ROUTER_METRICS_PORT: "0",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    SUBGRAPH_TIMEOUT_MS: String(DEADLINE_MS),
    MAX_DEPTH: "100",
    MAX_ALIASES: "1000",
    MAX_ROOT_FIELDS: "100",
    MAX_TOKENS: "100000",
    MAX_DIRECTIVES: "1000",
    MAX_COST: "100000000",
  });
  router = await startRouter({
    ...config,
    supergraphSdl: graph.supergraphSdl,
    subgraphUrls: graph.subgraphUrls,
  });
  stock = await startStockGateway({ supergraphSdl: graph.supergraphSdl, subgraphTimeoutMs: DEADLINE_MS });
});

afterAll(async () => {
  await stock?.stop();
  await router?.stop();
  await graph?.stop();
});

/**
 * Requests the generator never makes: invalid operations (an @inaccessible field, an unknown
 * field, a syntax error, a missing or mistyped variable), and valid ones at the edges.
 */
const HAND_WRITTEN = [
  { id: "inaccessible field", query: '{ product(upc: "1") { name secretCost } }' },
  { id: "inaccessible field of another subgraph", query: "{ users { id email } }" },
  { id: "unknown field", query: "{ products { upc colour } }" },
  { id: "syntax error", query: "{ products { upc " },
  { id: "missing variable", query: "query Q($upc: ID!) { product(upc: $upc) { name } }" },
  {
    id: "mistyped variable",
    query: "query Q($first: Int) { products(first: $first) { upc } }",
    variables: { first: "three" },
  },
  { id: "two operations, no name", query: "query A { brands { id } } query B { media { id } }" },
  { id: "non-null root violation", query: "{ brokenProduct { upc name } }" },
  { id: "entity list with a violating item", query: '{ product(upc: "3") { reviews { id rating } } }' },
  {
    id: "requires through provides",
    query: "{ reviews { product { name shippingEstimate inStock reviewScore variants { sku stock } } } }",
  },
  {
    id: "interface object fields",
    query: "{ media { id title reviewCount ... on Book { author { username } } } }",
  },
  { id: "compound key entities", query: "{ products { variants { productUpc sku color stock } } }" },
];

test("the router answers hand-written edge cases as a stock @apollo/gateway does", async () => {
  const report = await runDifferential({
    label: "synthetic, hand-written",
    routerUrl: router.url,
    stockUrl: stock.url,
    cases: HAND_WRITTEN,
    differences: KNOWN_DIFFERENCES,
  });
  console.log(report.summary);
  expect(report.mismatches.map(describeMismatch).join("\n\n")).toBe("");
});

test("the router answers 1,000 generated operations as a stock @apollo/gateway does", async () => {
  const schema = buildSchema(apiSchemaSdl(graph.supergraphSdl));
  const operations = generateOperations(
    {
      schema,
      seed: 20261205,
      // Each operation that reaches the failing subgraphs costs a failure (the stalled one, a deadline).
      fieldWeight: (type, field) => FAULTY_FIELDS.get(`${type}.${field}`) ?? 1,
      maxDepth: 3,
      maxFields: 3,
    },
    1000,
  );
  // The corpus reaches every field of the graph and uses every feature the generator has.
  const selected = new Set<string>();
  for (const operation of operations) {
    const typeInfo = new TypeInfo(schema);
    visit(
      parse(operation.query),
      visitWithTypeInfo(typeInfo, {
        Field: () => void selected.add(`${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}`),
      }),
    );
  }
  const fields = Object.values(schema.getTypeMap())
    .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith("__"))
    .flatMap((type) =>
      Object.keys((type as GraphQLObjectType).getFields()).map((field) => `${type.name}.${field}`),
    );
  expect(fields.filter((field) => !selected.has(field))).toEqual([]);
  for (const feature of [
    /\.\.\.F\w+/,
    /\.\.\. on (Node|Media|SearchResult)/,
    /\.\.\. \{/,
    /@skip\(if: \$/,
    /@include\(if: (true|false)/,
    /\w+_a\d+: /,
    /\$v\d+/,
  ])
    expect(
      operations.some((operation) => feature.test(operation.query)),
      String(feature),
    ).toBe(true);
  for (const operation of operations)
    expect(validate(schema, parse(operation.query)), operation.query).toEqual([]);
  // Plans and connections of both gateways warm, so a cold start never meets the deadline.
  await runDifferential({
    label: "warm-up",
    routerUrl: router.url,
    stockUrl: stock.url,
    cases: operations.slice(0, 10).map((o) => ({ id: o.name, query: o.query, variables: o.variables })),
    differences: KNOWN_DIFFERENCES,
    concurrency: 1,
  });
  const report = await runDifferential({
    label: "synthetic",
    routerUrl: router.url,
    stockUrl: stock.url,
    cases: operations.map((o) => ({
      id: o.name,
      query: o.query,
      variables: o.variables,
      operationName: o.name,
    })),
    differences: KNOWN_DIFFERENCES,
    concurrency: 12,
  });
  console.log(report.summary);
  if (report.mismatches.length)
    writeFileSync(
      path.join(import.meta.dirname, "../../test-results/differential-synthetic-mismatches.json"),
      JSON.stringify(report.mismatches, null, 2),
    );
  expect(report.mismatches.slice(0, 5).map(describeMismatch).join("\n\n")).toBe("");
}, 120_000);
