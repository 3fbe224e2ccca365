import { randomUUID } from "node:crypto";
import { startTestSubgraph, testAccounts, testEnv, unique, type TestSubgraph } from "@storefront/testkit";
import type { usersDbSchema } from "@storefront/users";
import { usersConfigFrom, usersModule } from "@storefront/users";
import { schema } from "../src/db";
import { insertProduct as insertFixture, type ProductFixture } from "../src/testing";
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
  const accounts = testAccounts(users);
  return {
    catalogue,
    users,
    serviceToken: testEnv.serviceToken,
    customer: async () => {
      const { id, token } = await accounts.customer("Catalogue Tester");
      return { id, token };
    },
    admin: async () => {
      const { id, token } = await accounts.admin("Catalogue Admin");
      return { id, token };
    },
    stop: async () => {
      await catalogue.stop();
      await users.stop();
    },
  };
}

/** A product with variants straight in the database (for tests not about product administration). */
export function insertProduct(catalogue: CatalogueSubgraph, options: ProductFixture = {}) {
  return insertFixture(catalogue.database.db, options);
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
