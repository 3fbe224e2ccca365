import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, expect, test } from "vitest";
import { apiSchemaSdl } from "@storefront/schema";
import { startTestRouter } from "@storefront/router/testing";
import {
  derivedSeed,
  describeMismatch,
  generateOperations,
  Random,
  runDifferential,
  startStockGateway,
  type DifferentialCase,
  type StockGateway,
} from "@storefront/testkit/differential";
import { KNOWN_DIFFERENCES } from "../../router/test/differential/known-differences";
import { clientOperations, seededArgumentValue, variablesFor } from "../src/differential/corpus";
import { startFuzzPlatform, type FuzzPlatform } from "../src/fuzz";

/**
 * The router against a stock @apollo/gateway over the six real subgraphs with seeded rows: every
 * operation the shop's clients send, and generated queries, each as an anonymous caller, a
 * signed-in customer and an admin. Mutations are left out: run through both gateways they would
 * meet different states (the second checkout finds the first's order), so their answers could not
 * be compared fairly; the synthetic differential and the end-to-end tests cover their paths.
 */

const SEED = 20_261_205;
const GENERATED = 120;
const SUBGRAPH_TIMEOUT_MS = 10_000;

let fuzz: FuzzPlatform;
let router: Awaited<ReturnType<typeof startTestRouter>>;
let stock: StockGateway;

beforeAll(async () => {
  fuzz = await startFuzzPlatform();
  const { platform } = fuzz;
  // A router of its own over the same subgraphs, with the limits a stock gateway lacks lifted.
  router = await startTestRouter(
    [
      { name: "users", url: platform.users.url },
      { name: "catalogue", url: platform.catalogue.url },
      { name: "cart", url: platform.cart.url },
      { name: "payments", url: platform.payments.url },
      { name: "shipping", url: platform.shipping.url },
      { name: "orders", url: platform.orders[0]!.url },
    ],
    {
      env: {
        RATE_LIMIT_PER_MINUTE: "0",
        SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
        MAX_DEPTH: "100",
        MAX_ALIASES: "1000",
        MAX_ROOT_FIELDS: "100",
        MAX_TOKENS: "100000",
        MAX_DIRECTIVES: "1000",
        MAX_COST: "100000000",
      },
    },
  );
  stock = await startStockGateway({
    supergraphSdl: router.supergraphSdl,
    subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS,
  });
}, 180_000);

afterAll(async () => {
  await stock?.stop();
  await router?.stop();
  await fuzz?.stop();
});

test("the router answers the clients' operations and generated queries as a stock @apollo/gateway does", async () => {
  // The API schema as the router serves it, @defer included (answered at once here: no multipart).
  const schema = buildSchema(apiSchemaSdl(router.supergraphSdl));
  const valueOf = seededArgumentValue(fuzz.ids);

  const clients = clientOperations();
  const queries = clients.filter((operation) => operation.kind === "query");
  const skipped = clients.length - queries.length;
  const generated = generateOperations(
    { schema, seed: SEED, argumentValue: valueOf, maxDepth: 3, maxFields: 3 },
    GENERATED,
  );
  for (const operation of [...queries.map((q) => q.query), ...generated.map((g) => g.query)])
    expect(validate(schema, parse(operation)), operation).toEqual([]);

  const identities = Object.entries(fuzz.tokens).map(([name, token]) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return { name, headers };
  });
  const cases: DifferentialCase[] = [];
  queries.forEach((operation, index) => {
    const variables = variablesFor(schema, operation.query, new Random(derivedSeed(SEED, index)), valueOf);
    for (const identity of identities)
      cases.push({
        id: `${operation.source} as ${identity.name}`,
        query: operation.query,
        variables,
        operationName: operation.name,
        headers: identity.headers,
      });
  });
  for (const operation of generated)
    for (const identity of identities)
      cases.push({
        id: `${operation.name} as ${identity.name}`,
        query: operation.query,
        variables: operation.variables,
        operationName: operation.name,
        headers: identity.headers,
      });

  const report = await runDifferential({
    label: "platform",
    routerUrl: router.url,
    stockUrl: stock.url,
    cases,
    differences: KNOWN_DIFFERENCES,
    concurrency: 8,
  });
  console.log(
    `${report.summary}; ${queries.length} client queries and ${generated.length} generated queries ` +
      `as ${identities.length} identities, ${skipped} client mutations and subscriptions not run`,
  );
  if (report.mismatches.length)
    writeFileSync(
      path.join(import.meta.dirname, "../test-results/differential-platform-mismatches.json"),
      JSON.stringify(report.mismatches, null, 2),
    );
  expect(report.mismatches.slice(0, 5).map(describeMismatch).join("\n\n")).toBe("");
  // The instrument itself: the corpus reached the shop's data, not only errors.
  expect(report.run).toBe(cases.length);
  expect(await fuzz.identitiesStillSignedIn()).toBe(true);
}, 240_000);
