/**
 * Access tokens live 4 seconds here: the page must renew them with the refresh token (before
 * they expire, and after a request is refused as expired) without the user noticing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADDRESS } from "@storefront/e2e";
import type { Page } from "playwright-core";
import { addAddress, addToCart, searchAndOpen, signIn } from "./support/flows";
import { uniqueProduct } from "./support/fixtures";
import { watchForPageErrors } from "./support/page-checks";
import { startStorefront, type Storefront } from "./support/storefront";

const TTL_SECONDS = 4;
let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront({ platform: { usersEnv: { ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) } } });
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

function countOperations(page: Page) {
  const counts = new Map<string, number>();
  page.on("request", (request) => {
    if (request.method() !== "POST" || !request.url().endsWith("/graphql")) return;
    const name = (request.postDataJSON() as { operationName?: string }).operationName ?? "";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return (name: string) => counts.get(name) ?? 0;
}

describe("token refresh", () => {
  it("keeps a signed-in page working across several access-token lifetimes", async () => {
    const customer = await shop.platform.accounts.customer("Renewing Rita");
    const { context, page } = await shop.newPage();
    const pageErrors = watchForPageErrors(page);
    const operations = countOperations(page);
    await signIn(page, customer.email, customer.password);
    await page.goto("/account");
    await addAddress(page, ADDRESS.fullName, "Cambridge");

    await page.waitForTimeout((TTL_SECONDS * 2 + 1) * 1000);
    // Still signed in, and authenticated operations still work.
    await page.goto("/account");
    await addAddress(page, ADDRESS.fullName, "Oxford");
    await page.reload();
    await page.getByText("Oxford").first().waitFor();
    await page.getByRole("button", { name: /Sign out/ }).waitFor();
    expect(operations("Refresh")).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(pageErrors.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();
  });

  it("a request refused as expired is refreshed and sent again once", async () => {
    const kettle = await uniqueProduct(shop, { stock: 3, price: 900, noun: "Kettle" });
    const customer = await shop.platform.accounts.customer("Sleepy Sid");
    const { context, page } = await shop.newPage();
    // The page's clock stands an hour back: it believes its token is fresh and schedules no
    // refresh, so only the router's "expired" answer can make it renew (timers still run).
    await page.clock.setFixedTime(new Date(Date.now() - 3_600_000));
    const operations = countOperations(page);
    const refused: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/graphql") && response.status() === 401) refused.push(response.status());
    });
    await signIn(page, customer.email, customer.password);
    await page.waitForTimeout((TTL_SECONDS + 1) * 1000);

    await searchAndOpen(page, kettle.word, kettle.name);
    await addToCart(page);
    await page.goto("/cart");
    await page.getByRole("link", { name: kettle.name }).waitFor();
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(operations("Refresh")).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    await context.close();
  });
});
