/**
 * The development graph explorer: GraphiQL at the router's own GraphQL path, in a real Chromium,
 * running a query over HTTP and a subscription over graphql-ws with a token from the headers
 * editor; in production the same visit gets the API's JSON refusal and no page.
 */
import { startPlatform, type Platform } from "@storefront/e2e";
import { startTestRouter } from "@storefront/router/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExplorerBuilt } from "../explorer/build";
import { launchChromium } from "./support/storefront";

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  await ensureExplorerBuilt();
  platform = await startPlatform();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** Replaces the text of a Monaco editor as a person would: focus, select all, type. */
async function replaceText(page: Page, editor: string, text: string) {
  await page.locator(editor).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

async function openExplorer() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(platform.router.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
  await page.locator(".graphiql-query-editor .monaco-editor").waitFor({ timeout: 60_000 });
  return { context, page };
}

const responseText = (page: Page) => page.locator(".graphiql-response").innerText();

describe("graph explorer in development", () => {
  it("loads at the router's GraphQL path, runs a query and shows the result", async () => {
    const { context, page } = await openExplorer();
    try {
      await replaceText(
        page,
        ".graphiql-query-editor .monaco-editor",
        "query Categories { categories { slug } }",
      );
      await page.getByRole("button", { name: /execute query/i }).click();
      await expect.poll(() => responseText(page), { timeout: 30_000 }).toContain('"categories"');
      expect(await responseText(page)).not.toContain('"errors"');
    } finally {
      await context.close();
    }
  });

  it("runs a subscription over graphql-ws with the token from the headers editor and shows its event", async () => {
    const customer = await platform.accounts.customer("Explorer Eve");
    const lamp = await platform.variantWithStock(3, 1200, "Explorer lamp");
    const order = await platform.placeOrder(customer.token, lamp.id);
    const orderId = order.id ?? order.order?.id;
    expect(orderId).toBeTruthy();

    const { context, page } = await openExplorer();
    try {
      const sockets: string[] = [];
      page.on("websocket", (socket) => sockets.push(socket.url()));
      await page.getByText("Headers", { exact: true }).click();
      await replaceText(
        page,
        '.graphiql-editor-tool .monaco-editor[data-uri$="headers.json"]',
        JSON.stringify({ authorization: `Bearer ${customer.token}` }),
      );
      // afterSequence 0: the order's changes so far come first, so an event arrives at once.
      await replaceText(
        page,
        ".graphiql-query-editor .monaco-editor",
        `subscription Track { orderStatusChanged(orderId: "${orderId}", afterSequence: 0) { orderId status } }`,
      );
      await page.getByRole("button", { name: /execute query/i }).click();
      await expect.poll(() => responseText(page), { timeout: 30_000 }).toContain('"orderStatusChanged"');
      expect(await responseText(page)).toContain(orderId!);
      expect(sockets).toEqual([platform.router.url.replace(/^http/, "ws")]);
    } finally {
      await context.close();
    }
  });
});

describe("graph explorer in production", () => {
  it("is never served: the visit gets the API's JSON refusal, and no assets exist", async () => {
    const production = await startTestRouter(
      [
        { name: "users", url: platform.users.url },
        { name: "catalogue", url: platform.catalogue.url },
      ],
      {
        env: {
          NODE_ENV: "production",
          JWKS_URL: new URL("/.well-known/jwks.json", platform.users.url).toString(),
        },
      },
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(production.url);
      expect(response?.headers()["content-type"]).toMatch(/json/);
      expect(await page.locator(".graphiql-container").count()).toBe(0);
      const body = JSON.parse(await response!.text()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBeTruthy();

      const development = await (
        await fetch(platform.router.url, { headers: { accept: "text/html" } })
      ).text();
      const asset = /src="(\/explorer\/[^"]+\.js)"/.exec(development)?.[1];
      expect(asset).toBeTruthy();
      expect((await fetch(new URL(asset!, platform.router.url))).status).toBe(200);
      expect((await fetch(new URL(asset!, production.url))).status).toBe(404);
    } finally {
      await context.close();
      await production.stop();
    }
  });
});
