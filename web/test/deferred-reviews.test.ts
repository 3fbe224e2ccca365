/**
 * The product page query defers its first page of reviews (`@defer(label: "reviews")`): Apollo
 * Client, with its 2022-08-24 incremental handler, asks for multipart/mixed and the router answers
 * the product first and the reviews in a later part. Later pages are ProductReviews queries.
 */
import { executeOk } from "@storefront/testkit";
import type { BrowserContext, Page, Request, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchAndOpen } from "./support/flows";
import { uniqueProduct } from "./support/fixtures";
import { watchForPageErrors } from "./support/page-checks";
import { startStorefront, type Storefront } from "./support/storefront";

let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront();
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

interface Part {
  data?: { product?: Record<string, unknown> | null };
  incremental?: { data: Record<string, unknown>; path: (string | number)[]; label?: string }[];
  hasNext?: boolean;
  errors?: unknown[];
}

/** The JSON parts of a multipart/mixed body, in order. */
function multipartParts(body: string, contentType: string): Part[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  expect(boundary, `no boundary in ${contentType}`).toBeTruthy();
  return body
    .split(`--${boundary}`)
    .map((chunk) => chunk.split("\r\n\r\n").slice(1).join("\r\n\r\n").trim())
    .filter((json) => json.startsWith("{"))
    .map((json) => JSON.parse(json) as Part);
}

const operationName = (request: Request) =>
  request.method() === "POST" && new URL(request.url()).pathname === "/graphql"
    ? (request.postDataJSON() as { operationName?: string }).operationName
    : undefined;

/**
 * The bytes of the product page query's response body as Chromium receives them, from its network
 * events (DevTools protocol: Network.streamResourceContent, then each Network.dataReceived's data).
 * Playwright's own `response.body()` waits for the end of a response that the page reads as a
 * stream, which it does not see for this one.
 */
async function receivedBodyOf(context: BrowserContext, page: Page, operation: string) {
  const cdp = await context.newCDPSession(page);
  const received: Buffer[] = [];
  let requestId: string | undefined;
  cdp.on("Network.requestWillBeSent", (event) => {
    const body = event.request.postData ?? "";
    if (event.request.method === "POST" && body.includes(`"operationName":"${operation}"`)) {
      requestId = event.requestId;
    }
  });
  cdp.on("Network.responseReceived", (event) => {
    if (event.requestId !== requestId) return;
    void cdp
      .send("Network.streamResourceContent", { requestId: event.requestId })
      .then(({ bufferedData }) => received.unshift(Buffer.from(bufferedData, "base64")));
  });
  cdp.on("Network.dataReceived", (event) => {
    if (event.requestId === requestId && event.data) received.push(Buffer.from(event.data, "base64"));
  });
  await cdp.send("Network.enable");
  return () => Buffer.concat(received).toString("utf8");
}

/** Six customers' reviews of a product of its own: a first page of five and one more. */
async function productWithSixReviews() {
  const product = await uniqueProduct(shop, { stock: 3, price: 4200, noun: "Blanket" });
  const bodies: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const customer = await shop.platform.accounts.customer(`Deferred Reviewer ${i}`);
    const body = `Review ${i} of the ${product.word} blanket.`;
    const { createReview } = await executeOk<{ createReview: { __typename: string } }>(
      shop.platform.router.url,
      `mutation($i: CreateReviewInput!) {
        createReview(input: $i) { __typename ... on ReviewError { code message } }
      }`,
      { token: customer.token, variables: { i: { productId: product.productId, rating: 4, body } } },
    );
    expect(createReview.__typename).toBe("Review");
    bodies.push(body);
  }
  return { ...product, bodies };
}

describe("the product page's deferred reviews", () => {
  it("arrive over multipart/mixed after the product, in the product page query; more reviews page with ProductReviews", async () => {
    const blanket = await productWithSixReviews();
    const { context, page } = await shop.newPage();
    const pageErrors = watchForPageErrors(page);
    const productPageBody = await receivedBodyOf(context, page, "ProductPage");
    const operations: string[] = [];
    page.on("request", (request) => {
      const name = operationName(request);
      if (name) operations.push(name);
    });

    await page.goto("/");
    await page.locator(".product-card").first().waitFor();
    const productPageResponse = page.waitForResponse(
      (response: Response) => operationName(response.request()) === "ProductPage",
    );
    await searchAndOpen(page, blanket.word, blanket.name);
    const response = await productPageResponse;

    // Apollo Client asked for the incremental format, and the router answered in it.
    expect(response.request().headers()["accept"]).toContain("multipart/mixed;deferSpec=20220824");
    const contentType = response.headers()["content-type"] ?? "";
    expect(contentType).toContain("multipart/mixed");
    expect(contentType).toContain("deferSpec=20220824");
    // The whole body: up to the closing delimiter.
    await expect.poll(productPageBody, { timeout: 30_000 }).toMatch(/\r\n-----\r\n$/);
    const parts = multipartParts(productPageBody(), contentType);

    // First the product without its reviews…
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const [first, ...later] = parts;
    expect(first!.errors).toBeUndefined();
    expect(first!.hasNext).toBe(true);
    expect(first!.data?.product).toMatchObject({ name: blanket.name, reviewCount: 6 });
    expect(first!.data?.product).not.toHaveProperty("reviews");
    // …then, in a later part, the first page of reviews at the product's path.
    const deferred = later.flatMap((part) => part.incremental ?? []);
    expect(deferred).toEqual([
      expect.objectContaining({
        label: "reviews",
        path: ["product"],
        data: expect.objectContaining({
          reviews: expect.objectContaining({
            nodes: expect.any(Array) as unknown,
            pageInfo: expect.objectContaining({ hasNextPage: true }) as unknown,
          }) as unknown,
        }) as unknown,
      }),
    ]);
    const firstPage = (deferred[0]!.data.reviews as { nodes: { body: string }[] }).nodes;
    expect(firstPage).toHaveLength(5);
    expect(later.at(-1)!.hasNext).toBe(false);
    expect(later.flatMap((part) => part.errors ?? [])).toEqual([]);

    // The page shows those five reviews, with no query of its own for them.
    const reviews = page.locator(".review");
    for (const { body } of firstPage) await reviews.filter({ hasText: body }).waitFor();
    expect(await reviews.count()).toBe(5);
    expect(await page.getByText("Loading reviews…").count()).toBe(0);
    expect(operations.filter((name) => name === "ProductPage")).toHaveLength(1);
    expect(operations).not.toContain("ProductReviews");

    // "More reviews" fetches the next page with ProductReviews and appends it.
    const more = page.waitForRequest((request) => operationName(request) === "ProductReviews");
    await page.getByRole("button", { name: "More reviews" }).click();
    expect(((await more).postDataJSON() as { variables?: { after?: string } }).variables?.after).toBeTruthy();
    const sixth = blanket.bodies.find((body) => !firstPage.some((review) => review.body === body))!;
    await reviews.filter({ hasText: sixth }).waitFor();
    expect(await reviews.count()).toBe(6);
    expect(await page.getByRole("button", { name: "More reviews" }).count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
