import { expect } from "vitest";
import { ADDRESS, checkoutInput, DOMESTIC_OPTION } from "@storefront/e2e";
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

/**
 * Fills the checkout as `@storefront/e2e`'s API checkouts are made: its test address (unless a
 * saved one is chosen), its domestic shipping option (or another), and the given card (one of
 * its `CARDS`, optionally typed as a person would, with spaces) with its expiry and security code.
 */
export async function fillCheckout(
  page: Page,
  cardNumber: string,
  options: { shippingOptionId?: string; cardNumberAsTyped?: string } = {},
) {
  const { card } = checkoutInput(cardNumber);
  await page.getByRole("heading", { level: 1, name: "Checkout" }).waitFor();
  const address = page.getByRole("group", { name: "New address" });
  if (await address.count()) {
    await address.getByLabel("Full name").fill(ADDRESS.fullName);
    await address.getByLabel("Address line 1").fill(ADDRESS.line1);
    await address.getByLabel("Town or city").fill(ADDRESS.city);
    await address.getByLabel("Postcode").fill(ADDRESS.postalCode);
    await address.getByLabel("Country").selectOption(ADDRESS.country);
  }
  await shippingOption(page, options.shippingOptionId ?? DOMESTIC_OPTION).check();
  await page.getByLabel("Card number").fill(options.cardNumberAsTyped ?? card.number);
  await page.getByLabel("Expiry month (MM)").fill(String(card.expMonth));
  await page.getByLabel("Expiry year (YYYY)").fill(String(card.expYear));
  await page.getByLabel("Security code").fill(card.cvc);
}

/** The checkout's radio for a shipping option, by the option's id. */
export function shippingOption(page: Page, id: string) {
  return page
    .getByRole("radiogroup", { name: "Shipping option" })
    .getByRole("radio")
    .and(page.locator(`[value="${id}"]`));
}

/**
 * Adds an address on the account page (open there): `@storefront/e2e`'s test address under the
 * given name and town. Waits for its card in the address book.
 */
export async function addAddress(page: Page, fullName: string, city: string) {
  await page.getByRole("button", { name: "Add an address" }).click();
  const form = page.getByRole("group", { name: "New address" });
  await form.getByLabel("Full name").fill(fullName);
  await form.getByLabel("Address line 1").fill(ADDRESS.line1);
  await form.getByLabel("Town or city").fill(city);
  await form.getByLabel("Postcode").fill(ADDRESS.postalCode);
  await form.getByLabel("Country").selectOption(ADDRESS.country);
  await page.getByRole("button", { name: "Save address" }).click();
  await page.locator(".address-card").filter({ hasText: fullName }).filter({ hasText: city }).waitFor();
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
