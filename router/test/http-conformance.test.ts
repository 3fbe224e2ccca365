import { serverAudits, type AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_KEY, metric, startRouterOver, startSubgraphs, type Subgraphs } from "./support";

/**
 * GraphQL over HTTP (graphql-http's audit of the spec) against the router over real users and
 * catalogue subgraphs, and the two choices the spec leaves to the server that the router makes:
 * the status of request errors per media type (the watershed), and which plain requests it runs
 * without a preflight (CSRF).
 */
let subgraphs: Subgraphs;
let router: Awaited<ReturnType<typeof startRouterOver>>;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  router = await startRouterOver(subgraphs.list, { RATE_LIMIT_PER_MINUTE: "0" });
});
afterAll(async () => {
  await router?.stop();
  await subgraphs?.stop();
});

/** An array inside an array, `depth` times, as JSON text (deeper than JSON.stringify can write). */
function nested(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

const JSON_TYPE = "application/json";
const GRAPHQL_RESPONSE = "application/graphql-response+json";

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": JSON_TYPE, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
  };
}

describe("GraphQL over HTTP audit", () => {
  it("passes every MUST, SHOULD and MAY audit of graphql-http", async () => {
    const results: AuditResult[] = [];
    // One at a time: the audit is about answers, not about how many the router takes at once.
    for (const audit of serverAudits({ url: router.url })) results.push(await audit.fn());
    const failed: string[] = [];
    for (const result of results) {
      if (result.status !== "ok") {
        failed.push(`${result.id} ${result.name}: ${result.reason} (${result.response.status})`);
      }
    }
    const counts = (["MUST", "SHOULD", "MAY"] as const).map((level) => {
      const ofLevel = results.filter((result) => result.name.startsWith(`${level} `));
      return `${level} ${ofLevel.filter((result) => result.status === "ok").length}/${ofLevel.length}`;
    });
    console.log(`GraphQL over HTTP audit: ${counts.join(", ")}`);
    expect(failed).toEqual([]);
    expect(counts).toEqual(["MUST 13/13", "SHOULD 23/23", "MAY 25/25"]);
  });
});

