import { createHash } from "node:crypto";
import { buildSchema, type GraphQLSchema } from "graphql";
import { apiSchemaSdl } from "@storefront/schema";
import { OperationBuilder, OPERATION_FAULTS, type BuiltOperation, type OperationFault } from "./operations";
import { caseSeed, Random } from "./random";
import type { SeededIds } from "./values";

export const IDENTITIES = ["anonymous", "customer", "admin"] as const;
export type Identity = (typeof IDENTITIES)[number];

export interface FuzzRequest {
  method: "POST" | "GET" | "PUT" | "PATCH" | "DELETE" | "OPTIONS" | "HEAD";
  /** GET: the query string, with its `?`. */
  search?: string;
  /** POST and the other methods with a body: the body exactly as sent (it need not be JSON). */
  body?: string;
  /** Headers besides the identity's token; an `authorization` here replaces the identity's. */
  headers: Record<string, string>;
}

export interface FuzzCase {
  /** Position in the run: case N of seed S is always the same case. */
  index: number;
  /** `valid query`, `valid mutation`, or `broken: <what is wrong>`. */
  kind: string;
  /** Well-formed GraphQL with values of the right types (ids and strings may still name nothing). */
  valid: boolean;
  identity: Identity;
  /** The operation text, variables and operation name as sent, for reproducing a case. */
  operation: string | undefined;
  variables: unknown;
  operationName: unknown;
  request: FuzzRequest;
}

export interface FuzzGenerator {
  readonly seed: number;
  caseAt(index: number): FuzzCase;
}

/** The public API schema the router serves, built from a supergraph the way the schema package builds it. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildSchema(apiSchemaSdl(supergraphSdl));
}

const JSON_HEADERS = { "content-type": "application/json" };
/** Apollo's CSRF prevention lets a GET through only with a header a browser would preflight. */
const PREFLIGHT = { "apollo-require-preflight": "true" };

const post = (body: unknown, headers: Record<string, string> = {}): FuzzRequest => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { ...JSON_HEADERS, ...headers },
});
const postRaw = (body: string, contentType = "application/json"): FuzzRequest => ({
  method: "POST",
  body,
  headers: { "content-type": contentType },
});
const get = (params: Record<string, string>, headers: Record<string, string> = PREFLIGHT): FuzzRequest => ({
  method: "GET",
  search: `?${new URLSearchParams(params).toString()}`,
  headers,
});

type Planned = Omit<FuzzCase, "index" | "identity" | "valid" | "kind"> & { kind?: string };

const SUBSCRIPTIONS = [
  "subscription { myOrderUpdates { orderId status sequence } }",
  "subscription Track($id: ID!) { orderStatusChanged(orderId: $id) { orderId status order { id lines { sku } } } }",
];

