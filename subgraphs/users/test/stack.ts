import { eq } from "drizzle-orm";
import {
  buildStack,
  execute,
  executeOk,
  startTestSubgraph,
  uniqueEmail,
  type ExecuteResult,
  type TestSubgraph,
  PASSWORD,
} from "@storefront/testkit";
import { schema } from "../src/db";
import { usersConfigFrom } from "../src/env";
import { usersModule } from "../src/server";
import { LoginDocument, RegisterDocument, type SessionFieldsFragment } from "./generated/users";

export type UsersSubgraph = TestSubgraph<typeof schema>;

/**
 * The users subgraph on a fresh database, with throttle limits low enough to reach in a test. It
 * issues the tokens itself, so nothing else is started for it.
 */
export async function startStack(
  env: Record<string, string> = {},
  options: {
    /** Keep the sign-in throttle limits the service ships with (for tests of the throttle itself). */
    shippedThrottle?: boolean;
    /** On the embedded database (in-memory PGlite) that `npm start` uses, instead of PostgreSQL. */
    embedded?: boolean;
    /** On this database instead of a fresh one (e.g. one behind a relay a test can cut). */
    databaseUrl?: string;
  } = {},
) {
  const testLimits = options.shippedThrottle
    ? {}
    : { LOGIN_MAX_FAILURES_PER_ACCOUNT: "3", LOGIN_MAX_FAILURES_PER_ADDRESS: "6" };
  const users = await startTestSubgraph(usersModule(usersConfigFrom({ ...testLimits, ...env })), {
    embedded: options.embedded,
    databaseUrl: options.databaseUrl,
  });
  return buildStack(users, [], {});
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** Every member's fields of a union, each optional: a union result as read before its `__typename` is checked. */
type AnyMember<T> = {
  [K in T extends unknown ? keyof T : never]?: T extends Record<K, infer V> ? V : never;
};

/** A register or login answer, an AuthSession or an AuthError, as the tests read it. */
export type SessionResult = AnyMember<SessionFieldsFragment>;

let ipCounter = 0;
/** A distinct client address per caller, so per-address throttling in one test never leaks into another. */
export function clientIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

/** Registers an account (from a client address of its own) on the users subgraph at `url`. */
export async function register(
  url: string,
  input: { email?: string; password?: string; name?: string } = {},
) {
  const variables = {
    input: { email: uniqueEmail(), password: PASSWORD, name: "Test User", ...input },
  };
  const data = await executeOk(url, RegisterDocument, {
    variables,
    headers: { "x-client-ip": clientIp() },
  });
  const session: SessionResult = data.register;
  return { ...session, password: variables.input.password, email: variables.input.email };
}

/** Signs in on the users subgraph at `url`, from the client address `ip` (a new one unless given). */
export function login(
  url: string,
  email: string,
  password: string,
  ip = clientIp(),
): Promise<ExecuteResult<{ login: SessionResult }>> {
  return execute(url, LoginDocument, {
    variables: { input: { email, password } },
    headers: { "x-client-ip": ip },
  });
}

/** Registers a user and makes them ADMIN directly in the database, then signs in again for a token with the role. */
export async function registerAdmin(subgraph: Pick<Stack, "url" | "db">) {
  const account = await register(subgraph.url);
  await subgraph.db.update(schema.users).set({ role: "ADMIN" }).where(eq(schema.users.id, account.user!.id));
  const result = await login(subgraph.url, account.email, account.password);
  return { ...account, accessToken: result.data!.login.accessToken! };
}
