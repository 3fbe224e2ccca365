import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { Defer20220824Handler } from "@apollo/client/incremental";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewTheProduct, startRouterOver, startSubgraphs, type Subgraphs } from "./support";

/** What Apollo Client sends when it is given a handler for the 2022-08-24 incremental format. */
const DEFER_ACCEPT =
  "multipart/mixed;deferSpec=20220824,application/graphql-response+json,application/json;q=0.9";

let subgraphs: Subgraphs;
let router: Awaited<ReturnType<typeof startRouterOver>>;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  router = await startRouterOver(subgraphs.list);
  await reviewTheProduct(subgraphs, router.url);
});
afterAll(async () => {
  await router?.stop();
  await subgraphs?.stop();
});

const PRODUCT_PAGE = `query ProductPage($slug: String!) {
  product(slug: $slug) {
    name
    price { amount }
    ... @defer(label: "reviews") {
      reviews { nodes { rating body author { name } } }
    }
  }
}`;

/** The JSON parts of a multipart/mixed body, in order. */
function parts(body: string, boundary: string): unknown[] {
  return body
    .split(`--${boundary}`)
    .map((chunk) => chunk.split("\r\n\r\n").slice(1).join("\r\n\r\n").trim())
    .filter((json) => json.startsWith("{"))
    .map((json) => JSON.parse(json) as unknown);
}

async function post(query: string, variables: Record<string, unknown>, accept: string) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify({ query, variables }),
  });
  return { type: response.headers.get("content-type") ?? "", text: await response.text() };
}

describe("@defer", () => {
  it("is answered incrementally over multipart/mixed: the page first, its reviews after", async () => {
    const reply = await post(PRODUCT_PAGE, { slug: subgraphs.product.slug }, DEFER_ACCEPT);
    expect(reply.type).toContain("multipart/mixed");
    expect(reply.type).toContain("deferSpec=20220824");
    const boundary = /boundary="?([^";]+)"?/.exec(reply.type)![1]!;
    expect(parts(reply.text, boundary)).toEqual([
      { data: { product: { name: "Wool blanket", price: { amount: 8900 } } }, hasNext: true },
      {
        incremental: [
          {
            data: {
              reviews: { nodes: [{ rating: 5, body: "Warm and soft.", author: { name: "Ada Reviewer" } }] },
            },
            path: ["product"],
            label: "reviews",
          },
        ],
        hasNext: false,
      },
    ]);
  });

  it("is one ordinary response, with every field, to a client that does not accept multipart", async () => {
    const reply = await post(PRODUCT_PAGE, { slug: subgraphs.product.slug }, "application/json");
    expect(reply.type).toContain("application/json");
    expect(JSON.parse(reply.text)).toEqual({
      data: {
        product: {
          name: "Wool blanket",
          price: { amount: 8900 },
          reviews: { nodes: [{ rating: 5, body: "Warm and soft.", author: { name: "Ada Reviewer" } }] },
        },
      },
    });
  });

  it("has nothing to defer when the deferred fragment's object is null: one part", async () => {
    const reply = await post(PRODUCT_PAGE, { slug: "no-such-product" }, DEFER_ACCEPT);
    const boundary = /boundary="?([^";]+)"?/.exec(reply.type)?.[1];
    const answer = boundary ? parts(reply.text, boundary) : [JSON.parse(reply.text)];
    expect(answer).toEqual([{ data: { product: null } }]);
  });

  it("@defer(if: false) is not deferred", async () => {
    const query = PRODUCT_PAGE.replace('@defer(label: "reviews")', "@defer(if: false)");
    const reply = await post(query, { slug: subgraphs.product.slug }, DEFER_ACCEPT);
    expect(reply.type).not.toContain("multipart");
    expect(JSON.parse(reply.text)).toMatchObject({
      data: { product: { reviews: { nodes: [{ rating: 5 }] } } },
    });
  });

  it("Apollo Client 4 with its 2022-08-24 handler receives the deferred reviews", async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: router.url }),
      cache: new InMemoryCache(),
      incrementalHandler: new Defer20220824Handler(),
    });
    const seen: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const subscription = client
        .watchQuery({ query: gql(PRODUCT_PAGE), variables: { slug: subgraphs.product.slug } })
        .subscribe({
          next: (result) => {
            seen.push(result.data);
            const product = (result.data as { product?: { reviews?: unknown } } | undefined)?.product;
            if (product?.reviews) {
              subscription.unsubscribe();
              resolve();
            }
          },
          error: reject,
        });
    });
    await done;
    expect(seen.at(-1)).toMatchObject({
      product: {
        name: "Wool blanket",
        reviews: { nodes: [{ rating: 5, author: { name: "Ada Reviewer" } }] },
      },
    });
  });
});
