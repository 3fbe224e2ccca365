import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { testAccounts, type TestAccount } from "@storefront/testkit";
import { map } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PARTNER_KEY,
  codeOf,
  reviewTheProduct,
  send,
  startRouterOver,
  startSubgraphs,
  type Subgraphs,
} from "./support";

const manifest = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../../schema/persisted/partner-example.json"), "utf8"),
) as { operations: { id: string; name: string; body: string }[] };
const manifestId = (name: string) => manifest.operations.find((o) => o.name === name)!.id;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const partner = { "x-api-key": PARTNER_KEY };
/** What a first-party GET needs to pass the router's CSRF check (a browser would preflight it). */
const preflighted = { "apollo-require-preflight": "true" };

let subgraphs: Subgraphs;
let router: Awaited<ReturnType<typeof startRouterOver>>;
let customer: TestAccount;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  router = await startRouterOver(subgraphs.list);
  customer = await reviewTheProduct(subgraphs, router.url);
});
afterAll(async () => {
  await router?.stop();
  await subgraphs?.stop();
});

/** A manifest operation by id over GET, as a CDN in front of the router would see it. */
function persistedGet(
  name: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return send(router.url, undefined, {
    method: "GET",
    headers: { ...partner, ...headers },
    search: { documentId: `sha256:${manifestId(name)}`, variables: JSON.stringify(variables) },
  });
}

const get = (query: string, headers: Record<string, string> = {}) =>
  send(router.url, undefined, { method: "GET", headers: { ...preflighted, ...headers }, search: { query } });

