import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeOk, waitFor } from "@storefront/testkit";
import { ADDRESS, CARDS, checkoutInput, DOMESTIC_OPTION, type Platform, startPlatform } from "../src";

let platform: Platform;
let url: string;

beforeAll(async () => {
  platform = await startPlatform();
  url = platform.router.url;
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

const CHECKOUT = `mutation($i: CheckoutInput!) {
  checkout(input: $i) {
    __typename
    ... on Order { id status total { amount } }
    ... on CheckoutError { code message order { id status } }
  }
}`;

function checkout(token: string, card = CARDS.ok) {
  return executeOk<{
    checkout: { __typename: string; id?: string; status?: string; code?: string; message?: string };
  }>(url, CHECKOUT, {
    token,
    variables: { i: checkoutInput(card) },
  });
}

const ORDER = `query($id: ID!) {
  order(id: $id) {
    status
    total { amount }
    shippingTotal { amount }
    payment { status cardLast4 amount { amount } }
    shipment { trackingNumber carrier status }
    lines { quantity variant { sku product { name } } }
    customer { id }
    statusHistory { status note }
  }
}`;
interface OrderView {
  order: {
    status: string;
    total: { amount: number };
    shippingTotal: { amount: number };
    payment: { status: string; cardLast4: string; amount: { amount: number } };
    shipment: { trackingNumber: string; carrier: string; status: string } | null;
    lines: { quantity: number; variant: { sku: string; product: { name: string } } }[];
    customer: { id: string };
    statusHistory: { status: string; note: string | null }[];
  };
}

describe("the whole purchase through the router, on RabbitMQ", () => {
  it("guest cart, sign-up, merge, checkout, shipment, delivery", async () => {
    const variant = await platform.variantWithStock(5, 1250, "Router Mug");
    const guest = await executeOk<{ addToCart: { cartToken: string } }>(
      url,
      `mutation($v: ID!) { addToCart(variantId: $v, quantity: 2) { cartToken cart { itemCount } } }`,
      { variables: { v: variant.id } },
    );
    const customer = await platform.accounts.customer("Router Shopper");
    const merged = await executeOk<{ mergeGuestCart: { itemCount: number; subtotal: { amount: number } } }>(
      url,
      `mutation($t: String!) { mergeGuestCart(cartToken: $t) { itemCount subtotal { amount } } }`,
      { variables: { t: guest.addToCart.cartToken }, token: customer.token },
    );
    expect(merged.mergeGuestCart).toEqual({ itemCount: 2, subtotal: { amount: 2500 } });

    const { shippingOptions } = await executeOk<{
      shippingOptions: { id: string; price: { amount: number } }[];
    }>(url, `query($a: ShippingAddressInput!) { shippingOptions(address: $a) { id price { amount } } }`, {
      variables: { a: ADDRESS },
    });
    const shippingPrice = shippingOptions.find((o) => o.id === DOMESTIC_OPTION)!.price.amount;

    const placed = (await checkout(customer.token)).checkout;
    expect(placed).toMatchObject({
      __typename: "Order",
      status: "PAID",
      total: { amount: 2500 + shippingPrice },
    });
    expect(await platform.stockOf(variant.id)).toEqual({ onHand: 3, ledger: 3 });

    // Shipping creates the shipment from the request that went over RabbitMQ.
    const shipped = await waitFor(
      () => executeOk<OrderView>(url, ORDER, { variables: { id: placed.id }, token: customer.token }),
      (view) => view.order.shipment !== null,
    );
    expect(shipped.order).toMatchObject({
      status: "PAID",
      shippingTotal: { amount: shippingPrice },
      payment: { status: "SUCCEEDED", cardLast4: "4242", amount: { amount: 2500 + shippingPrice } },
      shipment: { carrier: "UPS", status: "LABEL_CREATED" },
      lines: [{ quantity: 2, variant: { sku: variant.sku, product: { name: "Router Mug" } } }],
      customer: { id: customer.id },
    });
    expect(shipped.order.shipment!.trackingNumber).toMatch(/^1Z\d{16}$/);

    // The carrier (an administrator here) moves the parcel along; orders follows.
    const admin = await platform.accounts.admin();
    const { shipments } = await executeOk<{ shipments: { nodes: { id: string; order: { id: string } }[] } }>(
      url,
      `{ shipments(first: 50) { nodes { id order { id } } } }`,
      { token: admin.token },
    );
    const shipmentId = shipments.nodes.find((s) => s.order.id === placed.id)!.id;
    for (let step = 0; step < 3; step++) {
      await executeOk(url, `mutation($id: ID!) { advanceShipment(id: $id) { status } }`, {
        variables: { id: shipmentId },
        token: admin.token,
      });
    }
    const delivered = await waitFor(
      () => executeOk<OrderView>(url, ORDER, { variables: { id: placed.id }, token: customer.token }),
      (view) => view.order.status === "DELIVERED",
    );
    expect(delivered.order.shipment!.status).toBe("DELIVERED");
    expect(delivered.order.statusHistory.map((h) => h.status)).toEqual([
      "PENDING",
      "PAYMENT_PENDING",
      "PAID",
      "SHIPPED",
      "DELIVERED",
    ]);
    expect(delivered.order.statusHistory[3]!.note).toContain(shipped.order.shipment!.trackingNumber);

    const mine = await executeOk<{ me: { orders: { nodes: { id: string }[] } } }>(
      url,
      `{ me { orders { nodes { id } } } }`,
      { token: customer.token },
    );
    expect(mine.me.orders.nodes.map((n) => n.id)).toEqual([placed.id]);
  });

  it("a declined card is a typed result, the stock is back and the cart is intact", async () => {
    const variant = await platform.variantWithStock(2);
    const customer = await platform.accounts.customer();
    await executeOk(
      url,
      `mutation($v: ID!) { addToCart(variantId: $v, quantity: 1) { cart { itemCount } } }`,
      {
        variables: { v: variant.id },
        token: customer.token,
      },
    );
    const declined = (await checkout(customer.token, CARDS.declined)).checkout;
    expect(declined).toMatchObject({ __typename: "CheckoutError", code: "PAYMENT_DECLINED" });
    expect(await platform.stockOf(variant.id)).toEqual({ onHand: 2, ledger: 2 });
    const cart = await executeOk<{ cart: { itemCount: number } }>(url, `{ cart { itemCount } }`, {
      token: customer.token,
    });
    expect(cart.cart.itemCount).toBe(1);
  });

  it("another customer cannot see the order, its payment or its shipment", async () => {
    const variant = await platform.variantWithStock(2);
    const owner = await platform.accounts.customer();
    await executeOk(
      url,
      `mutation($v: ID!) { addToCart(variantId: $v, quantity: 1) { cart { itemCount } } }`,
      {
        variables: { v: variant.id },
        token: owner.token,
      },
    );
    const placed = (await checkout(owner.token)).checkout;
    const stranger = await platform.accounts.customer();
    const seen = await executeOk<{ order: unknown }>(url, `query($id: ID!) { order(id: $id) { id } }`, {
      variables: { id: placed.id },
      token: stranger.token,
    });
    expect(seen.order).toBeNull();
  });
});
