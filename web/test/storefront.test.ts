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
  signIn,
} from "./support/flows";
import { horizontalOverflow, watchForPageErrors } from "./support/page-checks";
import { PHONE, screenshot, startStorefront, type Storefront } from "./support/storefront";

let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront();
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

/** A product of this test alone, so stock and search results are its own. */
async function productOfThisTest(stock = 5) {
  const word = `Zephyr${randomUUID().slice(0, 6).replace(/\d/g, "x")}`;
  const name = `${word} Teapot`;
  await shop.platform.variantWithStock(stock, 1250, name);
  return { word, name };
}

describe("the storefront, production build, through the router", () => {
  it("a guest browses and searches, buys as a new customer, and follows the order to its shipment", async () => {
    const product = await productOfThisTest();
    const { context, page } = await shop.newPage();
    const pageErrors = watchForPageErrors(page);

    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "New in" }).waitFor();
    await page.locator(".product-card").first().waitFor();
    await screenshot(page, "home-desktop");

    // Category navigation: the tree's links filter the product list.
    await page
      .getByRole("navigation", { name: "Categories" })
      .getByRole("link", { name: "Footwear" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Footwear" }).waitFor();
    await page.locator(".product-card").first().waitFor();
    expect(await page.locator(".product-card").count()).toBeGreaterThan(0);
    // Filters and sorting are applied through the URL.
    await page.getByLabel("Sort by").selectOption("PRICE_ASC");
    await page.getByLabel("In stock only").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/sort=PRICE_ASC/);
    await page.locator(".product-card").first().waitFor();
    // The grid pages with the connection's cursor: the next page is appended.
    await page
      .getByRole("navigation", { name: "Categories" })
      .getByRole("link", { name: "Clothing" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Clothing" }).waitFor();
    await expect.poll(() => page.locator(".product-card").count()).toBe(12);
    await page.getByRole("button", { name: "Load more products" }).click();
    await expect.poll(() => page.locator(".product-card").count()).toBeGreaterThan(12);

    await searchAndOpen(page, product.word, product.name);
    await page.getByText("In stock").first().waitFor();
    await screenshot(page, "product-desktop");
    await addToCart(page);
    await expect.poll(() => page.locator(".badge").textContent()).toBe("1");
    const guestCartToken = await page.evaluate(() => localStorage.getItem("storefront.cartToken"));
    expect(guestCartToken).toBeTruthy();

    await page.getByRole("link", { name: /Cart/ }).click();
    await page.getByRole("heading", { level: 1, name: "Your cart" }).waitFor();
    await page.getByRole("link", { name: product.name }).waitFor();
    await screenshot(page, "cart-desktop");

    // Registering keeps the guest's cart: it is merged and its token forgotten.
    await page.getByRole("link", { name: "Sign in to check out" }).click();
    await page.getByRole("link", { name: "Create an account" }).click();
    await register(page, "Grace Shopper", `grace-${randomUUID()}@example.com`);
    await page.waitForURL(/\/checkout$/);
    await page.getByText(`1 × ${product.name}`).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("storefront.cartToken"))).toBeNull();

    await fillCheckout(page, CARDS.ok);
    await screenshot(page, "checkout-desktop");
    await placeOrder(page);
    await orderIdFromUrl(page);
    await page.locator('.order-meta [data-status="PAID"]').waitFor();
    await page.getByText("VISA ending 4242").waitFor();
    // The shipment is made from the AMQP request shortly after payment.
    const tracking = page.getByTestId("tracking-number");
    await tracking.waitFor({ timeout: 30_000 });
    expect(await tracking.textContent()).toMatch(/^1Z\d{16}$/);
    await screenshot(page, "order-desktop");

    // The cart was emptied by the checkout.
    await expect.poll(() => page.locator(".badge").textContent()).toBe("0");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("a declined card shows the decline, charges nothing and leaves the cart as it was", async () => {
    const product = await productOfThisTest();
    const customer = await shop.platform.accounts.customer("Declined Dora");
    const { context, page } = await shop.newPage();
    await signIn(page, customer.email, customer.password);
    await searchAndOpen(page, product.word, product.name);
    await addToCart(page);
    await page.goto("/checkout");
    await fillCheckout(page, CARDS.declined);
    await placeOrder(page);
    const alert = page.getByRole("alert").filter({ hasText: "Your card was declined." });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Nothing was charged");
    expect(page.url()).toMatch(/\/checkout$/);

    await page.getByRole("link", { name: /Cart/ }).click();
    await page.getByRole("link", { name: product.name }).waitFor();
    await expect.poll(() => page.locator(".badge").textContent()).toBe("1");
    await context.close();
  });

  it("checkout shows BAD_USER_INPUT errors next to the field they name", async () => {
    const product = await productOfThisTest();
    const customer = await shop.platform.accounts.customer("Typo Tom");
    const { context, page } = await shop.newPage();
    await signIn(page, customer.email, customer.password);
    await searchAndOpen(page, product.word, product.name);
    await addToCart(page);
    await page.goto("/checkout");
    await fillCheckout(page, CARDS.ok);
    await page.getByLabel("Expiry year (YYYY)").fill("2001");
    await placeOrder(page);
    await page.getByText("The card has expired.").first().waitFor();
    expect(await page.getByLabel("Expiry year (YYYY)").getAttribute("aria-invalid")).toBe("true");
    await context.close();
  });

  it("at phone width (375 × 812) the main pages fit the screen and the flow works", async () => {
    const product = await productOfThisTest();
    const { context, page } = await shop.newPage(PHONE);
    const pageErrors = watchForPageErrors(page);

    await page.goto("/");
    await page.locator(".product-card").first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "home-phone");

    // The navigation folds into a menu button.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Register" }).click();
    await register(page, "Phoebe Phone", `phoebe-${randomUUID()}@example.com`);
    await page.waitForURL((url) => url.pathname === "/");

    await searchAndOpen(page, product.word, product.name);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "product-phone");
    await addToCart(page);

    await page.goto("/cart");
    await page.getByRole("link", { name: product.name }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "cart-phone");

    await page.getByRole("link", { name: "Check out" }).click();
    await fillCheckout(page, CARDS.ok);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "checkout-phone");
    await placeOrder(page);
    await orderIdFromUrl(page);
    await page.locator('.order-meta [data-status="PAID"]').waitFor();
    await page.getByTestId("tracking-number").waitFor({ timeout: 30_000 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "order-phone");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
