import { execute, executeOk, testAccounts, waitFor } from "@storefront/testkit";
import { readSupergraphConfig } from "@storefront/schema";
import { ADDRESS, startPlatform, type Platform } from "../platform";
import { apiSchemaOf, createGenerator, type FuzzGenerator, type Identity } from "./generator";
import { internalAddresses } from "./oracle";
import { emptySeededIds, type SeededIds } from "./values";

export interface FuzzPlatform {
  platform: Platform;
  url: string;
  tokens: Record<Identity, string | undefined>;
  ids: SeededIds;
  /** What no response may name: every running subgraph's address and the composed routing URLs. */
  addresses: string[];
  generator(seed: number): FuzzGenerator;
  /** Whether the signed-in identities' tokens still work (a run must not sign them out halfway). */
  identitiesStillSignedIn(): Promise<boolean>;
  stop(): Promise<void>;
}

const CATEGORY = `mutation($i: CategoryInput!) { createCategory(input: $i) { id slug } }`;
const PRODUCT = `mutation($i: CreateProductInput!) { createProduct(input: $i) { id slug } }`;
const VARIANT = `mutation($p: ID!, $i: CreateVariantInput!) { createVariant(productId: $p, input: $i) { id } }`;
const RECEIVE = `mutation($v: ID!, $q: Int!) { receiveStock(variantId: $v, quantity: $q) { id } }`;

/**
 * Rows for the generator to aim at, made through the router as the shop's own clients would:
 * a category tree, products with stocked variants, an address, a review, paid orders with their
 * payments and shipments, a guest cart, and bystander accounts (role changes land on them, not
 * on the identities the run signs in as).
 */
async function seed(platform: Platform) {
  const url = platform.router.url;
  const accounts = testAccounts({ url, database: platform.users.database });
  const customer = await accounts.customer("Fuzz Shopper");
  const admin = await accounts.admin("Fuzz Admin");
  const bystanders = [await accounts.customer("Fuzz Bystander"), await accounts.customer("Fuzz Reviewer")];
  const asAdmin = <T>(query: string, variables: Record<string, unknown>) =>
    executeOk<T>(url, query, { variables, token: admin.token });

  const ids = emptySeededIds();
  const top = (
    await asAdmin<{ createCategory: { id: string; slug: string } }>(CATEGORY, { i: { name: "Fuzz Home" } })
  ).createCategory;
  const child = (
    await asAdmin<{ createCategory: { id: string; slug: string } }>(CATEGORY, {
      i: { name: "Fuzz Kitchen", parentId: top.id },
    })
  ).createCategory;
  ids.categories.push(top.id, child.id);
  ids.categorySlugs.push(top.slug, child.slug);
  for (let i = 0; i < 3; i++) {
    const { createProduct: product } = await asAdmin<{ createProduct: { id: string; slug: string } }>(
      PRODUCT,
      {
        i: {
          sku: `FZ-SEED-${i}`,
          name: `Fuzz kettle ${i}`,
          description: "A kettle for the robustness run.",
          priceAmount: 1500 + i * 100,
          currency: "USD",
          categoryId: i === 0 ? top.id : child.id,
        },
      },
    );
    ids.products.push(product.id);
    ids.productSlugs.push(product.slug);
    for (let v = 0; v < 2; v++) {
      const { createVariant: variant } = await asAdmin<{ createVariant: { id: string } }>(VARIANT, {
        p: product.id,
        i: { sku: `FZ-SEED-${i}-${v}`, name: `Size ${v}` },
      });
      await asAdmin(RECEIVE, { v: variant.id, q: 1_000 });
      ids.variants.push(variant.id);
    }
  }

  const address = await executeOk<{ addAddress: { id: string } }>(
    url,
    `mutation($i: AddressInput!) { addAddress(input: $i) { id } }`,
    { variables: { i: ADDRESS }, token: customer.token },
  );
  ids.addresses.push(address.addAddress.id);
  const review = await executeOk<{ createReview: { id?: string } }>(
    url,
    `mutation($i: CreateReviewInput!) { createReview(input: $i) { ... on Review { id } } }`,
    {
      variables: { i: { productId: ids.products[0], rating: 4, body: "Boils quickly." } },
      token: customer.token,
    },
  );
  if (review.createReview.id) ids.reviews.push(review.createReview.id);

  for (const buyer of [customer, admin]) {
    const order = await platform.placeOrder(buyer.token, ids.variants[0]!);
    if (!order.id) throw new Error(`seed order not placed: ${JSON.stringify(order)}`);
    ids.orders.push(order.id);
    const placed = await waitFor(
      () =>
        executeOk<{ order: { payment: { id: string } | null; shipment: { id: string } | null } }>(
          url,
          `query($id: ID!) { order(id: $id) { payment { id } shipment { id } } }`,
          { variables: { id: order.id }, token: buyer.token },
        ),
      (data) => Boolean(data.order.payment && data.order.shipment),
    );
    ids.payments.push(placed.order.payment!.id);
    ids.shipments.push(placed.order.shipment!.id);
  }

  const guest = await executeOk<{ addToCart: { cartToken: string | null } }>(
    url,
    `mutation($v: ID!) { addToCart(variantId: $v, quantity: 1) { cartToken } }`,
    { variables: { v: ids.variants[1] } },
  );
  if (guest.addToCart.cartToken) ids.cartTokens.push(guest.addToCart.cartToken);
  ids.users.push(...bystanders.map((b) => b.id));
  ids.emails.push(customer.email, admin.email, ...bystanders.map((b) => b.email));

  return { ids, tokens: { anonymous: undefined, customer: customer.token, admin: admin.token } };
}

/**
 * The whole platform on real PostgreSQL and RabbitMQ, seeded for a fuzz run: rate limits off (one
 * client sends thousands of operations), access tokens that outlive a long run.
 */
export async function startFuzzPlatform(): Promise<FuzzPlatform> {
  const platform = await startPlatform({
    routerEnv: { RATE_LIMIT_PER_MINUTE: "0" },
    usersEnv: { ACCESS_TOKEN_TTL_SECONDS: String(24 * 60 * 60) },
  });
  try {
    const { ids, tokens } = await seed(platform);
    const schema = apiSchemaOf(platform.router.supergraphSdl);
    const running = [platform.users, platform.catalogue, platform.cart, platform.payments, platform.shipping];
    const addresses = internalAddresses([
      ...running.map((s) => s.url),
      ...platform.orders.map((o) => o.url),
      ...readSupergraphConfig().map((s) => s.url),
    ]);
    return {
      platform,
      url: platform.router.url,
      tokens,
      ids,
      addresses,
      generator: (seedValue) => createGenerator({ schema, ids, seed: seedValue }),
      identitiesStillSignedIn: async () => {
        const signedIn = await Promise.all(
          [tokens.customer, tokens.admin].map(async (token) => {
            const result = await execute<{ me: { id: string } | null }>(
              platform.router.url,
              "{ me { id } }",
              {
                ...(token ? { token } : {}),
              },
            );
            return Boolean(result.data?.me?.id);
          }),
        );
        return signedIn.every(Boolean);
      },
      stop: () => platform.stop(),
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