/** Generates fuzz cases from the API schema, deterministically from a seed. */
export function createGenerator(options: {
  schema: GraphQLSchema;
  ids: SeededIds;
  seed: number;
}): FuzzGenerator {
  const { schema, ids, seed } = options;

  const operation = (rng: Random, kind: "query" | "mutation", fault?: OperationFault): BuiltOperation => {
    // Not every operation has a place for every fault (no Int argument, say): a few tries, then any fault.
    for (let attempt = 0; attempt < 8; attempt++) {
      const built = new OperationBuilder(rng, schema, ids, fault).build(kind);
      if (!fault || built.fault) return built;
    }
    return new OperationBuilder(rng, schema, ids, "unknown field").build(kind);
  };

  const queryOf = (rng: Random) => operation(rng, "query");
  const anyId = (rng: Random, pool: keyof SeededIds) => (ids[pool].length ? rng.pick(ids[pool]) : rng.uuid());
  const withOperation = (
    op: BuiltOperation,
    request: FuzzRequest,
    extra: Partial<Planned> = {},
  ): Planned => ({
    operation: op.text,
    variables: op.variables,
    operationName: op.operationName,
    request,
    ...extra,
  });

  /** Request-level faults: the envelope around the operation is what is wrong. */
  const requestFaults: [string, number, (rng: Random) => Planned][] = [
    [
      "malformed JSON body",
      3,
      (rng) => {
        const op = queryOf(rng);
        const body = JSON.stringify({ query: op.text, variables: op.variables });
        const raw = rng.pick([
          body.slice(0, rng.int(1, body.length - 1)),
          '{"query": }',
          '{query: "{ categories { id } }"}',
          '{"query":"{ categories { id } }",}',
          "{'query': '{ categories { id } }'}",
          '{"query":"{ categories { id } }"',
          '{"query":"{ categories\u0000 { id } }"}',
          '{"query":"\\x41"}',
          "\u0000",
          "",
          "nul",
          "{}}",
          '\uFEFF{"query":"{ categories { id } }"}',
        ]);
        return { operation: op.text, variables: undefined, operationName: undefined, request: postRaw(raw) };
      },
    ],
    [
      "body not an operation",
      2,
      (rng) => {
        const raw = rng.pick([
          "[]",
          '"{ categories { id } }"',
          "42",
          "null",
          "true",
          "{}",
          '{"query": null}',
          '{"query": 42}',
          '{"query": ["{ categories { id } }"]}',
          '{"query": {"a": 1}}',
          '{"query": ""}',
          '{"query": "   "}',
          '{"query": "{ categories { id } }", "variables": null, "operationName": null, "extensions": null}',
          '{"__proto__": {"query": "{ categories { id } }"}}',
        ]);
        return {
          operation: undefined,
          variables: undefined,
          operationName: undefined,
          request: postRaw(raw),
        };
      },
    ],
    [
      "variables not an object",
      1,
      (rng) => {
        const op = queryOf(rng);
        const variables = rng.pick(["x", [1], 1, '{"a":1}', true]);
        return withOperation(op, post({ query: op.text, variables }), { variables });
      },
    ],
    [
      "extensions not an object",
      1,
      (rng) => {
        const op = queryOf(rng);
        const extensions = rng.pick(["x", [1], 1, { persistedQuery: "x" }, { persistedQuery: [] }]);
        return withOperation(op, post({ query: op.text, variables: op.variables, extensions }));
      },
    ],
    [
      "bad extensions.persistedQuery",
      3,
      (rng) => {
        const op = queryOf(rng);
        const sha = createHash("sha256").update(op.text).digest("hex");
        const variant = rng.int(0, 8);
        const persistedQuery = [
          { version: 1, sha256Hash: rng.hex(64) },
          { version: 1, sha256Hash: "abc" },
          { version: 2, sha256Hash: sha },
          { version: "1", sha256Hash: sha },
          { version: 1, sha256Hash: 42 },
          { version: 1 },
          null,
          "sha",
          { version: 1, sha256Hash: sha.toUpperCase() },
        ][variant];
        // Without the text the router must find the hash; with it, the hash must match the text.
        const withQuery = variant !== 0 && rng.chance(0.6);
        const body = {
          ...(withQuery ? { query: op.text } : {}),
          variables: op.variables,
          extensions: { persistedQuery },
        };
        return withOperation(
          op,
          rng.chance(0.2)
            ? get({ extensions: JSON.stringify(body.extensions), ...(withQuery ? { query: op.text } : {}) })
            : post(body),
        );
      },
    ],
    [
      "unknown manifest documentId",
      1,
      (rng) => ({
        operation: undefined,
        variables: undefined,
        operationName: undefined,
        request: post({ documentId: rng.pick([`sha256:${rng.hex(64)}`, "", "x", 42]) }),
      }),
    ],
    [
      "bad operationName",
      2,
      (rng) => {
        const op = queryOf(rng);
        const operationName = rng.pick(["NoSuchOperation", 42, "", { a: 1 }, "Fuzz", "\u0000"]);
        const text = op.text.startsWith("{") ? `query Named ${op.text}` : op.text;
        return withOperation(op, post({ query: text, variables: op.variables, operationName }), {
          operation: text,
          operationName,
        });
      },
    ],
    [
      "several operations without operationName",
      2,
      (rng) => {
        const text = rng.pick([
          "query A { categories { id } } query B { me { id } }",
          "query A { categories { id } } mutation B { clearCart { id } }",
          "{ categories { id } } { me { id } }",
          "{ categories { id } } query B { me { id } }",
          "query A { categories { id } } subscription S { myOrderUpdates { orderId } }",
        ]);
        const operationName = rng.chance(0.8) ? undefined : null;
        return {
          operation: text,
          variables: undefined,
          operationName,
          request: post({ query: text, ...(operationName === null ? { operationName } : {}) }),
        };
      },
    ],
    [
      "subscription over HTTP",
      2,
      (rng) => {
        const text = rng.pick(SUBSCRIPTIONS);
        const variables = text.includes("$id") ? { id: anyId(rng, "orders") } : {};
        const request = rng.chance(0.25)
          ? get({ query: text, variables: JSON.stringify(variables) })
          : post({ query: text, variables });
        return { operation: text, variables, operationName: undefined, request };
      },
    ],
    [
      "mutation over GET",
      1,
      (rng) => {
        const op = operation(rng, "mutation");
        return withOperation(op, get({ query: op.text, variables: JSON.stringify(op.variables) }));
      },
    ],
    [
      "GET without a preflight header or with bad parameters",
      1,
      (rng) => {
        const op = queryOf(rng);
        const params = rng.pick<Record<string, string>>([
          { query: op.text, variables: JSON.stringify(op.variables) },
          { query: op.text, variables: "{not json" },
          { query: op.text, extensions: "{not json" },
          { variables: "{}" },
          { query: "" },
        ]);
        return withOperation(op, get(params, rng.chance(0.4) ? {} : PREFLIGHT));
      },
    ],
    [
      "batch",
      2,
      (rng) => {
        const ops = Array.from({ length: rng.int(1, 3) }, () => queryOf(rng));
        const good = ops.map((op) => ({ query: op.text, variables: op.variables }));
        const batch = rng.pick<unknown[]>([
          good,
          [...good, "garbage", 42, null, {}],
          [],
          Array.from({ length: 11 }, () => good[0]),
          [good],
        ]);
        return {
          operation: ops.map((op) => op.text).join("\n---\n"),
          variables: ops.map((op) => op.variables),
          operationName: undefined,
          request: post(batch),
        };
      },
    ],
    [
      "syntax error or limit",
      2,
      (rng) => {
        const op = queryOf(rng);
        const chain = `product(id: "${anyId(rng, "products")}") { ${"category { parent { ".repeat(8)}id${" } }".repeat(8)} }`;
        const text = rng.pick([
          op.text.slice(0, rng.int(1, Math.max(1, op.text.length - 1))),
          `${op.text} }`,
          '{ product(slug: "abc) { id } }',
          '{ product(slug: "\\uD800") { id } }',
          "{ categories\u0000 { id } }",
          "{ prödukt { id } }",
          `{ ${chain} }`,
          `{ categories { ${"id ".repeat(2_100)}} }`,
          `{ ${Array.from({ length: 35 }, (_, i) => `c${i}: categories { id }`).join(" ")} }`,
          `{ categories { id ${"@skip(if: false) ".repeat(25)}} }`,
          `{ products(first: 100) { nodes { variants { product { variants { product { reviews(first: 100) { nodes { id } } } } } } } } }`,
          'query ($a: Int = "x") { categories { id } }',
          "fragment F on Product { id } { categories { id } }",
          "query { ...F } fragment F on Query { ...F }",
        ]);
        return {
          operation: text,
          variables: undefined,
          operationName: undefined,
          request: post({ query: text }),
        };
      },
    ],
    [
      "bad Authorization header",
      3,
      (rng) => {
        const op = operation(rng, rng.chance(0.7) ? "query" : "mutation");
        const authorization = rng.pick([
          "Bearer abc",
          "Bearer eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.c2ln",
          "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.",
          "Bearer",
          "Bearer ",
          "Basic dXNlcjpwYXNz",
          `Bearer ${"a".repeat(5_000)}`,
          "bearer  x.y.z",
          "<tampered>",
        ]);
        return withOperation(op, post({ query: op.text, variables: op.variables }, { authorization }));
      },
    ],
    [
      "odd content type",
      1,
      (rng) => {
        const op = queryOf(rng);
        const json = JSON.stringify({ query: op.text, variables: op.variables });
        const [contentType, body] = rng.pick([
          ["text/plain", json],
          ["application/graphql", op.text],
          ["", json],
          ["application/json; charset=utf-16", json],
          ["application/x-www-form-urlencoded", `query=${encodeURIComponent(op.text)}`],
          ["multipart/form-data; boundary=x", "--x\r\ngarbage\r\n--x--"],
          ["application/json", `${json}\n${json}`],
        ] as const);
        return withOperation(op, postRaw(body, contentType));
      },
    ],
    [
      "oversized body",
      1,
      (rng) => {
        const text = "query ($s: String) { products(filter: { query: $s }) { nodes { id } } }";
        const variables = { s: "x".repeat(rng.pick([99_000, 150_000])) };
        return {
          operation: text,
          variables: { s: "x × many" },
          operationName: undefined,
          request: post({ query: text, variables }),
        };
      },
    ],
    [
      "federation internals",
      1,
      (rng) => {
        const text = rng.pick([
          "{ _service { sdl } }",
          `{ _entities(representations: [{ __typename: "User", id: "${anyId(rng, "users")}" }]) { ... on User { email role } } }`,
          `{ _entities(representations: [{ __typename: "Order", id: "${anyId(rng, "orders")}" }]) { ... on Order { total { amount } } } }`,
        ]);
        return {
          operation: text,
          variables: undefined,
          operationName: undefined,
          request: post({ query: text }),
        };
      },
    ],
    [
      "deeply nested or prototype-polluting variables",
      1,
      (rng) => {
        const text =
          "query ($f: ProductFilter, $n: Int) { products(filter: $f, first: $n) { nodes { id } } }";
        const depth = rng.pick([500, 5_000, 20_000]);
        const raw = rng.pick([
          `{"query":${JSON.stringify(text)},"variables":{"f":${"[".repeat(depth)}${"]".repeat(depth)}}}`,
          `{"query":${JSON.stringify(text)},"variables":{"f":${'{"query":'.repeat(depth)}"x"${"}".repeat(depth)}}}`,
          `{"query":${JSON.stringify(text)},"variables":{"f":{"__proto__":{"inStock":true},"constructor":{"prototype":{"x":1}}}}}`,
          `{"query":${JSON.stringify(text)},"variables":{"__proto__":{"n":5},"f":null}}`,
          `{"query":${JSON.stringify(text)},"variables":{"n":1,"n":"dup"}}`,
        ]);
        return { operation: text, variables: undefined, operationName: undefined, request: postRaw(raw) };
      },
    ],
    [
      "odd tracing, client or API-key header",
      1,
      (rng) => {
        const op = queryOf(rng);
        const [name, value] = rng.pick([
          ["x-request-id", "x".repeat(8_000)],
          ["x-request-id", "../../etc/passwd"],
          ["x-request-id", '{"$gt":""}'],
          ["traceparent", "00-zzzz-yyyy-01"],
          ["traceparent", `00-${"0".repeat(32)}-${"0".repeat(16)}-01`],
          ["traceparent", "ff-" + "a".repeat(200)],
          ["tracestate", "=,=,=".repeat(500)],
          ["baggage", "a=%zz,b"],
          ["x-api-key", rng.hex(32)],
          ["x-api-key", ""],
          ["apollographql-client-name", "x".repeat(4_000)],
          ["x-forwarded-for", "not-an-ip, 999.999.999.999"],
          ["x-apollo-operation-name", "Nope"],
        ] as const);
        return withOperation(op, post({ query: op.text, variables: op.variables }, { [name]: value }));
      },
    ],
    [
      "odd content-encoding or accept",
      1,
      (rng) => {
        const op = queryOf(rng);
        const [name, value] = rng.pick([
          ["content-encoding", "gzip"],
          ["content-encoding", "deflate"],
          ["content-encoding", "br"],
          ["content-encoding", "identity, gzip"],
          ["content-encoding", "x-unknown"],
          ["accept", "multipart/mixed; deferSpec=20220824"],
          ["accept", "text/event-stream"],
          ["accept", "application/graphql-response+json"],
          ["accept", "text/html"],
          ["accept", "application/xml;q=0.9, */*;q=0.1"],
        ] as const);
        return withOperation(op, post({ query: op.text, variables: op.variables }, { [name]: value }));
      },
    ],
    [
      "@defer and @stream",
      1,
      (rng) => {
        const text = rng.pick([
          `{ products(first: 2) { nodes { id ... @defer { reviews { nodes { id } } } } } }`,
          `{ products(first: 2) { nodes @stream(initialCount: 1) { id } } }`,
          `{ categories { id ... @defer(label: "x") { products { nodes { name } } } } }`,
        ]);
        const accept: Record<string, string> = rng.chance(0.5)
          ? { accept: "multipart/mixed; deferSpec=20220824, application/json" }
          : {};
        return {
          operation: text,
          variables: undefined,
          operationName: undefined,
          request: post({ query: text }, accept),
        };
      },
    ],
    [
      "other HTTP method",
      1,
      (rng) => {
        const op = queryOf(rng);
        const method = rng.pick(["PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const);
        const body =
          method === "HEAD" || method === "OPTIONS" ? undefined : JSON.stringify({ query: op.text });
        return withOperation(op, { method, ...(body ? { body } : {}), headers: JSON_HEADERS });
      },
    ],
    [
      "batch of mutations",
      1,
      (rng) => {
        const ops = Array.from({ length: rng.int(2, 4) }, () => operation(rng, "mutation"));
        return {
          operation: ops.map((op) => op.text).join("\n---\n"),
          variables: ops.map((op) => op.variables),
          operationName: undefined,
          request: post(ops.map((op) => ({ query: op.text, variables: op.variables }))),
        };
      },
    ],
    [
      "odd x-cart-token header",
      1,
      (rng) => {
        const op = operation(rng, rng.chance(0.5) ? "query" : "mutation");
        const token = rng.pick(["x".repeat(10_240), "' OR 1=1", rng.hex(64), "%00", "..", " "]);
        return withOperation(
          op,
          post({ query: op.text, variables: op.variables }, { "x-cart-token": token }),
        );
      },
    ],
  ];

  return {
    seed,
    caseAt(index) {
      const rng = new Random(caseSeed(seed, index));
      const identity = rng.pick(IDENTITIES);
      const family = rng.weighted([
        ["valid", 45],
        ["operation fault", 33],
        ["request fault", 22],
      ] as const);
      if (family === "request fault") {
        const [name, make] = rng.weighted(requestFaults.map(([n, w, f]) => [[n, f] as const, w] as const));
        const planned = make(rng);
        return { index, identity, valid: false, ...planned, kind: `broken: ${name}` };
      }
      const kind = rng.chance(0.6) ? "query" : "mutation";
      const fault = family === "operation fault" ? rng.pick(OPERATION_FAULTS) : undefined;
      const op = operation(rng, kind, fault);
      const headers: Record<string, string> = {};
      if (identity === "anonymous" && ids.cartTokens.length && rng.chance(0.3)) {
        headers["x-cart-token"] = rng.pick(ids.cartTokens);
      }
      const body = {
        query: op.text,
        variables: op.variables,
        ...(op.operationName ? { operationName: op.operationName } : {}),
      };
      const request =
        kind === "query" && rng.chance(0.1)
          ? get(
              {
                query: op.text,
                variables: JSON.stringify(op.variables),
                ...(op.operationName ? { operationName: op.operationName } : {}),
              },
              { ...PREFLIGHT, ...headers },
            )
          : post(body, headers);
      return {
        index,
        identity,
        valid: !fault,
        kind: fault ? `broken: ${op.fault?.replace(/ at .*/, "") ?? fault}` : `valid ${kind}`,
        operation: op.text,
        variables: op.variables,
        operationName: op.operationName,
        request,
      };
    },
  };
}
