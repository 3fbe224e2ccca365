import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeOk, waitFor } from "@storefront/testkit";
import type { Page, Route } from "playwright-core";
import { PASSWORD, searchAndOpen, signIn } from "./support/flows";
import { startStorefront, type Storefront } from "./support/storefront";

let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront();
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

async function adminPage() {
  const admin = await shop.platform.accounts.admin("Admin Ada");
  const { context, page } = await shop.newPage();
  await signIn(page, admin.email, admin.password);
  return { admin, context, page };
}

describe("admin area", () => {
  it("is hidden from customers and refused to them", async () => {
    const customer = await shop.platform.accounts.customer("Curious Cat");
    const { context, page } = await shop.newPage();
    await signIn(page, customer.email, customer.password);
    expect(
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).count(),
    ).toBe(0);
    await page.goto("/admin/shipments");
    await page.getByRole("heading", { level: 1, name: "Not allowed" }).waitFor();
    await context.close();
  });

  it("creates a product, edits it, adds a variant, receives and adjusts stock, reads the ledger, archives it", async () => {
    const { admin, context, page } = await adminPage();
    const word = `Admino${randomUUID().slice(0, 6).replace(/\d/g, "m")}`;
    await page.goto("/admin");
    await page.getByRole("button", { name: "New product" }).click();
    const create = page.getByRole("form", { name: "New product" });
    await create.getByLabel("SKU").fill(word.toUpperCase());
    await create.getByLabel("Name").fill(`${word} Draft`);
    await create.getByLabel("Price (USD)").fill("19.99");
    await create.getByRole("button", { name: "Create product" }).click();
    await page.getByRole("heading", { level: 1, name: `${word} Draft` }).waitFor();

    const edit = page.getByRole("form", { name: "Edit product" });
    await edit.getByLabel("Name").fill(`${word} Lantern`);
    await edit.getByLabel("Price (USD)").fill("24.50");
    await edit.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { level: 1, name: `${word} Lantern` }).waitFor();
    // The editor outlives the save (the product's new name and price come back into the cache):
    // its notice is shown, in the status region, and the inputs hold what was saved.
    await edit.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    expect(await edit.getByLabel("Name").inputValue()).toBe(`${word} Lantern`);
    expect(await edit.getByLabel("Price (USD)").inputValue()).toBe("24.50");

    const variant = page.getByRole("form", { name: "New variant" });
    await variant.getByLabel("Variant SKU").fill(`${word.toUpperCase()}-S`);
    await variant.getByLabel("Variant name").fill("Small");
    await variant.getByRole("button", { name: "Add variant" }).click();
    await page.getByRole("heading", { level: 3, name: /Small/ }).waitFor();

    const receive = page.getByRole("form", { name: "Receive stock of Small" });
    await receive.getByLabel("Units received").fill("10");
    await receive.getByRole("button", { name: "Receive" }).click();
    await expect.poll(() => page.getByTestId("stock-on-hand").textContent()).toBe("10");
    const adjust = page.getByRole("form", { name: "Adjust stock of Small" });
    await adjust.getByLabel("Change (negative for losses)").fill("-3");
    await adjust.getByLabel("Reason").fill("damaged in the warehouse");
    await adjust.getByRole("button", { name: "Adjust" }).click();
    await expect.poll(() => page.getByTestId("stock-on-hand").textContent()).toBe("7");
    await page.getByText("Stock movements").click();
    await page.getByRole("cell", { name: "ADJUSTMENT" }).waitFor();
    await page.getByRole("cell", { name: "RECEIPT" }).waitFor();
    expect(await page.getByRole("cell", { name: "-3", exact: true }).count()).toBe(1);

    // On sale in the shop now, at the new price.
    const shopper = await shop.newPage();
    await shopper.page.goto("/");
    await searchAndOpen(shopper.page, word, `${word} Lantern`);
    await shopper.page.getByText("$24.50").first().waitFor();

    // Changed elsewhere (another tab, the API): when the page fetches the product again (adding a
    // variant does), the editor's inputs follow it.
    const productId = new URL(page.url()).pathname.split("/").pop()!;
    await executeOk(
      shop.platform.router.url,
      `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`,
      { variables: { id: productId, input: { priceAmount: 2600 } }, token: admin.token },
    );
    await variant.getByLabel("Variant SKU").fill(`${word.toUpperCase()}-L`);
    await variant.getByLabel("Variant name").fill("Large");
    await variant.getByRole("button", { name: "Add variant" }).click();
    await page.getByRole("heading", { level: 3, name: /Large/ }).waitFor();
    await expect.poll(() => edit.getByLabel("Price (USD)").inputValue()).toBe("26.00");
    expect(await edit.getByLabel("Name").inputValue()).toBe(`${word} Lantern`);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Archive product" }).click();
    await page.getByText("Archived", { exact: true }).waitFor();
    await shopper.page.reload();
    await shopper.page.getByRole("heading", { level: 1, name: "Product not found" }).waitFor();
    await shopper.context.close();
    await context.close();
  });

  it("lists shipments by status and records a shipment exception", async () => {
    // A paid order, placed through the graph, gives a shipment.
    const variant = await shop.platform.variantWithStock(3, 1300);
    const customer = await shop.platform.accounts.customer();
    const url = shop.platform.router.url;
    const placed = await shop.platform.placeOrder(customer.token, variant.id);
    const admin = await shop.platform.accounts.admin();
    const { shipment } = await waitFor(
      () =>
        executeOk<{ order: { shipment: { trackingNumber: string } | null } }>(
          url,
          `query($id: ID!) { order(id: $id) { shipment { trackingNumber } } }`,
          { variables: { id: placed.id! }, token: admin.token },
        ).then((data) => ({ shipment: data.order.shipment })),
      (seen) => seen.shipment !== null,
    );

    const { context, page } = await adminPage();
    await page.goto("/admin/shipments");
    await page.getByLabel("Show").selectOption("LABEL_CREATED");
    const card = page.locator(`[data-tracking-number="${shipment!.trackingNumber}"]`);
    await card.waitFor();
    await card.getByRole("button", { name: "Report a problem" }).click();
    await card.getByLabel("What is holding it up?").fill("Address label smudged");
    await card.getByRole("button", { name: "Report exception" }).click();
    await card.getByText("Held up").waitFor();
    await card.getByText("Address label smudged").waitFor();
    await card.getByRole("button", { name: /^Resume journey/ }).waitFor();
    await context.close();
  });

  it("is reached from the main navigation and moved around in through its own, without a page load", async () => {
    const { context, page } = await adminPage();
    // Set in the page's JavaScript: a full page load would lose it.
    await page.evaluate(() => Object.assign(window, { samePageLoad: true }));
    await openAdminFromMainNav(page);

    const adminNav = page.getByRole("navigation", { name: "Admin" });
    await adminNav.getByRole("link", { name: "Shipments" }).click();
    await page.getByRole("heading", { level: 1, name: "Shipments" }).waitFor();
    await page.getByRole("button", { name: "Refresh" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/shipments");

    await adminNav.getByRole("link", { name: "Products and stock" }).click();
    await page.getByRole("heading", { level: 1, name: "Products and stock" }).waitFor();
    const firstProduct = page.locator(".admin-table tbody tr").first().getByRole("link");
    const productName = (await firstProduct.textContent())!;
    await firstProduct.click();
    await page.getByRole("heading", { level: 1, name: productName }).waitFor();
    await page.getByRole("form", { name: "Edit product" }).waitFor();
    await adminNav.waitFor();

    expect(await page.evaluate(() => "samePageLoad" in window)).toBe(true);
    await context.close();
  });

  it("keeps an administrator who follows the Admin link while signing in is still finishing", async () => {
    const admin = await shop.platform.accounts.admin("Hasty Hal");
    const { context, page } = await shop.newPage();
    // Signing in ends by fetching again, as the user, what the page had read as a guest (the
    // cart); it is held here until the administrator has moved on, as a slow router would.
    const held: Route[] = [];
    let holding = true;
    await page.route("**/graphql", async (route) => {
      const request = route.request();
      const body =
        request.method() === "POST" ? (request.postDataJSON() as { operationName?: string }) : undefined;
      if (holding && body?.operationName === "Cart" && request.headers().authorization) held.push(route);
      else await route.fallback();
    });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => held.length).toBeGreaterThan(0);

    await openAdminFromMainNav(page);
    holding = false;
    for (const route of held) await route.fallback();
    // Signing in has finished once the cart it fetched again is shown (the badge follows it)...
    await page.getByRole("button", { name: /Sign out/ }).waitFor();
    await page.waitForResponse(
      (response) =>
        (response.request().postDataJSON() as { operationName?: string } | null)?.operationName === "Cart",
    );
    // ...and the administrator is still where they went, and can carry on there.
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Shipments" }).click();
    await page.getByRole("heading", { level: 1, name: "Shipments" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/shipments");
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Products and stock" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin");
    await context.close();
  });

  it("says so when a part of it cannot be loaded, and loads it on Try again", async () => {
    const { context, page } = await adminPage();
    // The shipments page's code fails to arrive once (a dropped connection, a deploy in between).
    let failures = 0;
    await page.route(/\/assets\/AdminShipmentsPage-[^/]+\.js$/, async (route) => {
      if (failures++ === 0) await route.abort("connectionreset");
      else await route.fallback();
    });
    await openAdminFromMainNav(page);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Shipments" }).click();
    const problem = page.getByRole("alert").filter({ hasText: "could not be loaded" });
    await problem.waitFor();
    // The admin area's own navigation stays, and no spinner goes on for ever.
    await page.getByRole("navigation", { name: "Admin" }).waitFor();
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: /Loading/ })
        .count(),
    ).toBe(0);

    await problem.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { level: 1, name: "Shipments" }).waitFor();
    await page.getByRole("button", { name: "Refresh" }).waitFor();
    expect(failures).toBe(2);
    await context.close();
  });
});

/** Follows the main navigation's Admin link (client-side) and waits for the admin area. */
async function openAdminFromMainNav(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin" }).waitFor();
  await page.getByRole("heading", { level: 1, name: "Products and stock" }).waitFor();
  await page.locator(".admin-table tbody tr").first().waitFor();
  expect(new URL(page.url()).pathname).toBe("/admin");
}
