import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { CARDS } from "@storefront/e2e";
import { executeOk } from "@storefront/testkit";
import type { Page } from "playwright-core";
import {
  addAddress,
  addToCart,
  fillCheckout,
  orderIdFromUrl,
  PASSWORD,
  placeOrder,
  searchAndOpen,
  signIn,
} from "./support/flows";
import { uniqueProduct } from "./support/fixtures";
import { startStorefront, type Storefront } from "./support/storefront";

let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront();
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

const product = (stock: number, noun: string) => uniqueProduct(shop, { stock, price: 1100, noun });

async function signedInCustomer(name: string) {
  const customer = await shop.platform.accounts.customer(name);
  const { context, page } = await shop.newPage();
  await signIn(page, customer.email, customer.password);
  return { customer, context, page };
}

const cartLine = (page: Page, name: string) => page.locator("tr.cart-line").filter({ hasText: name });

describe("cart", () => {
  it("changes quantities, explains a line that cannot be bought as it is, removes and empties", async () => {
    const teapot = await product(3, "Teapot");
    const cup = await product(5, "Cup");
    const { context, page } = await signedInCustomer("Carty Carol");
    await searchAndOpen(page, teapot.word, teapot.name);
    await addToCart(page);
    await searchAndOpen(page, cup.word, cup.name);
    await addToCart(page);

    await page.goto("/cart");
    await cartLine(page, teapot.name).getByLabel(`Quantity of ${teapot.name}`).selectOption("3");
    await expect.poll(() => page.locator(".badge").textContent()).toBe("4");
    // More than there is: refused with the CartError's reason, nothing changed.
    await cartLine(page, teapot.name).getByLabel(`Quantity of ${teapot.name}`).selectOption("5");
    await cartLine(page, teapot.name)
      .getByRole("alert")
      .filter({ hasText: "Only 3 left in stock." })
      .waitFor();

    // Stock falls under the line's quantity: the line is flagged, not dropped, and checkout waits.
    const admin = await shop.platform.accounts.admin();
    await executeOk(
      shop.platform.router.url,
      `mutation($v: ID!) { adjustStock(variantId: $v, delta: -2, reason: "breakage") { id } }`,
      {
        variables: { v: teapot.id },
        token: admin.token,
      },
    );
    await page.reload();
    await cartLine(page, teapot.name).getByText("Not enough stock:").waitFor();
    await page.getByText("Some items need your attention before you can check out.").waitFor();
    expect(await page.locator('[aria-disabled="true"]', { hasText: "Check out" }).count()).toBe(1);
    await cartLine(page, teapot.name).getByRole("button", { name: "Reduce to 1" }).click();
    await page.getByRole("link", { name: "Check out" }).waitFor();

    await cartLine(page, cup.name)
      .getByRole("button", { name: `Remove ${cup.name}` })
      .click();
    await cartLine(page, cup.name).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Empty cart" }).click();
    await page.getByText("Your cart is empty.").waitFor();
    await context.close();
  });
});

describe("reviews", () => {
  it("a signed-in customer reviews a product once; a second review is refused with the ReviewError's message", async () => {
    const kettle = await product(2, "Kettle");
    const { context, page } = await signedInCustomer("Reviewing Rae");
    await searchAndOpen(page, kettle.word, kettle.name);
    await page.getByText("No reviews yet").first().waitFor();
    await page.getByRole("radio", { name: "4 stars" }).check();
    await page.getByLabel("Title (optional)").fill("Boils fast");
    await page.getByLabel("Your review").fill("Quiet, quick and easy to pour.");
    await page.getByRole("button", { name: "Publish review" }).click();
    await page.getByText("Thank you — your review is published.").waitFor();
    await page.locator(".review").filter({ hasText: "Quiet, quick and easy to pour." }).waitFor();
    await page.getByRole("img", { name: "4 out of 5 stars, 1 review" }).first().waitFor();

    await page.reload();
    await page.getByRole("radio", { name: "2 stars" }).check();
    await page.getByLabel("Your review").fill("Changed my mind.");
    await page.getByRole("button", { name: "Publish review" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /already/i })
      .first()
      .waitFor();
    await context.close();
  });

  it("guests are invited to sign in instead of seeing the form", async () => {
    const lamp = await product(2, "Lamp");
    const { context, page } = await shop.newPage();
    await page.goto("/");
    await searchAndOpen(page, lamp.word, lamp.name);
    await page.getByRole("link", { name: "Sign in" }).filter({ hasText: "Sign in" }).last().waitFor();
    expect(await page.getByRole("button", { name: "Publish review" }).count()).toBe(0);
    await context.close();
  });
});

