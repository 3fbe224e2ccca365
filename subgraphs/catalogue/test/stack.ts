import { randomUUID } from "node:crypto";
import { SERVICE_TOKEN_HEADER } from "@storefront/platform/context";
import {
  buildStack,
  startTestSubgraph,
  startTokenIssuer,
  testEnv,
  unique,
  type Caller,
  type TestSubgraph,
} from "@storefront/testkit";
import type { usersDbSchema } from "@storefront/users";
import { seedUsers, usersConfigFrom, usersModule } from "@storefront/users";
import { schema } from "../src/db";
import { insertProduct as insertFixture, type ProductFixture } from "../src/testing";
import { catalogueConfigFrom } from "../src/env";
import { catalogueModule } from "../src/server";

export type CatalogueSubgraph = TestSubgraph<typeof schema>;
export type UsersSubgraph = TestSubgraph<typeof usersDbSchema>;

/** The catalogue on a fresh database, verifying tokens from a real users subgraph. */
export async function startStack(env: Record<string, string> = {}) {
  const issuer = await startTokenIssuer(usersModule(usersConfigFrom({})), seedUsers);
  const { users, accounts } = issuer;
  const catalogue = await startTestSubgraph(catalogueModule(catalogueConfigFrom({ ...issuer.env, ...env })));
  return buildStack(catalogue, [() => users.stop()], {
    catalogue,
    users,
    /** Another platform service calling: the service credential, for the internal operations. */
    service: { headers: { [SERVICE_TOKEN_HEADER]: testEnv.serviceToken } } satisfies Caller,
    /** Registers a customer through the users subgraph; real, verifiable tokens. */
    customer: async (): Promise<{ id: string; token: string }> => {
      const { id, token } = await accounts.customer("Catalogue Tester");
      return { id, token };
    },
    admin: async (): Promise<{ id: string; token: string }> => {
      const { id, token } = await accounts.admin("Catalogue Admin");
      return { id, token };
    },
  });
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

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
