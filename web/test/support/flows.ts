import { expect } from "vitest";
import type { Page } from "playwright-core";

export const PASSWORD = "correct horse battery";

export async function expectText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor();
}

/** Opens a product by searching for it with the header's search box. */
export async function searchAndOpen(page: Page, query: string, productName: string) {
  await page.getByRole("search").getByLabel("Search products").fill(query);
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await page.getByRole("heading", { level: 1, name: `Results for “${query}”` }).waitFor();
  await page.getByRole("link", { name: productName }).click();
  await page.getByRole("heading", { level: 1, name: productName }).waitFor();
}

export async function addToCart(page: Page) {
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByText("Added to your cart.").waitFor();
}

export async function register(page: Page, name: string, email: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /Sign out/ }).waitFor();
}

/** Fills the checkout with a new GB address, UPS Ground and the given card. */
export async function fillCheckout(page: Page, card: string) {
  await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor();
  const address = page.getByRole("group", { name: "New address" });
  if (await address.count()) {
    await address.getByLabel("Full name").fill("Ada Lovelace");
    await address.getByLabel("Address line 1").fill("12 Analytical Way");
    await address.getByLabel("Town or city").fill("London");
    await address.getByLabel("Postcode").fill("N1 9GU");
    await address.getByLabel("Country").selectOption("GB");
  }
  await page.getByRole("radio", { name: /UPS Ground/ }).check();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry month (MM)").fill("12");
  await page.getByLabel("Expiry year (YYYY)").fill("2030");
  await page.getByLabel("Security code").fill("123");
}

export async function placeOrder(page: Page) {
  await page.getByRole("button", { name: "Place order and pay" }).click();
}

export async function orderIdFromUrl(page: Page): Promise<string> {
  await page.waitForURL(/\/orders\/[^/]+$/);
  const id = new URL(page.url()).pathname.split("/").pop();
  expect(id).toBeTruthy();
  return id!;
}
