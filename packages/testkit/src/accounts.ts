import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@storefront/platform/db";
import { executeOk } from "./execute";
import { uniqueEmail } from "./execute";
import { PASSWORD } from "./fixtures";
import {
  TestAccountPromoteDocument,
  TestAccountRegisterDocument,
  TestAccountSignInDocument,
} from "./generated/users";

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  /** A real access token signed by the users subgraph. */
  token: string;
}

/** An administrator's credentials, e.g. the account a users subgraph seeds on first start. */
export interface Administrator {
  email: string;
  password: string;
}

/**
 * Customers and administrators made through a running users subgraph, so every token is real
 * and verifiable through its JWKS. `users` is any running users subgraph (test or not).
 *
 * Given an `administrator`, new administrators are promoted through the users API
 * (`setUserRole`, signed in as that administrator); without one, the role is set in the users
 * database directly, which only a test of the users subgraph itself should rely on.
 */
export function testAccounts(
  users: {
    url: string;
    database: Pick<DatabaseHandle<Record<string, unknown>>, "db">;
  },
  options: { administrator?: Administrator } = {},
) {
  const signIn = async (email: string, password = PASSWORD) => {
    const { login } = await executeOk(users.url, TestAccountSignInDocument, {
      variables: { input: { email, password } },
    });
    if (login.__typename !== "AuthSession")
      throw new Error(`${email} could not sign in (${login.__typename})`);
    return login.accessToken;
  };
  const customer = async (name = "Test Shopper"): Promise<TestAccount> => {
    const email = uniqueEmail();
    const { register } = await executeOk(users.url, TestAccountRegisterDocument, {
      variables: { input: { email, password: PASSWORD, name } },
    });
    if (register.__typename !== "AuthSession") {
      throw new Error(`${email} could not be registered (${register.__typename})`);
    }
    return { id: register.user.id, email, password: PASSWORD, token: register.accessToken };
  };
  const { administrator } = options;
  let administratorToken: Promise<string> | undefined;
  const promote = async (userId: string) => {
    if (!administrator) {
      await users.database.db.execute(sql`update users set role = 'ADMIN' where id = ${userId}`);
      return;
    }
    administratorToken ??= signIn(administrator.email, administrator.password);
    await executeOk(users.url, TestAccountPromoteDocument, {
      variables: { userId },
      token: await administratorToken,
    });
  };
  return {
    customer,
    /** A customer made an ADMIN, signed in again for a token with the role. */
    async admin(name = "Test Admin"): Promise<TestAccount> {
      const account = await customer(name);
      await promote(account.id);
      return { ...account, token: await signIn(account.email) };
    },
    signIn,
  };
}
