import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADDRESS, CARDS, startStorefrontProcess, type StorefrontProcess } from "@storefront/e2e";
import type { Browser, Page } from "playwright-core";
import { fillCheckout, orderIdFromUrl, placeOrder, signIn } from "./support/flows";
import { watchForPageErrors } from "./support/page-checks";
import { DESKTOP, launchChromium, screenshot } from "./support/storefront";

/**
 * A newcomer's first minutes: `npm start` on a fresh data folder (as the README says; a free
 * PORT_OFFSET so it runs beside anything else), then in Chromium the home page, sign-in with the
 * customer account it printed, a checkout with 4242 4242 4242 4242 and the order page reaching
 * PAID — and a sign-in again once the signing keys have been reloaded, where the embedded
 * default used to lock up.
 */
const KEY_RELOAD_SECONDS = 3;
let shop: StorefrontProcess;
let browser: Browser;

beforeAll(async () => {
  shop = await startStorefrontProcess({
    env: {
      SIGNING_KEY_REFRESH_SECONDS: String(KEY_RELOAD_SECONDS),
      JWKS_CACHE_SECONDS: String(KEY_RELOAD_SECONDS),
    },
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await shop?.stop();
}, 60_000);

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Sign out/ }).click();
  await page.getByRole("link", { name: "Sign in" }).first().waitFor();
}

describe("a newcomer's first run of npm start", () => {
  it("home page, sign-in with the printed account, checkout with 4242, order PAID, sign-in again later", async () => {
    const customer = shop.accounts.find((account) => account.role === "CUSTOMER");
    expect(customer, `npm start printed no customer account:\n${shop.output().slice(-2000)}`).toBeDefined();
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: shop.webUrl });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const pageErrors = watchForPageErrors(page);

    await page.goto("/");
    await page.locator(".product-card").first().waitFor();
    await screenshot(page, "newcomer-home");

    await signIn(page, customer!.email, customer!.password);
    await page.goto("/");
    await page.locator(".product-card a").first().click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Added to your cart.").waitFor();

    await page.goto("/checkout");
    await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor();
    const firstOption = page.getByRole("radiogroup", { name: "Shipping option" }).getByRole("radio").first();
    // A saved address of the seeded customer, or the test address, decides the options offered.
    await page
      .getByRole("group", { name: "New address" })
      .or(page.getByText(ADDRESS.line1))
      .first()
      .waitFor();
    await fillCheckout(page, CARDS.ok, {
      shippingOptionId: (await firstOption.getAttribute("value")) ?? "",
      cardNumberAsTyped: "4242 4242 4242 4242",
    });
    await placeOrder(page);
    await orderIdFromUrl(page);
    await page.locator('.order-meta [data-status="PAID"]').waitFor();
    await screenshot(page, "newcomer-order");

    // Past the signing keys' reload (and the verifiers' key cache), sign out and in again.
    await signOut(page);
    await new Promise((resolve) => setTimeout(resolve, (KEY_RELOAD_SECONDS + 1) * 1000));
    await signIn(page, customer!.email, customer!.password);
    await page.goto("/orders");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator('[data-status="PAID"]').first().waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
