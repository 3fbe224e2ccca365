import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARDS, DOMESTIC_OPTION } from "@storefront/e2e";
import {
  addToCart,
  fillCheckout,
  orderIdFromUrl,
  placeOrder,
  register,
  searchAndOpen,
  shippingOption,
  signIn,
} from "./support/flows";
import { uniqueProduct } from "./support/fixtures";
import { expectFitsScreen, useWideFallbackFont, watchForPageErrors } from "./support/page-checks";
import { PHONE, screenshot, startStorefront, type Storefront } from "./support/storefront";

let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront();
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

/** A product of this test alone, so stock and search results are its own. */
const productOfThisTest = () => uniqueProduct(shop, { stock: 5, price: 1250, noun: "Teapot" });

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
    // Screen readers hear the result count change, not the whole grid read out again.
    expect(await page.locator('[aria-live="polite"] .result-count').count()).toBe(1);
    expect(await page.locator("[aria-live] .product-grid").count()).toBe(0);
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
    // Announced once, as an alert: not also by a live region around it.
    expect(await page.locator('[aria-live] [role="alert"]').count()).toBe(0);
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

  it("checkout only ever sends a shipping option of the address it sends", async () => {
    const product = await productOfThisTest();
    const customer = await shop.platform.accounts.customer("Roving Rosa");
    const { context, page } = await shop.newPage();
    const checkouts: { shippingAddress?: { country?: string }; shippingOptionId?: string }[] = [];
    page.on("request", (request) => {
      if (request.method() !== "POST" || !request.url().endsWith("/graphql")) return;
      const body = request.postDataJSON() as {
        operationName?: string;
        variables?: { input?: (typeof checkouts)[number] };
      };
      if (body.operationName === "Checkout") checkouts.push(body.variables?.input ?? {});
    });
    // The shipping service's answers for two countries are made up: nothing ships to Australia,
    // and Ireland is offered only FedEx Ground, which the real table sells at home only (as an
    // out-of-date quote would).
    await page.route("**/graphql", async (route) => {
      const request = route.request();
      const body =
        request.method() === "POST"
          ? (request.postDataJSON() as {
              operationName?: string;
              variables?: { address?: { country?: string } };
            })
          : undefined;
      const country =
        body?.operationName === "ShippingOptions" ? body.variables?.address?.country : undefined;
      if (country === "AU") return route.fulfill({ json: { data: { shippingOptions: [] } } });
      if (country === "IE") {
        return route.fulfill({
          json: {
            data: {
              shippingOptions: [
                {
                  __typename: "ShippingOption",
                  id: "fedex-ground",
                  carrier: "FedEx",
                  service: "Ground",
                  speed: "STANDARD",
                  price: { __typename: "Money", amount: 849, currency: "USD" },
                  estimatedDeliveryDays: { __typename: "DeliveryDays", min: 2, max: 5 },
                },
              ],
            },
          },
        });
      }
      return route.fallback();
    });
    await signIn(page, customer.email, customer.password);
    await searchAndOpen(page, product.word, product.name);
    await addToCart(page);
    await page.goto("/checkout");
    await fillCheckout(page, CARDS.ok);
    const newAddress = page.getByRole("group", { name: "New address" });
    const country = newAddress.getByLabel("Country");
    const options = page.getByRole("radiogroup", { name: "Shipping option" });
    // Postcodes are checked against the country's format: each move abroad takes a local one.
    const moveTo = async (code: string, postcode: string) => {
      await newAddress.getByLabel("Postcode").fill(postcode);
      await country.selectOption(code);
    };

    // Ireland: the only option offered is selected and sent, and refused; the refusal is shown
    // with the options and describes the group.
    await moveTo("IE", "D02 X285");
    await expect.poll(() => shippingOption(page, "fedex-ground").isChecked()).toBe(true);
    await placeOrder(page);
    const refusal = options.locator(".field-error");
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe("This shipping option is not available for this address.");
    expect(await options.getAttribute("aria-describedby")).toBe(await refusal.getAttribute("id"));
    expect(await options.getAttribute("aria-invalid")).toBe("true");
    expect(checkouts.map((input) => [input.shippingAddress?.country, input.shippingOptionId])).toEqual([
      ["IE", "fedex-ground"],
    ]);

    // Australia, where nothing ships: the option chosen for Ireland is not kept, nothing is sent.
    await moveTo("AU", "2000");
    await page.getByText("We cannot ship to this country yet.").waitFor();
    await placeOrder(page);
    await page.getByRole("alert").filter({ hasText: "Choose a shipping option." }).waitFor();
    expect(checkouts).toHaveLength(1);

    // Japan: UPS Ground does not go there; the cheapest option that does is selected and sent.
    await moveTo("JP", "100-0001");
    await options.waitFor();
    expect(await shippingOption(page, DOMESTIC_OPTION).count()).toBe(0);
    const cheapest = options.getByRole("radio").first();
    await expect.poll(() => cheapest.isChecked()).toBe(true);
    const cheapestId = await cheapest.getAttribute("value");
    await placeOrder(page);
    await orderIdFromUrl(page);
    await page.locator('.order-meta [data-status="PAID"]').waitFor();
    expect(checkouts).toHaveLength(2);
    expect(checkouts[1]).toMatchObject({ shippingAddress: { country: "JP" }, shippingOptionId: cheapestId });
    await context.close();
  });

  it("at phone width (375 × 812) the main pages fit the screen and the flow works", async () => {
    const product = await productOfThisTest();
    const { context, page } = await shop.newPage(PHONE);
    const pageErrors = watchForPageErrors(page);

    await page.goto("/");
    await page.locator(".product-card").first().waitFor();
    await expectFitsScreen(page, "The home page");
    await screenshot(page, "home-phone");

    // The navigation folds into a menu button.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Register" }).click();
    await register(page, "Phoebe Phone", `phoebe-${randomUUID()}@example.com`);
    await page.waitForURL((url) => url.pathname === "/");

    await searchAndOpen(page, product.word, product.name);
    await expectFitsScreen(page, "The product page");
    await screenshot(page, "product-phone");
    await addToCart(page);

    await page.goto("/cart");
    await page.getByRole("link", { name: product.name }).waitFor();
    await expectFitsScreen(page, "The cart");
    await screenshot(page, "cart-phone");

    await page.getByRole("link", { name: "Check out" }).click();
    await fillCheckout(page, CARDS.ok);
    await expectFitsScreen(page, "The checkout");
    await screenshot(page, "checkout-phone");
    await placeOrder(page);
    await orderIdFromUrl(page);
    await page.locator('.order-meta [data-status="PAID"]').waitFor();
    await page.getByTestId("tracking-number").waitFor({ timeout: 30_000 });
    await expectFitsScreen(page, "The order page");
    await screenshot(page, "order-phone");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("at phone width every main page fits the screen in a wide fallback font, with a long name and a big price", async () => {
    // One unbroken 40-letter word and a six-figure price: what a card, a cart line or an order line
    // must wrap or shrink around rather than push the page sideways.
    const product = await uniqueProduct(shop, {
      stock: 50,
      price: 12_345_678,
      noun: "Thermoregulatingmultifunctionalteapotset",
    });
    const customer = await shop.platform.accounts.customer("Maximiliana Wolfeschlegelsteinhausenberger");
    const order = await shop.platform.placeOrder(customer.token, product.id);
    const { context, page } = await shop.newPage(PHONE);
    await useWideFallbackFont(context);
    const pageErrors = watchForPageErrors(page);

    await page.goto("/");
    await page.locator(".product-card").filter({ hasText: product.word }).waitFor();
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector("h1")!).fontFamily),
      "the wide font is in use",
    ).toContain("DejaVu Sans Mono");
    await expectFitsScreen(page, "The home page");
    await screenshot(page, "home-phone-wide-font");
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Register" }).waitFor();
    await expectFitsScreen(page, "The home page with the menu open");

    await page.goto("/sign-in");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await expectFitsScreen(page, "The sign-in page");
    await page.goto("/register");
    await page.getByRole("heading", { level: 1, name: "Create an account" }).waitFor();
    await expectFitsScreen(page, "The register page");
    await page.goto("/sign-in");

    // Signed in from the form (the header's Sign out button is folded into the menu here).
    await page.getByLabel("Email").fill(customer.email);
    await page.getByLabel("Password").fill(customer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await searchAndOpen(page, product.word, product.name);
    await page.getByRole("button", { name: "Add to cart" }).waitFor();
    await expectFitsScreen(page, "The product page");
    await screenshot(page, "product-phone-wide-font");
    await page.goBack();
    await page.getByRole("link", { name: product.name }).waitFor();
    await expectFitsScreen(page, "The search results");
    await page.goForward();
    await addToCart(page);

    await page.goto("/cart");
    await page.getByRole("link", { name: product.name }).waitFor();
    await expectFitsScreen(page, "The cart");
    await screenshot(page, "cart-phone-wide-font");
    await page.getByRole("link", { name: "Check out" }).click();
    await fillCheckout(page, CARDS.ok);
    await expectFitsScreen(page, "The checkout");
    await screenshot(page, "checkout-phone-wide-font");

    await page.goto("/orders");
    await page.getByRole("heading", { level: 1, name: "Your orders" }).waitFor();
    await page.locator(`a[href="/orders/${order.id}"]`).waitFor();
    await expectFitsScreen(page, "The order list");
    await page.goto(`/orders/${order.id}`);
    await page.locator(".order-lines").getByText(product.name).waitFor();
    await page.locator(".order-meta [data-status]").first().waitFor();
    await expectFitsScreen(page, "The order page");
    await screenshot(page, "order-phone-wide-font");
    await page.goto("/account");
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await page.getByText("No saved addresses yet.").waitFor();
    await expectFitsScreen(page, "The account page");
    await screenshot(page, "account-phone-wide-font");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