describe("Cache-Control of GET responses through the router", () => {
  it("a persisted product listing is public for as long as its shortest-lived field: in-stock flags, 30 s", async () => {
    // products 60 s, Product 120 s, averageRating and reviewCount 60 s, inStock 30 s; price,
    // images and pageInfo inherit. The minimum is inStock's.
    const listing = await persistedGet("SearchProducts", { first: 5 });
    expect(listing.status).toBe(200);
    expect(listing.body.errors).toBeUndefined();
    expect(listing.body.data?.products).toMatchObject({ nodes: [{ name: "Wool blanket" }] });
    expect(listing.headers.get("cache-control")).toBe("public, max-age=30");

    // Categories alone (300 s for a category and its children): the minimum is another number.
    const categories = await persistedGet("Categories", {});
    expect(categories.body.errors).toBeUndefined();
    expect(categories.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("tells shared caches which request headers the answer depends on, beside CORS's Origin", async () => {
    const listing = await persistedGet("Categories", {}, { origin: "http://localhost:3000" });
    expect(listing.headers.get("cache-control")).toBe("public, max-age=300");
    const vary = (listing.headers.get("vary") ?? "").toLowerCase().split(/\s*,\s*/);
    expect(vary).toEqual(expect.arrayContaining(["origin", "authorization", "x-cart-token", "x-api-key"]));
  });

  it("a refusal the router sends before the operation runs is not stored", async () => {
    const refused = await persistedGet("Categories", {}, { "x-api-key": "not-a-key-of-anyone" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });

  it("is private when the caller carries a bearer token or a guest cart token", async () => {
    const signedIn = await persistedGet(
      "SearchProducts",
      { first: 5 },
      { authorization: `Bearer ${customer.token}` },
    );
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.headers.get("cache-control")).toBe("private, max-age=30");

    const guest = await persistedGet(
      "SearchProducts",
      { first: 5 },
      { "x-cart-token": "guest-cart-token-0123456789" },
    );
    expect(guest.body.errors).toBeUndefined();
    expect(guest.headers.get("cache-control")).toBe("private, max-age=30");
  });

  it("combines the hints of every subgraph the plan calls: a review author's name from users, an email private", async () => {
    const slug = JSON.stringify(subgraphs.product.slug);
    // Catalogue: Product 120 s, Review 60 s; users (an entity fetch): User 300 s.
    const withAuthor = await get(
      `{ product(slug: ${slug}) { name reviews { nodes { rating author { name } } } } }`,
    );
    expect(withAuthor.body.errors).toBeUndefined();
    expect(withAuthor.body.data).toMatchObject({
      product: { reviews: { nodes: [{ rating: 5, author: { name: "Ada Reviewer" } }] } },
    });
    expect(withAuthor.headers.get("cache-control")).toBe("public, max-age=60");

    // The users subgraph marks email PRIVATE (it is null for anyone but the user and admins).
    const withEmail = await get(`{ product(slug: ${slug}) { reviews { nodes { author { name email } } } } }`);
    expect(withEmail.body.errors).toBeUndefined();
    expect(withEmail.headers.get("cache-control")).toBe("private, max-age=60");
  });

  it("a query selecting me is not stored, signed in or not", async () => {
    const signedIn = await get("{ me { name } categories { id } }", {
      authorization: `Bearer ${customer.token}`,
    });
    expect(signedIn.body.data).toMatchObject({ me: { name: "Ada Reviewer" } });
    expect(signedIn.headers.get("cache-control")).toBe("no-store");

    const guest = await get("{ me { id } }");
    expect(guest.body).toEqual({ data: { me: null } });
    expect(guest.headers.get("cache-control")).toBe("no-store");
  });

  it("a response with errors is not stored, even when the rest of it could be", async () => {
    // `product` takes exactly one of id and slug: the catalogue refuses both, categories succeed.
    const partial = await get(`{ categories { id } product(id: "x", slug: "y") { id } }`);
    expect(partial.body.data?.categories).toBeDefined();
    expect(codeOf(partial)).toBe("BAD_USER_INPUT");
    expect(partial.headers.get("cache-control")).toBe("no-store");

    const invalid = await get("{ categories { nope } }");
    expect(codeOf(invalid)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(invalid.headers.get("cache-control")).toBe("no-store");
  });

  it("mutations and POSTs are not stored", async () => {
    const mutation = `mutation { login(input: { email: "nobody@example.com", password: "wrong password" }) { __typename } }`;
    const posted = await send(router.url, { query: mutation });
    expect(posted.body.data).toEqual({ login: { __typename: "AuthError" } });
    expect(posted.headers.get("cache-control")).toBe("no-store");

    const overGet = await get(mutation);
    expect(overGet.status).toBe(405);
    expect(overGet.headers.get("cache-control")).toBe("no-store");

    // The same cacheable listing as above, asked by POST.
    const listing = await send(
      router.url,
      { documentId: manifestId("SearchProducts"), variables: { first: 5 } },
      { headers: partner },
    );
    expect(listing.body.errors).toBeUndefined();
    expect(listing.headers.get("cache-control")).toBe("no-store");
  });

  it("an APQ hash over GET is cacheable like the text it stands for", async () => {
    const query = "{ categories { id slug name } }";
    const hash = sha256(query);
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const miss = await send(router.url, undefined, {
      method: "GET",
      headers: preflighted,
      search: { extensions },
    });
    expect(codeOf(miss)).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(miss.headers.get("cache-control")).toBe("no-store");
    await send(router.url, { query, extensions: JSON.parse(extensions) as unknown });

    const hit = await send(router.url, undefined, {
      method: "GET",
      headers: preflighted,
      search: { extensions },
    });
    expect(hit.body.errors).toBeUndefined();
    expect(hit.headers.get("cache-control")).toBe("public, max-age=300");
  });
});

describe("each subgraph's own Cache-Control", () => {
  const catalogueGet = (query: string, headers: Record<string, string> = {}) =>
    send(subgraphs.catalogue.url, undefined, {
      method: "GET",
      headers: { ...preflighted, ...headers },
      search: { query },
    });

  it("comes from its schema's hints, private for a caller with credentials, never for a mutation", async () => {
    expect((await catalogueGet("{ categories { id } }")).headers.get("cache-control")).toBe(
      "max-age=300, public",
    );
    const signedIn = await catalogueGet("{ categories { id } }", {
      authorization: `Bearer ${customer.token}`,
    });
    expect(signedIn.headers.get("cache-control")).toBe("max-age=300, private");
    // A mutation returning a type hinted 300 s (Category) still answers no-store.
    const admin = await testAccounts(subgraphs.users).admin();
    const created = await send(
      subgraphs.catalogue.url,
      { query: `mutation { createCategory(input: { name: "Throws ${Date.now()}" }) { id name } }` },
      { headers: { authorization: `Bearer ${admin.token}` } },
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.headers.get("cache-control")).toBe("no-store");
  });
});

describe("Apollo Client 4", () => {
  it("sends a hashed query by GET and reads a cacheable Cache-Control on the response", async () => {
    const seen: (string | null | undefined)[] = [];
    const methods: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      methods.push(init?.method ?? "GET");
      return fetch(input, init);
    };
    // HttpLink leaves the response in the operation's context; this link reads its header.
    const readCacheControl = new ApolloLink((operation, forward) =>
      forward(operation).pipe(
        map((result) => {
          const { response } = operation.getContext() as { response?: Response };
          seen.push(response?.headers.get("cache-control"));
          return result;
        }),
      ),
    );
    const client = new ApolloClient({
      link: ApolloLink.from([
        createPersistedQueryLink({ sha256, useGETForHashedQueries: true }),
        readCacheControl,
        new HttpLink({ uri: router.url, fetch: recordingFetch, headers: preflighted }),
      ]),
      cache: new InMemoryCache(),
    });
    const CATEGORIES = gql`
      query CachedCategories {
        categories {
          id
          slug
        }
      }
    `;
    // First: the hash alone by GET (not yet known), then the text to register it.
    const first = await client.query({ query: CATEGORIES, fetchPolicy: "no-cache" });
    expect((first.data as { categories: unknown[] }).categories).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: subgraphs.categorySlug })]),
    );
    // The miss (an error) and the registration (a POST) are not for caches.
    expect(methods).toEqual(["GET", "POST"]);
    expect(seen).toEqual(["no-store", "no-store"]);
    // Then the hash alone by GET, answered from the registration and cacheable.
    methods.length = 0;
    seen.length = 0;
    await client.query({ query: CATEGORIES, fetchPolicy: "no-cache" });
    expect(methods).toEqual(["GET"]);
    expect(seen).toEqual(["public, max-age=300"]);
  });
});
