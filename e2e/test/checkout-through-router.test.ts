import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartConfigFrom, cartModule } from "@storefront/cart";
import { catalogueConfigFrom, catalogueDbSchema as catalogue, catalogueModule } from "@storefront/catalogue";
import { ordersConfigFrom, ordersModule } from "@storefront/orders";
import { paymentsConfigFrom, paymentsModule } from "@storefront/payments";
import { createInProcessBus } from "@storefront/platform";
import { executeOk, startTestRouter, startTestSubgraph, testEnv, uniqueEmail } from "@storefront/testkit";
import { usersConfigFrom, usersModule } from "@storefront/users";

const bus = createInProcessBus({ log: pino({ level: "silent" }) });
const stack: { stop(): Promise<void> }[] = [];
let routerUrl: string;
let variantId: string;

beforeAll(async () => {
  const users = await startTestSubgraph(usersModule(usersConfigFrom({})));
  const env = {
    JWKS_URL: new URL("/.well-known/jwks.json", users.url).toString(),
    SERVICE_TOKEN: testEnv.serviceToken,
  };
  const catalogueSubgraph = await startTestSubgraph(catalogueModule(catalogueConfigFrom(env)));
  const cart = await startTestSubgraph(
    cartModule(cartConfigFrom({ ...env, CATALOGUE_URL: catalogueSubgraph.url })),
  );
  const payments = await startTestSubgraph(paymentsModule(paymentsConfigFrom(env)));
  const orders = await startTestSubgraph(
    ordersModule(
      ordersConfigFrom({
        ...env,
        USERS_URL: users.url,
        CATALOGUE_URL: catalogueSubgraph.url,
        CART_URL: cart.url,
        PAYMENTS_URL: payments.url,
      }),
      { bus },
    ),
  );
  const router = await startTestRouter([
    { name: "users", url: users.url },
    { name: "catalogue", url: catalogueSubgraph.url },
    { name: "cart", url: cart.url },
    { name: "payments", url: payments.url },
    { name: "orders", url: orders.url },
  ]);
  stack.push(users, catalogueSubgraph, cart, payments, orders, router);
  routerUrl = router.url;
  // A shipping consumer does not exist yet: bind a queue so shipment requests are routable.
  await bus.consume({ queue: "e2e.shipments", bindings: ["orders.#"] }, () => Promise.resolve());

  const db = catalogueSubgraph.database.db;
  const sku = `E2E-${randomUUID().slice(0, 8)}`.toUpperCase();
  const [product] = await db
    .insert(catalogue.products)
    .values({ sku, slug: sku.toLowerCase(), name: "Router Mug", priceAmount: 1250, currency: "USD" })
    .returning();
  const [variant] = await db
    .insert(catalogue.variants)
    .values({ productId: product!.id, sku: `${sku}-V`, name: "Blue", priceAmount: 1250, currency: "USD" })
    .returning();
  await db.insert(catalogue.stockLevels).values({ variantId: variant!.id, onHand: 5 });
  await db.insert(catalogue.stockMovements).values({ variantId: variant!.id, kind: "RECEIPT", quantity: 5 });
  variantId = variant!.id;
}, 120_000);

afterAll(async () => {
  for (const part of stack.reverse()) await part.stop();
  await bus.close();
});

describe("the whole purchase through the router", () => {
  it("guest cart, sign-up, merge, checkout, and the order with its payment and catalogue fields", async () => {
    const guest = await executeOk<{ addToCart: { cartToken: string } }>(
      routerUrl,
      `mutation($v: ID!) { addToCart(variantId: $v, quantity: 2) { cartToken cart { itemCount } } }`,
      { variables: { v: variantId } },
    );
    const signUp = await executeOk<{ register: { accessToken: string; user: { id: string } } }>(
      routerUrl,
      `mutation($i: RegisterInput!) { register(input: $i) { ... on AuthSession { accessToken user { id } } } }`,
      {
        variables: { i: { email: uniqueEmail(), password: "correct horse battery", name: "Router Shopper" } },
      },
    );
    const token = signUp.register.accessToken;
    const merged = await executeOk<{ mergeGuestCart: { itemCount: number; subtotal: { amount: number } } }>(
      routerUrl,
      `mutation($t: String!) { mergeGuestCart(cartToken: $t) { itemCount subtotal { amount } } }`,
      { variables: { t: guest.addToCart.cartToken }, token },
    );
    expect(merged.mergeGuestCart).toEqual({ itemCount: 2, subtotal: { amount: 2500 } });

    const result = await executeOk<{ checkout: { __typename: string; id: string; status: string } }>(
      routerUrl,
      `mutation($i: CheckoutInput!) { checkout(input: $i) { __typename ... on Order { id status } ... on CheckoutError { code message } } }`,
      {
        variables: {
          i: {
            idempotencyKey: randomUUID(),
            shippingAddress: {
              fullName: "R. Shopper",
              line1: "1 Main St",
              city: "Springfield",
              postalCode: "12345",
              country: "US",
            },
            card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123" },
          },
        },
        token,
      },
    );
    expect(result.checkout).toMatchObject({ __typename: "Order", status: "PAID" });

    const order = await executeOk<{
      order: {
        total: { amount: number };
        payment: { status: string; cardLast4: string; amount: { amount: number } };
        lines: { quantity: number; variant: { sku: string; product: { name: string } } }[];
        customer: { id: string };
        statusHistory: { status: string }[];
      };
      me: { orders: { nodes: { id: string }[] } };
    }>(
      routerUrl,
      `query($id: ID!) {
        order(id: $id) {
          total { amount }
          payment { status cardLast4 amount { amount } }
          lines { quantity variant { sku product { name } } }
          customer { id }
          statusHistory { status }
        }
        me { orders { nodes { id } } }
      }`,
      { variables: { id: result.checkout.id }, token },
    );
    expect(order.order).toMatchObject({
      total: { amount: 2500 },
      payment: { status: "SUCCEEDED", cardLast4: "4242", amount: { amount: 2500 } },
      lines: [{ quantity: 2, variant: { product: { name: "Router Mug" } } }],
      customer: { id: signUp.register.user.id },
    });
    expect(order.order.statusHistory.map((h) => h.status)).toEqual(["PENDING", "PAYMENT_PENDING", "PAID"]);
    expect(order.me.orders.nodes.map((n) => n.id)).toEqual([result.checkout.id]);
  });
});
