import { createHash } from "node:crypto";
import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  ServerError,
  gql,
  type DocumentNode,
} from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { testAccounts } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PARTNER_KEY, startRouterOver, startSubgraphs, type Subgraphs } from "./support";

/**
 * What Apollo Client 4 (the storefront's client) makes of every refusal the router sends itself:
 * the code must reach the application (and its error link) as a GraphQL error, not as a bare
 * "Received status code 401". Real users and catalogue subgraphs behind the router; budgets are
 * per address behind a trusted proxy, so each test spends its own.
 */
let subgraphs: Subgraphs;
let router: Awaited<ReturnType<typeof startRouterOver>>;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  router = await startRouterOver(subgraphs.list, {
    RATE_LIMIT_PER_MINUTE: "3",
    TRUST_PROXY: "true",
    MAX_REQUEST_BYTES: "4000",
  });
});
afterAll(async () => {
  await router?.stop();
  await subgraphs?.stop();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
let addresses = 0;
/** An address of its own for one client, as the trusted proxy would report it. */
const freshAddress = () => `198.51.100.${++addresses}`;

interface Seen {
  status: number;
  contentType: string | null;
}

/** An Apollo Client as an app builds one, recording the status and media type of every answer. */
function client(options: { headers?: Record<string, string>; links?: ApolloLink[] } = {}) {
  const seen: Seen[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    seen.push({ status: response.status, contentType: response.headers.get("content-type") });
    return response;
  };
  const http = new HttpLink({
    uri: router.url,
    fetch: recordingFetch,
    headers: { "x-forwarded-for": freshAddress(), ...options.headers },
  });
  const link = ApolloLink.from([...(options.links ?? []), http]);
  return { apollo: new ApolloClient({ link, cache: new InMemoryCache() }), seen };
}

/** The error a query ends with (it must end with one). */
async function failure(apollo: ApolloClient, query: DocumentNode, variables: Record<string, unknown> = {}) {
  try {
    await apollo.query({ query, variables, fetchPolicy: "no-cache" });
  } catch (error) {
    return error;
  }
  throw new Error("the query succeeded");
}

/** The refusal as the application sees it: GraphQL errors, with the code in their extensions. */
function graphQLErrors(error: unknown) {
  expect(CombinedGraphQLErrors.is(error)).toBe(true);
  return (error as CombinedGraphQLErrors).errors;
}

const CATEGORIES = gql`
  query AppCategories {
    categories {
      slug
    }
  }
`;
const ME = gql`
  query Me {
    me {
      email
    }
  }
`;

describe("the router's refusals reach Apollo Client 4 as GraphQL errors with their code", () => {
  it("an invalid access token: 401 UNAUTHENTICATED", async () => {
    const { apollo, seen } = client({ headers: { authorization: "Bearer not-a-token" } });
    const [error] = graphQLErrors(await failure(apollo, CATEGORIES));
    expect(error?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error?.message).toBe("The access token is invalid.");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.status).toBe(401);
    expect(seen[0]?.contentType).toBe("application/graphql-response+json; charset=utf-8");
  });

  it("an API key no client holds: 401 INVALID_API_KEY", async () => {
    const { apollo, seen } = client({ headers: { "x-api-key": "no-such-key" } });
    const [error] = graphQLErrors(await failure(apollo, CATEGORIES));
    expect(error?.extensions?.code).toBe("INVALID_API_KEY");
    expect(seen[0]?.status).toBe(401);
  });

  it("a safelisted partner sending text: 400 PERSISTED_QUERY_REQUIRED", async () => {
    const { apollo, seen } = client({ headers: { "x-api-key": PARTNER_KEY } });
    const [error] = graphQLErrors(await failure(apollo, CATEGORIES));
    expect(error?.extensions?.code).toBe("PERSISTED_QUERY_REQUIRED");
    expect(seen[0]?.status).toBe(400);
  });

  it("a safelisted partner sending a hash outside its manifest: 400 OPERATION_NOT_IN_MANIFEST", async () => {
    const { apollo, seen } = client({
      headers: { "x-api-key": PARTNER_KEY },
      links: [createPersistedQueryLink({ sha256 })],
    });
    const [error] = graphQLErrors(await failure(apollo, CATEGORIES));
    expect(error?.extensions?.code).toBe("OPERATION_NOT_IN_MANIFEST");
    // Not a PERSISTED_QUERY_NOT_FOUND: the link does not retry with the text.
    expect(seen.map((s) => s.status)).toEqual([400]);
  });

  it("an APQ registration whose hash is not the text's: 400 BAD_REQUEST", async () => {
    const { apollo, seen } = client({
      links: [createPersistedQueryLink({ generateHash: () => "0".repeat(64) })],
    });
    const [error] = graphQLErrors(await failure(apollo, CATEGORIES));
    expect(error?.extensions?.code).toBe("BAD_REQUEST");
    expect(error?.message).toBe("The persisted query hash is not the SHA-256 of the query text.");
    // The hash alone (not found, 200), then the text with it: refused.
    expect(seen.map((s) => s.status)).toEqual([200, 400]);
  });

  it("a request over MAX_REQUEST_BYTES: 413 PAYLOAD_TOO_LARGE", async () => {
    const { apollo, seen } = client();
    const query = gql`
      query Big($slug: String) {
        product(slug: $slug) {
          id
        }
      }
    `;
    const [error] = graphQLErrors(await failure(apollo, query, { slug: "x".repeat(5_000) }));
    expect(error?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(seen[0]?.status).toBe(413);
  });

  it("past the rate limit: 429 RATE_LIMITED with retryAfterSeconds", async () => {
    const { apollo, seen } = client();
    for (let i = 0; i < 3; i++) await apollo.query({ query: CATEGORIES, fetchPolicy: "no-cache" });
    const [error] = graphQLErrors(await failure(apollo, CATEGORIES));
    expect(error?.extensions?.code).toBe("RATE_LIMITED");
    expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(seen.map((s) => s.status)).toEqual([200, 200, 200, 429]);
  });

  it("a client that accepts only application/json gets the status as ServerError, with the code in the body", async () => {
    const { apollo, seen } = client({
      headers: { authorization: "Bearer not-a-token", accept: "application/json" },
    });
    const error = await failure(apollo, CATEGORIES);
    expect(ServerError.is(error)).toBe(true);
    const serverError = error as ServerError;
    expect(serverError.statusCode).toBe(401);
    const body = JSON.parse(serverError.bodyText) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
    expect(seen[0]?.contentType).toContain("application/json");
  });
});

describe("an error link reacting to UNAUTHENTICATED", () => {
  it("fires, renews the token and retries: the query succeeds", async () => {
    const customer = await testAccounts(subgraphs.users).customer();
    let token = "expired-or-forged";
    const handled: string[] = [];
    const renewOnUnauthenticated = new ErrorLink(({ error, operation, forward }) => {
      if (!CombinedGraphQLErrors.is(error)) return;
      const code = error.errors[0]?.extensions?.code;
      handled.push(String(code));
      if (code !== "UNAUTHENTICATED" || token === customer.token) return;
      token = customer.token; // What a refresh-token call would return.
      operation.setContext({ headers: { authorization: `Bearer ${token}` } });
      return forward(operation);
    });
    const withToken = new ApolloLink((operation, forward) => {
      operation.setContext({ headers: { authorization: `Bearer ${token}` } });
      return forward(operation);
    });
    const { apollo, seen } = client({ links: [renewOnUnauthenticated, withToken] });
    const result = await apollo.query({ query: ME, fetchPolicy: "no-cache" });
    expect(result.data).toEqual({ me: { __typename: "User", email: customer.email } });
    expect(handled).toEqual(["UNAUTHENTICATED"]);
    expect(seen.map((s) => s.status)).toEqual([401, 200]);
  });
});
