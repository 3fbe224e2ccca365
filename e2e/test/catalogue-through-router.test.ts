import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueConfigFrom, catalogueDbSchema as db, catalogueModule } from "@storefront/catalogue";
import { startTestRouter } from "@storefront/router/testing";
import { countSql, execute, executeOk, startTestSubgraph, testEnv, uniqueEmail } from "@storefront/testkit";
import { usersConfigFrom, usersModule } from "@storefront/users";

let users: Awaited<ReturnType<typeof startUsers>>;
let catalogue: Awaited<ReturnType<typeof startCatalogue>>;
let router: Awaited<ReturnType<typeof startTestRouter>>;
let categoryId: string;

const startUsers = () => startTestSubgraph(usersModule(usersConfigFrom({})));
const startCatalogue = (jwksUrl: string) =>
  startTestSubgraph(
    catalogueModule(catalogueConfigFrom({ JWKS_URL: jwksUrl, SERVICE_TOKEN: testEnv.serviceToken })),
  );

beforeAll(async () => {
  users = await startUsers();
  catalogue = await startCatalogue(new URL("/.well-known/jwks.json", users.url).toString());
  router = await startTestRouter([
    { name: "users", url: users.url },
    { name: "catalogue", url: catalogue.url },
  ]);

  // 50 products, 3 variants each, in one category, each with 2 reviews by real users.
  const authors: string[] = [];
  for (let i = 0; i < 5; i++) {
    const data = await executeOk<{ register: { user: { id: string } } }>(
      users.url,
      `mutation($i: RegisterInput!) { register(input: $i) { ... on AuthSession { user { id } } } }`,
      {
        variables: { i: { email: uniqueEmail(), password: "correct horse battery", name: `Reviewer ${i}` } },
      },
    );
    authors.push(data.register.user.id);
  }
  categoryId = randomUUID();
  const store = catalogue.database.db;
  await store
    .insert(db.categories)
    .values({ id: categoryId, slug: `n-plus-one-${Date.now()}`, name: "Bench", path: `/${categoryId}/` });
  const products = await store
    .insert(db.products)
    .values(
      Array.from({ length: 50 }, (_, i) => ({
        sku: `NP1-${i}-${Date.now()}`,
        slug: `np1-${i}-${Date.now()}`,
        name: `Batch product ${i}`,
        priceAmount: 1000 + i,
        currency: "USD",
        categoryId,
        reviewCount: 2,
        ratingTotal: 9,
        averageRating: 4.5,
      })),
    )
    .returning({ id: db.products.id });
  await store.insert(db.variants).values(
    products.flatMap((p, i) =>
      [0, 1, 2].map((v) => ({
        productId: p.id,
        sku: `NP1-${i}-${v}-${Date.now()}`,
        name: `Size ${v}`,
        priceAmount: 1000,
        currency: "USD",
        position: v,
      })),
    ),
  );
  await store.insert(db.reviews).values(
    products.flatMap((p, i) => [
      { productId: p.id, authorId: authors[i % 5]!, rating: 4, body: "Good." },
      { productId: p.id, authorId: authors[(i + 1) % 5]!, rating: 5, body: "Great." },
    ]),
  );
});

afterAll(async () => {
  await router?.stop();
  await catalogue?.stop();
  await users?.stop();
});

const STOREFRONT_LISTING = `query Listing($category: ID!) {
  products(filter: { categoryId: $category }, sort: PRICE_ASC, first: 50) {
    nodes {
      id name price { amount currency } inStock averageRating reviewCount
      category { id name }
      variants { id sku price { amount } stockOnHand }
      reviews(first: 5) { nodes { rating body author { id name } } }
    }
  }
}`;

type Listing = {
  products: {
    nodes: {
      variants: unknown[];
      category: { id: string };
      reviews: { nodes: { author: { id: string; name: string } }[] };
    }[];
  };
};

describe("a storefront listing through the router", () => {
  it("50 products with variants, category, reviews and authors: at most 3 catalogue statements and 1 users statement", async () => {
    const { result, statements } = await countSql(
      { catalogue: catalogue.database, users: users.database },
      () => executeOk<Listing>(router.url, STOREFRONT_LISTING, { variables: { category: categoryId } }),
    );
    const nodes = result.products.nodes;
    expect(nodes).toHaveLength(50);
    expect(
      nodes.every(
        (n) => n.variants.length === 3 && n.category.id === categoryId && n.reviews.nodes.length === 2,
      ),
    ).toBe(true);
    expect(nodes.every((n) => n.reviews.nodes.every((r) => r.author.name.startsWith("Reviewer")))).toBe(true);
    // products + category (joined), variants of all 50, first reviews of all 50; one batch of users.
    expect(statements).toEqual({ catalogue: 3, users: 1 });
  });

  it("hides internal operations from the public graph", async () => {
    const result = await execute(
      router.url,
      `mutation { reserveStock(input: { reservationId: "x", lines: [], ttlSeconds: 1 }) { __typename } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
