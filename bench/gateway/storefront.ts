/**
 * The project's real users and catalogue subgraphs for the gateway benchmark's storefront part:
 * each from its `src/main.ts` in a process of its own (bench/service-process.ts), on a fresh
 * PostgreSQL database of its own on the server at TEST_DATABASE_URL (dropped at the end), seeded
 * through their public GraphQL APIs as the shop's clients would write, and composed into a
 * supergraph of those two subgraphs (schema/src composeSupergraph, the SDL files the topology
 * names) that every gateway is given.
 *
 * The seed: an administrator (a registered customer promoted in the users database, as the
 * project's test accounts are, then signed in again), one category of 50 products (two variants
 * each, stocked), and one of them reviewed by 10 customers registered through the users subgraph.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { subgraph } from "@storefront/contracts/topology";
import { composeSupergraph } from "@storefront/schema";
import { createTestDatabase, executeOk, freePort, type TestDatabase } from "@storefront/testkit";
import { repoRoot, startServiceProcess, type ServiceProcess } from "../service-process";

export const STOREFRONT_SUBGRAPHS = ["users", "catalogue"] as const;
export type StorefrontSubgraph = (typeof STOREFRONT_SUBGRAPHS)[number];

export const PRODUCT_COUNT = 50;
export const REVIEW_COUNT = 10;

/** What the operations are aimed at. */
export interface StorefrontSeed {
  categoryId: string;
  /** The reviewed product's slug: the product page's. */
  productSlug: string;
  /** A full-text query matching part of the category, as a shopper's search would. */
  searchQuery: string;
}

const PASSWORD = "correct horse battery staple";
const NOUNS = ["kettle", "teapot", "mug", "jug", "saucepan"];
const MATERIALS = ["stoneware", "enamel", "steel", "copper", "glass"];
const ADJECTIVES = [
  "Classic",
  "Compact",
  "Everyday",
  "Heritage",
  "Nordic",
  "Rustic",
  "Studio",
  "Tall",
  "Wide",
  "Mini",
];
const REVIEWS = [
  { rating: 5, title: "Love it", body: "Boils quickly and looks great on the stove." },
  { rating: 4, title: "Very good", body: "Solid build; the handle stays cool enough." },
  { rating: 3, title: null, body: "Does the job, a little smaller than I expected." },
  { rating: 5, title: "Gift that landed", body: "Bought it for my parents, they use it every day." },
  { rating: 2, title: "Lid rattles", body: "Works, but the lid rattles when it boils." },
];

const REGISTER = `mutation Register($i: RegisterInput!) { register(input: $i) { ... on AuthSession { accessToken user { id } } } }`;
const LOGIN = `mutation Login($i: LoginInput!) { login(input: $i) { ... on AuthSession { accessToken } } }`;
const CREATE_CATEGORY = `mutation Category($i: CategoryInput!) { createCategory(input: $i) { id } }`;
const CREATE_PRODUCT = `mutation Product($i: CreateProductInput!) { createProduct(input: $i) { id slug } }`;
const CREATE_VARIANT = `mutation Variant($p: ID!, $i: CreateVariantInput!) { createVariant(productId: $p, input: $i) { id } }`;
const RECEIVE_STOCK = `mutation Receive($v: ID!, $q: Int!) { receiveStock(variantId: $v, quantity: $q) { id } }`;
const CREATE_REVIEW = `mutation Review($i: CreateReviewInput!) { createReview(input: $i) { __typename ... on ReviewError { code message } } }`;

