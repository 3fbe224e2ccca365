import { randomUUID } from "node:crypto";
import type { Logger } from "@storefront/platform/logger";

interface Urls {
  users: string;
  catalogue: string;
  cart: string;
  orders: string;
  shipping: string;
}

/**
 * Calls a subgraph's public API as the customer would (their token). Not an internal operation of
 * the platform's (those are typed contracts): the seed is a client like any other.
 */
async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    const reason = body.errors?.map((error) => error.message).join("; ") ?? `HTTP ${response.status}`;
    throw new Error(`${new URL(url).host}: ${reason}`);
  }
  return body.data;
}

/**
 * A few past orders for the seeded customer, placed through the real checkout (cart, stock
 * reservation, payment, outbox) so the demo data is what the platform itself would have made:
 * three paid orders and one declined. Runs on the first start only, when the customer's
 * password is known.
 */
export async function seedPastOrders(urls: Urls, customer: { email: string; password: string }, log: Logger) {
  const login = await graphql<{ login: { accessToken?: string } }>(
    urls.users,
    `
      mutation ($i: LoginInput!) {
        login(input: $i) {
          ... on AuthSession {
            accessToken
          }
        }
      }
    `,
    { i: { email: customer.email, password: customer.password } },
  );
  const token = login.login.accessToken;
  if (!token) throw new Error("the seeded customer could not sign in");
  const { products } = await graphql<{
    products: { nodes: { variants: { id: string; inStock: boolean }[] }[] };
  }>(
    urls.catalogue,
    `
      {
        products(filter: { inStock: true }, sort: PRICE_ASC, first: 8) {
          nodes {
            variants {
              id
              inStock
            }
          }
        }
      }
    `,
    {},
  );
  const variants = products.nodes
    .flatMap((p) => p.variants.filter((v) => v.inStock).slice(0, 1))
    .map((v) => v.id);
  const address = {
    fullName: "Casey Customer",
    line1: "221B Baker Street",
    city: "London",
    postalCode: "NW1 6XE",
    country: "GB",
  };
  const { shippingOptions } = await graphql<{ shippingOptions: { id: string }[] }>(
    urls.shipping,
    `
      query ($a: ShippingAddressInput!) {
        shippingOptions(address: $a) {
          id
        }
      }
    `,
    { a: address },
  );
  const shippingOptionId = shippingOptions[0]?.id;
  if (!shippingOptionId) throw new Error("no shipping option for the demo address");
  const plans = [
    { variants: variants.slice(0, 2), card: "4242424242424242" },
    { variants: variants.slice(2, 3), card: "4000000000000002" },
    { variants: variants.slice(3, 5), card: "4242424242424242" },
    { variants: variants.slice(5, 6), card: "4242424242424242" },
  ];
  for (const plan of plans) {
    for (const variantId of plan.variants) {
      await graphql(
        urls.cart,
        `
          mutation ($v: ID!) {
            addToCart(variantId: $v, quantity: 1) {
              cart {
                itemCount
              }
            }
          }
        `,
        { v: variantId },
        token,
      );
    }
    const { checkout } = await graphql<{ checkout: { __typename: string } }>(
      urls.orders,
      `
        mutation ($i: CheckoutInput!) {
          checkout(input: $i) {
            __typename
          }
        }
      `,
      {
        i: {
          idempotencyKey: randomUUID(),
          shippingAddress: address,
          shippingOptionId,
          card: { number: plan.card, expMonth: 12, expYear: 2035, cvc: "123" },
        },
      },
      token,
    );
    log.debug({ outcome: checkout.__typename }, "seeded an order");
  }
  // The declined one leaves its items in the cart, as it would for a real customer.
  await graphql(
    urls.cart,
    `
      mutation {
        clearCart {
          itemCount
        }
      }
    `,
    {},
    token,
  );
  log.info({ orders: plans.length }, "seeded past orders");
}
