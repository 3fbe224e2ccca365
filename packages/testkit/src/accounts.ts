import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@storefront/platform/db";
import { executeOk } from "./execute";
import { uniqueEmail } from "./execute";

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  /** A real access token signed by the users subgraph. */
  token: string;
}

const PASSWORD = "correct horse battery";

/**
 * Customers and administrators made through a running users subgraph, so every token is real
 * and verifiable through its JWKS. `users` is any running users subgraph (test or not).
 */
export function testAccounts(users: {
  url: string;
  database: Pick<DatabaseHandle<Record<string, unknown>>, "db">;
}) {
  const signIn = async (email: string) => {
    const data = await executeOk<{ login: { accessToken: string } }>(
      users.url,
      `mutation($i: LoginInput!) { login(input: $i) { ... on AuthSession { accessToken } } }`,
      { variables: { i: { email, password: PASSWORD } } },
    );
    return data.login.accessToken;
  };
  const customer = async (name = "Test Shopper"): Promise<TestAccount> => {
    const email = uniqueEmail();
    const data = await executeOk<{ register: { accessToken: string; user: { id: string } } }>(
      users.url,
      `mutation($i: RegisterInput!) { register(input: $i) { ... on AuthSession { accessToken user { id } } } }`,
      { variables: { i: { email, password: PASSWORD, name } } },
    );
    return { id: data.register.user.id, email, password: PASSWORD, token: data.register.accessToken };
  };
  return {
    customer,
    /** A customer promoted to ADMIN in the users database, signed in again for a token with the role. */
    async admin(name = "Test Admin"): Promise<TestAccount> {
      const account = await customer(name);
      await users.database.db.execute(sql`update users set role = 'ADMIN' where id = ${account.id}`);
      return { ...account, token: await signIn(account.email) };
    },
    signIn,
  };
}
