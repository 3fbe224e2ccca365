import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  executeOk,
  startTestSubgraph,
  testEnv,
  unique,
  uniqueEmail,
  type TestSubgraph,
} from "@storefront/testkit";
import { usersConfigFrom, usersDbSchema, usersModule } from "@storefront/users";
import { schema } from "../src/db";
import { catalogueConfigFrom } from "../src/env";
import { catalogueModule } from "../src/server";

export type CatalogueSubgraph = TestSubgraph<typeof schema>;
export type UsersSubgraph = TestSubgraph<typeof usersDbSchema>;

export interface CatalogueHarness {
  catalogue: CatalogueSubgraph;
  users: UsersSubgraph;
  serviceToken: string;
  /** Registers a customer through the users subgraph; real, verifiable tokens. */
  customer(): Promise<{ id: string; token: string }>;
  admin(): Promise<{ id: string; token: string }>;
  stop(): Promise<void>;
}

/** The catalogue on a fresh database, verifying tokens from a real users subgraph. */
export async function startCatalogue(env: Record<string, string> = {}): Promise<CatalogueHarness> {
  const users = await startTestSubgraph(usersModule(usersConfigFrom({})));
  const catalogue = await startTestSubgraph(
    catalogueModule(
      catalogueConfigFrom({
        JWKS_URL: new URL("/.well-known/jwks.json", users.url).toString(),
        SERVICE_TOKEN: testEnv.serviceToken,
        ...env,
      }),
    ),
  );
  const signUp = async () => {
    const email = uniqueEmail();
    const data = await executeOk<{ register: { accessToken: string; user: { id: string } } }>(
      users.url,
      `mutation($i: RegisterInput!) { register(input: $i) { ... on AuthSession { accessToken user { id } } } }`,
      { variables: { i: { email, password: "correct horse battery", name: "Catalogue Tester" } } },
    );
    return { id: data.register.user.id, token: data.register.accessToken, email };
  };
  return {
    catalogue,
    users,
    serviceToken: testEnv.serviceToken,
    customer: async () => {
      const { id, token } = await signUp();
      return { id, token };
    },
    admin: async () => {
      const account = await signUp();
      await users.database.db
        .update(usersDbSchema.users)
        .set({ role: "ADMIN" })
        .where(eq(usersDbSchema.users.id, account.id));
      const login = await executeOk<{ login: { accessToken: string } }>(
        users.url,
        `mutation($i: LoginInput!) { login(input: $i) { ... on AuthSession { accessToken } } }`,
        { variables: { i: { email: account.email, password: "correct horse battery" } } },
      );
      return { id: account.id, token: login.login.accessToken };
    },
    stop: async () => {
      await catalogue.stop();
      await users.stop();
    },
  };
}

/**
 * Inserts a product with variants straight into the database (fixtures for tests that are not
 * about product administration). Stock is given through the ledger: a RECEIPT per variant.
 */
export async function insertProduct(
  catalogue: CatalogueSubgraph,
  options: {
    name?: string;
    description?: string;
    priceAmount?: number;
    categoryId?: string | null;
    createdAt?: Date;
    variants?: { stock: number; priceAmount?: number }[];
  } = {},
) {
  const db = catalogue.database.db;
  const sku = unique("SKU").toUpperCase();
  const [product] = await db
    .insert(schema.products)
    .values({
      sku,
      slug: sku.toLowerCase(),
      name: options.name ?? `Product ${sku}`,
      description: options.description ?? "",
      priceAmount: options.priceAmount ?? 1000,
      currency: "USD",
      categoryId: options.categoryId ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  const variantRows = [];
  for (const [index, spec] of (options.variants ?? [{ stock: 10 }]).entries()) {
    const [variant] = await db
      .insert(schema.variants)
      .values({
        productId: product!.id,
        sku: `${sku}-${index}`,
        name: `Variant ${index}`,
        priceAmount: spec.priceAmount ?? product!.priceAmount,
        currency: "USD",
        position: index,
      })
      .returning();
    await db.insert(schema.stockLevels).values({ variantId: variant!.id, onHand: spec.stock });
    if (spec.stock > 0) {
      await db
        .insert(schema.stockMovements)
        .values({ variantId: variant!.id, kind: "RECEIPT", quantity: spec.stock, note: "fixture" });
    }
    variantRows.push(variant!);
  }
  return { product: product!, variants: variantRows };
}

export async function insertCategory(
  catalogue: CatalogueSubgraph,
  name: string,
  parent?: { id: string; path: string },
) {
  const id = randomUUID();
  const [row] = await catalogue.database.db
    .insert(schema.categories)
    .values({
      id,
      name,
      slug: unique(name.toLowerCase().replace(/\W+/g, "-")),
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
    })
    .returning();
  return row!;
}
