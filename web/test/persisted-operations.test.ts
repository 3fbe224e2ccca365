/**
 * The production build calls the router with persisted operation ids only. The router of this run
 * knows the `web` client (safelisted to schema/persisted/web.json) from a clients file written by
 * the test setup; production needs the same entry in the router's CLIENTS_FILE.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARDS } from "@storefront/e2e";
import {
  addToCart,
  fillCheckout,
  orderIdFromUrl,
  placeOrder,
  register,
  searchAndOpen,
} from "./support/flows";
import { uniqueProduct } from "./support/fixtures";
import { TEST_API_KEY } from "./support/keys";
import { startWebServer } from "../serve";
import { startStorefront, type Storefront } from "./support/storefront";

const manifest = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../schema/persisted/web.json"), "utf8"),
) as { operations: { id: string; name: string }[] };
const idsByName = new Map(manifest.operations.map((operation) => [operation.name, operation.id]));

let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront();
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

interface SentOperation {
  operationName?: string;
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: string } };
  apiKey: string | undefined;
}

describe("persisted operations", () => {
  it("the production build sends only persisted operation ids", async () => {
    const mug = await uniqueProduct(shop, { stock: 4, price: 700, noun: "Mug" });
    const { context, page } = await shop.newPage();
    const posts: SentOperation[] = [];
    page.on("request", (request) => {
      if (request.method() !== "POST" || !request.url().endsWith("/graphql")) return;
      posts.push({
        ...(request.postDataJSON() as Omit<SentOperation, "apiKey">),
        apiKey: request.headers()["x-api-key"],
      });
    });
    const subscribes: { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: string } } }[] = [];
    page.on("websocket", (socket) =>
      socket.on("framesent", ({ payload }) => {
        const message = JSON.parse(String(payload)) as {
          type: string;
          payload?: (typeof subscribes)[number];
        };
        if (message.type === "subscribe" && message.payload) subscribes.push(message.payload);
      }),
    );

    // A tour that touches queries, mutations and the subscription.
    await page.goto("/");
    await page.locator(".product-card").first().waitFor();
    await searchAndOpen(page, mug.word, mug.name);
    await page.getByRole("heading", { name: "Reviews" }).waitFor();
    await addToCart(page);
    await page.goto("/register?next=%2Fcheckout");
    await register(page, "Ida Only", `ida-${randomUUID()}@example.com`);
    await fillCheckout(page, CARDS.ok);
    await placeOrder(page);
    await orderIdFromUrl(page);
    await page.locator('.order-meta [data-status="PAID"]').waitFor();
    await page.getByRole("link", { name: "Orders" }).click();
    await page.getByRole("heading", { level: 1, name: "Your orders" }).waitFor();

    const names = new Set(posts.map((post) => post.operationName));
    for (const expected of [
      "Cart",
      "Categories",
      "SearchProducts",
      "ProductPage",
      "AddToCart",
      "Register",
      "Checkout",
    ]) {
      expect(names).toContain(expected);
    }
    for (const post of posts) {
      expect(post.query, `${post.operationName} sent its text`).toBeUndefined();
      expect(post.extensions?.persistedQuery?.sha256Hash).toBe(idsByName.get(post.operationName ?? ""));
      expect(post.apiKey).toBe(TEST_API_KEY);
    }
    await expect.poll(() => subscribes.length).toBeGreaterThan(0);
    for (const subscribe of subscribes) {
      expect(subscribe.query).toBe("");
      expect(subscribe.extensions?.persistedQuery?.sha256Hash).toBe(idsByName.get("OrderStatusChanged"));
    }
    await context.close();
  });

  it("the dev server (npm start) sends operation text and no API key", async () => {
    const dev = await startWebServer({
      port: 0,
      routerUrl: new URL(shop.platform.router.url).origin,
      mode: "dev",
    });
    try {
      const context = await shop.browser.newContext({ baseURL: dev.url });
      const page = await context.newPage();
      const posts: SentOperation[] = [];
      page.on("request", (request) => {
        if (request.method() !== "POST" || !request.url().endsWith("/graphql")) return;
        posts.push({
          ...(request.postDataJSON() as Omit<SentOperation, "apiKey">),
          apiKey: request.headers()["x-api-key"],
        });
      });
      await page.goto("/");
      await page.locator(".product-card").first().waitFor({ timeout: 30_000 });
      expect(posts.length).toBeGreaterThan(0);
      for (const post of posts) {
        expect(post.query).toEqual(expect.stringContaining(`${post.operationName}`));
        expect(post.extensions?.persistedQuery).toBeUndefined();
        expect(post.apiKey).toBeUndefined();
      }
      await context.close();
    } finally {
      await dev.close();
    }
  });
});