async function register(usersUrl: string, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBytes(4).toString("hex")}@bench.test`;
  const { register: session } = await executeOk<{ register: { accessToken: string; user: { id: string } } }>(
    usersUrl,
    REGISTER,
    { variables: { i: { email, password: PASSWORD, name } } },
  );
  return { email, id: session.user.id, token: session.accessToken };
}

/** Runs `work` on every item, `concurrency` at a time. */
async function eachLimited<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

async function seed(
  urls: Record<StorefrontSubgraph, string>,
  usersDatabaseUrl: string,
): Promise<StorefrontSeed> {
  const admin = await register(urls.users, "Bench Admin");
  const sql = postgres(usersDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`update users set role = 'ADMIN' where id = ${admin.id}`;
  } finally {
    await sql.end({ timeout: 1 });
  }
  const { login } = await executeOk<{ login: { accessToken: string } }>(urls.users, LOGIN, {
    variables: { i: { email: admin.email, password: PASSWORD } },
  });
  const asAdmin = <T>(query: string, variables: Record<string, unknown>) =>
    executeOk<T>(urls.catalogue, query, { variables, token: login.accessToken });

  const { createCategory: category } = await asAdmin<{ createCategory: { id: string } }>(CREATE_CATEGORY, {
    i: { name: "Kettles & Teaware", description: "Kettles, teapots, mugs, jugs and pans for the kitchen." },
  });
  const products: { id: string; slug: string }[] = [];
  await eachLimited(
    Array.from({ length: PRODUCT_COUNT }, (_, i) => i),
    4,
    async (i) => {
      const noun = NOUNS[i % NOUNS.length]!;
      const material = MATERIALS[Math.floor(i / NOUNS.length) % MATERIALS.length]!;
      const name = `${ADJECTIVES[Math.floor(i / 5) % ADJECTIVES.length]!} ${material} ${noun}`;
      const sku = `KT-${String(i + 1).padStart(4, "0")}`;
      const { createProduct: product } = await asAdmin<{ createProduct: { id: string; slug: string } }>(
        CREATE_PRODUCT,
        {
          i: {
            sku,
            name,
            description: `A ${material} ${noun} for every day, made to last. Dishwasher safe; ships in recycled packaging.`,
            priceAmount: 1999 + i * 150,
            currency: "USD",
            categoryId: category.id,
            images: [
              { url: `https://images.storefront.example/${sku}/front.jpg`, alt: `${name}, front` },
              { url: `https://images.storefront.example/${sku}/side.jpg`, alt: `${name}, side` },
            ],
            attributes: [
              { name: "material", value: material },
              { name: "origin", value: i % 2 ? "Portugal" : "Japan" },
            ],
          },
        },
      );
      products[i] = product;
      for (const [position, size] of ["1 l", "1.5 l"].entries()) {
        const { createVariant: variant } = await asAdmin<{ createVariant: { id: string } }>(CREATE_VARIANT, {
          p: product.id,
          i: { sku: `${sku}-${position + 1}`, name: size, attributes: [{ name: "size", value: size }] },
        });
        await asAdmin(RECEIVE_STOCK, { v: variant.id, q: 10 + i });
      }
    },
  );

  const reviewed = products[0]!;
  await eachLimited(
    Array.from({ length: REVIEW_COUNT }, (_, i) => i),
    2,
    async (i) => {
      const customer = await register(urls.users, `Reviewer ${i + 1}`);
      const review = REVIEWS[i % REVIEWS.length]!;
      const { createReview } = await executeOk<{ createReview: { __typename: string; message?: string } }>(
        urls.catalogue,
        CREATE_REVIEW,
        { variables: { i: { productId: reviewed.id, ...review } }, token: customer.token },
      );
      if (createReview.__typename !== "Review") throw new Error(`review refused: ${createReview.message}`);
    },
  );
  return { categoryId: category.id, productSlug: reviewed.slug, searchQuery: "kettle or teapot" };
}

export interface StorefrontSubgraphs {
  /** Each subgraph's GraphQL URL. */
  urls: Record<StorefrontSubgraph, string>;
  /** The users subgraph's signing keys, which the router and the catalogue verify tokens with. */
  jwksUrl: string;
  supergraphSdl: string;
  seed: StorefrontSeed;
  stop(): Promise<void>;
}

/**
 * Starts, seeds and composes the two subgraphs; `stop` ends them and drops their databases. It is
 * also given to `onStop` before anything starts, so an interrupted start can be undone too.
 */
export async function startStorefrontSubgraphs(
  options: { logFile?: string; onStop?: (stop: () => Promise<void>) => void } = {},
): Promise<StorefrontSubgraphs> {
  const databases: TestDatabase[] = [];
  const processes: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((service) => service.stop()));
    await Promise.all(databases.map((database) => database.drop()));
  };
  options.onStop?.(stop);
  try {
    const ports = Object.fromEntries(
      await Promise.all(
        STOREFRONT_SUBGRAPHS.map(
          async (name) => [name, { port: await freePort(), metricsPort: await freePort() }] as const,
        ),
      ),
    ) as Record<StorefrontSubgraph, { port: number; metricsPort: number }>;
    const urls = Object.fromEntries(
      STOREFRONT_SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name].port}/graphql`]),
    ) as Record<StorefrontSubgraph, string>;
    const jwksUrl = `http://127.0.0.1:${ports.users.port}/.well-known/jwks.json`;
    const databaseUrls = {} as Record<StorefrontSubgraph, string>;
    for (const name of STOREFRONT_SUBGRAPHS) {
      const database = await createTestDatabase(`gateway_bench_${name}`);
      if (!database.url)
        throw new Error("the storefront part needs PostgreSQL (TEST_DATABASE_URL) and none answers");
      databases.push(database);
      databaseUrls[name] = database.url;
    }
    const serviceToken = randomBytes(24).toString("hex");
    // users first: the catalogue verifies tokens against its keys.
    for (const name of STOREFRONT_SUBGRAPHS) {
      const own = subgraph(name);
      processes.push(
        await startServiceProcess(
          name,
          `subgraphs/${name}/src/main.ts`,
          ports[name],
          {
            NODE_ENV: "production",
            [own.portVariable]: String(ports[name].port),
            [own.metricsPortVariable]: String(ports[name].metricsPort),
            [own.databaseUrlVariable]: databaseUrls[name],
            JWKS_URL: jwksUrl,
            SERVICE_TOKEN: serviceToken,
          },
          { readyTimeoutMs: 120_000, ...(options.logFile ? { logFile: options.logFile } : {}) },
        ),
      );
    }
    const seeded = await seed(urls, databaseUrls.users);
    const supergraphSdl = composeSupergraph(
      STOREFRONT_SUBGRAPHS.map((name) => ({
        name,
        url: urls[name],
        sdl: readFileSync(path.join(repoRoot, subgraph(name).schemaFile), "utf8"),
      })),
    );
    return { urls, jwksUrl, supergraphSdl, seed: seeded, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
