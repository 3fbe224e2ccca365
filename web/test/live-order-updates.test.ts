/**
 * Live order tracking over the router's graphql-ws subscriptions (`orderStatusChanged`). These
 * tests depend on the router serving federated subscriptions: if they fail while the rest pass,
 * look at the router's WebSocket transport first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARDS } from "@storefront/e2e";
import type { Page, WebSocketRoute } from "playwright-core";
import { addToCart, fillCheckout, orderIdFromUrl, placeOrder, searchAndOpen, signIn } from "./support/flows";
import { uniqueProduct } from "./support/fixtures";
import { startStorefront, type Storefront } from "./support/storefront";

let shop: Storefront;

beforeAll(async () => {
  shop = await startStorefront();
}, 240_000);

afterAll(async () => {
  await shop?.stop();
});

/** A signed-in customer's paid order, open on its page with the shipment shown. */
async function paidOrderPage(page: Page) {
  const lamp = await uniqueProduct(shop, { stock: 5, price: 1500, noun: "Lamp" });
  const customer = await shop.platform.accounts.customer("Live Lucy");
  await signIn(page, customer.email, customer.password);
  await searchAndOpen(page, lamp.word, lamp.name);
  await addToCart(page);
  await page.goto("/checkout");
  await fillCheckout(page, CARDS.ok);
  await placeOrder(page);
  const orderId = await orderIdFromUrl(page);
  await page.locator('.order-meta [data-status="PAID"]').waitFor();
  const trackingNumber = (await page.getByTestId("tracking-number").textContent({ timeout: 30_000 }))!;
  return { orderId, trackingNumber };
}

/** The shipments page of an administrator, in a browser profile of its own. */
async function adminShipments() {
  const admin = await shop.platform.accounts.admin("Carrier Carl");
  const { context, page } = await shop.newPage();
  await signIn(page, admin.email, admin.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Shipments" }).click();
  await page.getByRole("button", { name: "Refresh" }).waitFor();
  return {
    context,
    async advance(trackingNumber: string, to: string) {
      await page.getByRole("button", { name: "Refresh" }).click();
      const card = page.locator(`[data-tracking-number="${trackingNumber}"]`);
      await card.getByRole("button", { name: new RegExp(`^Advance to ${to}`) }).click();
      await card.locator(`[data-shipment-status]`).filter({ hasText: to }).waitFor();
    },
  };
}

function orderStatus(page: Page, status: string) {
  return page.locator(`.order-meta [data-status="${status}"]`);
}

describe("live order status on the order page", () => {
  it("shows SHIPPED and then DELIVERED as the carrier moves the parcel, without a reload or polling", async () => {
    const { context, page } = await shop.newPage();
    const { trackingNumber } = await paidOrderPage(page);
    await page.getByText("Live updates are on.").waitFor();
    const orderQueries: string[] = [];
    page.on("request", (request) => {
      const body =
        request.method() === "POST" ? (request.postDataJSON() as { operationName?: string }) : undefined;
      if (body?.operationName === "OrderPage") {
        orderQueries.push(request.url());
      }
    });
    let navigations = 0;
    page.on("framenavigated", () => navigations++);

    const admin = await adminShipments();
    await admin.advance(trackingNumber, "In transit");
    await orderStatus(page, "SHIPPED").waitFor({ timeout: 20_000 });
    await page
      .getByTestId("live-announcement")
      .filter({ hasText: "Order status changed to Shipped." })
      .waitFor();
    await admin.advance(trackingNumber, "Out for delivery");
    await admin.advance(trackingNumber, "Delivered");
    await orderStatus(page, "DELIVERED").waitFor({ timeout: 20_000 });
    expect(
      await page
        .getByTestId("order-timeline")
        .locator("li")
        .evaluateAll((items) => items.map((li) => li.dataset.status)),
    ).toEqual(["PENDING", "PAYMENT_PENDING", "PAID", "SHIPPED", "DELIVERED"]);
    // Everything came over the subscription: no reload, and the order was not fetched again.
    expect(navigations).toBe(0);
    expect(orderQueries).toEqual([]);
    await admin.context.close();
    await context.close();
  });

  it("after a dropped connection, resubscribes from the last sequence seen and gets the change it missed", async () => {
    const { context, page } = await shop.newPage();
    // Every WebSocket of the page goes through here, so the test can cut it and watch what is sent.
    const subscribes: { afterSequence?: number }[] = [];
    const sockets: WebSocketRoute[] = [];
    let holdReconnects = false;
    const released: (() => void)[] = [];
    await page.routeWebSocket(/\/graphql$/, async (ws) => {
      sockets.push(ws);
      if (holdReconnects) await new Promise<void>((resolve) => released.push(resolve));
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as {
          type: string;
          payload?: { variables?: { afterSequence?: number } };
        };
        if (parsed.type === "subscribe")
          subscribes.push({ afterSequence: parsed.payload?.variables?.afterSequence });
        server.send(message);
      });
      server.onMessage((message) => ws.send(message));
    });
    const { trackingNumber } = await paidOrderPage(page);
    await page.getByText("Live updates are on.").waitFor();
    const admin = await adminShipments();
    await admin.advance(trackingNumber, "In transit");
    await orderStatus(page, "SHIPPED").waitFor({ timeout: 20_000 });

    // Cut the connection and keep the client away while the parcel is delivered.
    holdReconnects = true;
    await sockets.at(-1)!.close({ code: 4499, reason: "Terminated" });
    await admin.advance(trackingNumber, "Out for delivery");
    await admin.advance(trackingNumber, "Delivered");
    await expect.poll(() => released.length, { timeout: 15_000 }).toBeGreaterThan(0);
    for (const release of released) release();

    await orderStatus(page, "DELIVERED").waitFor({ timeout: 20_000 });
    // Announced from the replayed event, not found by polling.
    await page
      .getByTestId("live-announcement")
      .filter({ hasText: "Order status changed to Delivered." })
      .waitFor();
    // The first subscribe started after the 3 statuses the page had; the one after the drop
    // resumed after SHIPPED (sequence 4), so DELIVERED (5) was replayed.
    expect(subscribes[0]).toEqual({ afterSequence: 3 });
    expect(subscribes.at(-1)).toEqual({ afterSequence: 4 });
    await admin.context.close();
    await context.close();
  });
});
