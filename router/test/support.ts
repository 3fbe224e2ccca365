import { randomUUID } from "node:crypto";
import { catalogueConfigFrom, catalogueDbSchema as db, catalogueModule } from "@storefront/catalogue";
import { executeOk, startTestSubgraph, testAccounts, testEnv, type TestAccount } from "@storefront/testkit";
import { startTestRouter } from "../src/testing";
import { usersConfigFrom, usersModule } from "@storefront/users";
import type { Logger } from "@storefront/platform/logger";
import { pino } from "pino";

/** The dev-only example partner key of router/clients.dev.json (documented in the README). */
export const PARTNER_KEY = "dev-only-partner-example-key";
/** The dev-only example key of a first-party app that is not safelisted. */
export const APP_KEY = "dev-only-mobile-app-key";

export type Subgraphs = Awaited<ReturnType<typeof startSubgraphs>>;

/** users + catalogue on fresh databases, with one category and one product to browse. */
export async function startSubgraphs() {
  const users = await startTestSubgraph(usersModule(usersConfigFrom({})));
  const catalogue = await startTestSubgraph(
    catalogueModule(
      catalogueConfigFrom({
        JWKS_URL: new URL("/.well-known/jwks.json", users.url).toString(),
        SERVICE_TOKEN: testEnv.serviceToken,
      }),
    ),
  );
  const suffix = randomUUID().slice(0, 8);
  const categoryId = randomUUID();
  await catalogue.database.db
    .insert(db.categories)
    .values({ id: categoryId, slug: `blankets-${suffix}`, name: "Blankets", path: `/${categoryId}/` });
  const [product] = await catalogue.database.db
    .insert(db.products)
    .values({
      sku: `WB-${suffix}`,
      slug: `wool-blanket-${suffix}`,
      name: "Wool blanket",
      priceAmount: 8900,
      currency: "EUR",
      categoryId,
    })
    .returning({ id: db.products.id, slug: db.products.slug });
  return {
    users,
    catalogue,
    product: product!,
    categorySlug: `blankets-${suffix}`,
    list: [
      { name: "users", url: users.url },
      { name: "catalogue", url: catalogue.url },
    ],
    stop: async () => {
      await catalogue.stop();
      await users.stop();
    },
  };
}

/** A customer, "Ada Reviewer", who has reviewed the test product (5, "Warm and soft.") through the router. */
export async function reviewTheProduct(subgraphs: Subgraphs, routerUrl: string): Promise<TestAccount> {
  const customer = await testAccounts(subgraphs.users).customer("Ada Reviewer");
  await executeOk(
    routerUrl,
    `mutation($i: CreateReviewInput!) { createReview(input: $i) { ... on Review { id } } }`,
    {
      token: customer.token,
      variables: { i: { productId: subgraphs.product.id, rating: 5, body: "Warm and soft." } },
    },
  );
  return customer;
}

export function startRouterOver(
  subgraphs: { name: string; url: string }[],
  env: Record<string, string> = {},
  log?: Logger,
) {
  return startTestRouter(subgraphs, log ? { env, log } : { env });
}

/** A logger whose JSON lines a test can read back (which level, which message, with a stack or not). */
export function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: "debug" },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  // pino's numeric levels: 50 is error, 60 fatal.
  const errorLines = () => lines.filter((line) => (line.level as number) >= 50);
  return { log, lines, errorLines };
}

/** A Redis key prefix of its own, so test files and runs never share counters or APQ entries. */
export const isolatedRedis = () => ({
  REDIS_URL: testEnv.redisUrl,
  REDIS_KEY_PREFIX: `test:router:${randomUUID()}:`,
  APQ_TTL_SECONDS: "120",
});

export interface Reply {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** A raw POST (or GET with `search`) to the router, for cases `execute()` cannot express. */
export async function send(
  url: string,
  body: unknown,
  options: {
    headers?: Record<string, string>;
    method?: "GET" | "POST";
    search?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const method = options.method ?? "POST";
  const target = new URL(url);
  for (const [key, value] of Object.entries(options.search ?? {})) target.searchParams.set(key, value);
  const response = await fetch(target, {
    method,
    headers: { ...(method === "POST" ? { "content-type": "application/json" } : {}), ...options.headers },
    ...(method === "POST" ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Reply["body"] };
}

export const codeOf = (reply: Reply) => reply.body.errors?.[0]?.extensions?.code;

/** One series of the router's /metrics (served on its metrics port), 0 when absent. */
export async function metric(
  metricsUrl: string,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text
    .split("\n")
    .find(
      (l) =>
        l.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.split(" ").pop()) : 0;
}