describe("the watershed: request errors are 200 as application/json, 4xx as application/graphql-response+json", () => {
  const requestErrors: [string, unknown, string][] = [
    ["a document that does not parse", { query: "{ products(first: 1) {" }, "GRAPHQL_PARSE_FAILED"],
    ["a document that does not validate", { query: "{ nosuchfield }" }, "GRAPHQL_VALIDATION_FAILED"],
    [
      "a variable that does not coerce",
      { query: "query($id: ID!) { product(id: $id) { id } }", variables: { id: null } },
      "BAD_USER_INPUT",
    ],
    [
      // Nested past what JSON.stringify can walk: the admission's caches must not choke on it.
      "a variable nested thousands of levels deep",
      `{"query": "query($f: ProductFilter) { products(filter: $f, first: 1) { nodes { id } } }", "variables": {"f": ${nested(5_000)}}}`,
      "BAD_USER_INPUT",
    ],
    [
      "an operation name the document lacks",
      { query: "query A { __typename }", operationName: "B" },
      "OPERATION_RESOLUTION_FAILURE",
    ],
  ];

  it.each(requestErrors)("%s", async (_, body, code) => {
    for (const accept of [JSON_TYPE, "*/*", undefined]) {
      const legacy = await post(body, accept ? { accept } : {});
      expect(legacy.status).toBe(200);
      expect(legacy.type).toContain(JSON_TYPE);
      expect(legacy.body.errors?.[0]?.extensions?.code).toBe(code);
      expect(legacy.body).not.toHaveProperty("data");
    }
    const modern = await post(body, { accept: GRAPHQL_RESPONSE });
    expect(modern.status).toBe(400);
    expect(modern.type).toContain(GRAPHQL_RESPONSE);
    expect(modern.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(modern.body).not.toHaveProperty("data");
  });

  it("keeps 4xx for what is not a GraphQL request error: bad JSON, a refusal, a mutation over GET", async () => {
    const badJson = await post("{ not json", { accept: JSON_TYPE });
    expect(badJson.status).toBe(400);
    expect(badJson.type).toContain(JSON_TYPE);
    const badHash = await post(
      {
        query: "{ __typename }",
        extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
      },
      { accept: JSON_TYPE },
    );
    expect(badHash.status).toBe(400);
    expect(badHash.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
    const url = new URL(router.url);
    url.searchParams.set("query", 'mutation { logout(refreshToken: "x") }');
    const mutation = await fetch(url, { headers: { accept: JSON_TYPE } });
    expect(mutation.status).toBe(405);
  });

  it("the router's own refusals take the media type Apollo would choose for the same Accept", async () => {
    const cases: [string | undefined, string][] = [
      [undefined, JSON_TYPE],
      ["*/*", JSON_TYPE],
      [JSON_TYPE, JSON_TYPE],
      [GRAPHQL_RESPONSE, GRAPHQL_RESPONSE],
      [`${GRAPHQL_RESPONSE},${JSON_TYPE};q=0.9`, GRAPHQL_RESPONSE],
      [`${GRAPHQL_RESPONSE};q=0.5, ${JSON_TYPE}`, JSON_TYPE],
      [`${JSON_TYPE}, ${GRAPHQL_RESPONSE}`, JSON_TYPE],
      [`application/*;q=0.8, ${GRAPHQL_RESPONSE}`, GRAPHQL_RESPONSE],
      // Nothing acceptable: still JSON, rather than a bare 406 for a refusal.
      ["text/html", JSON_TYPE],
    ];
    for (const [accept, expected] of cases) {
      const headers: Record<string, string> = accept ? { accept } : {};
      // Refused by the router (an API key no client holds) and by Apollo (a validation error).
      const refused = await post({ query: "{ __typename }" }, { ...headers, "x-api-key": "no-such-key" });
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("INVALID_API_KEY");
      expect(`${accept} ${refused.type}`).toBe(`${accept} ${expected}; charset=utf-8`);
      if (accept === "text/html") continue;
      const apollo = await post({ query: "{ nosuchfield }" }, headers);
      expect(`${accept} ${apollo.type}`).toBe(`${accept} ${expected}; charset=utf-8`);
    }
  });

  it("answers GET with URL-encoded JSON variables", async () => {
    const url = new URL(router.url);
    url.searchParams.set("query", "query($first: Int!) { products(first: $first) { nodes { name } } }");
    url.searchParams.set("variables", JSON.stringify({ first: 1 }));
    const reply = await fetch(url, { headers: { accept: GRAPHQL_RESPONSE } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toContain(GRAPHQL_RESPONSE);
    expect(await reply.json()).toEqual({ data: { products: { nodes: [{ name: "Wool blanket" }] } } });
  });
});

describe("CSRF: every request a page on another site could send without a preflight is refused", () => {
  const QUERY = "{ __typename }";

  it("a POST with a simple content type, or none, is refused before its token is even checked", async () => {
    const before = await metric(router.metricsUrl, "router_rejections_total", { reason: "bad_request" });
    for (const contentType of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      undefined,
    ]) {
      const reply = await fetch(router.url, {
        method: "POST",
        headers: {
          ...(contentType ? { "content-type": contentType } : {}),
          // A bad token would be 401 if the request got as far as the token check.
          authorization: "Bearer not-a-token",
          accept: GRAPHQL_RESPONSE,
        },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(reply.status).toBe(400);
      expect(reply.headers.get("content-type")).toContain(GRAPHQL_RESPONSE);
      const body = (await reply.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
      expect(body.errors[0]!.message).toMatch(/cross-site request forgery/);
    }
    expect(await metric(router.metricsUrl, "router_rejections_total", { reason: "bad_request" })).toBe(
      before + 4,
    );
  });

  it("a GET a browser marks as cross-site needs a preflighted header; a program's or a same-origin GET runs", async () => {
    const url = new URL(router.url);
    url.searchParams.set("query", QUERY);
    const get = (headers: Record<string, string>) => fetch(url, { headers });
    expect((await get({})).status).toBe(200);
    expect((await get({ "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await get({ "sec-fetch-site": "none" })).status).toBe(200);
    for (const site of ["cross-site", "same-site"]) {
      const refused = await get({ "sec-fetch-site": site });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
        /cross-site request forgery/,
      );
      expect((await get({ "sec-fetch-site": site, "apollo-require-preflight": "true" })).status).toBe(200);
      expect((await get({ "sec-fetch-site": site, "x-api-key": APP_KEY })).status).toBe(200);
    }
  });
});