describe("passwords", () => {
  // Spaces at either end are part of a password: the users service compares it as given.
  const spaced = `${PASSWORD} `;

  it("a password ending with a space, set through the users API, signs in on the web as typed", async () => {
    const email = `spacey-${randomUUID()}@example.com`;
    const { register } = await executeOk<{ register: { __typename: string } }>(
      shop.platform.users.url,
      `mutation($i: RegisterInput!) { register(input: $i) { __typename } }`,
      { variables: { i: { email, password: spaced, name: "Spacey Sam" } } },
    );
    expect(register.__typename).toBe("AuthSession");

    const { context, page } = await shop.newPage();
    // Without its space it is another password.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("button", { name: /Sign out/ }).count()).toBe(0);
    await signIn(page, email, spaced);
    await context.close();
  });

  it("a password ending with a space, chosen on the web, is the one the users API knows", async () => {
    const email = `tess-${randomUUID()}@example.com`;
    const { context, page } = await shop.newPage();
    await page.goto("/register");
    await page.getByLabel("Name", { exact: true }).fill("Trailing Tess");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(spaced);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: /Sign out/ }).waitFor();
    const login = (password: string) =>
      executeOk<{ login: { __typename: string } }>(
        shop.platform.users.url,
        `mutation($i: LoginInput!) { login(input: $i) { __typename } }`,
        { variables: { i: { email, password } } },
      ).then((data) => data.login.__typename);
    expect(await login(spaced)).toBe("AuthSession");
    expect(await login(PASSWORD)).toBe("AuthError");
    await context.close();
  });
});

describe("address book", () => {
  const card = (page: Page, name: string) => page.locator(".address-card").filter({ hasText: name });

  it("adds, edits, makes default and removes addresses, and checks out to a saved one", async () => {
    const { context, page } = await signedInCustomer("Addie Address");
    await page.goto("/account");
    await page.getByText("No saved addresses yet.").waitFor();
    await addAddress(page, "Home Person", "Leeds");
    await addAddress(page, "Work Person", "York");
    await card(page, "Work Person").getByRole("button", { name: "Make default" }).click();
    await card(page, "Work Person").getByText("Default", { exact: true }).waitFor();
    expect(await card(page, "Home Person").getByText("Default", { exact: true }).count()).toBe(0);

    await card(page, "Home Person").getByRole("button", { name: /^Edit/ }).click();
    await page.getByRole("group", { name: "Edit address" }).getByLabel("Town or city").fill("Bath");
    await page.getByRole("button", { name: "Save address" }).click();
    await card(page, "Home Person").getByText("Bath").waitFor();

    await card(page, "Home Person")
      .getByRole("button", { name: /^Remove/ })
      .click();
    await card(page, "Home Person").waitFor({ state: "detached" });

    const vase = await product(2, "Vase");
    await searchAndOpen(page, vase.word, vase.name);
    await addToCart(page);
    await page.goto("/checkout");
    await page.getByRole("radio", { name: /Work Person/ }).waitFor();
    expect(await page.getByRole("radio", { name: /Work Person/ }).isChecked()).toBe(true);
    await fillCheckout(page, CARDS.ok);
    await placeOrder(page);
    await orderIdFromUrl(page);
    await page.locator("address").filter({ hasText: "Work Person" }).waitFor();

    // Signing out ends the session here and at the server, and survives a reload.
    await page.getByRole("button", { name: /Sign out/ }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("storefront.refreshToken"))).toBeNull();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sign in to see this order" }).waitFor();
    await context.close();
  });
});
