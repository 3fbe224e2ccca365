import { afterAll, beforeAll } from "vitest";
import { execute, executeOk, type ExecuteResult, type Operation } from "./execute";
import { testAccounts, type Administrator } from "./accounts";
import { testEnv } from "./env";
import { startTestSubgraph, type TestSubgraph } from "./subgraph";
import type { RequestContext } from "@storefront/platform/context";
import type { SubgraphModule } from "@storefront/platform/launch";

/** Who sends an operation: a signed-in account's token and any extra headers (a guest's cart token). */
export interface Caller {
  token?: string;
  headers?: Record<string, string>;
}

type Variables = Record<string, unknown>;

/** Operations sent to one subgraph as one caller. */
export interface StackClient {
  execute<TData = Record<string, unknown>, TVariables = Variables>(
    operation: Operation<TData, TVariables> | string,
    variables?: NoInfer<TVariables>,
  ): Promise<ExecuteResult<TData>>;
  /** Like execute, but fails the test with the errors unless the operation succeeded. */
  executeOk<TData = Record<string, unknown>, TVariables = Variables>(
    operation: Operation<TData, TVariables> | string,
    variables?: NoInfer<TVariables>,
  ): Promise<TData>;
}

/**
 * The one shape every subgraph's `test/stack.ts` returns: the subgraph under test (its URL and
 * its own database), operations sent to it by any caller, and one stop for everything started
 * for it. Each stack adds only what its subgraph's tests need besides (`extra`).
 */
export interface Stack<TSchema extends Record<string, unknown>> {
  /** The subgraph under test, as started. */
  subgraph: TestSubgraph<TSchema>;
  /** Its GraphQL endpoint. */
  url: string;
  /** Its own database: the only one a test of this subgraph reads or writes directly. */
  db: TestSubgraph<TSchema>["database"]["db"];
  execute<TData = Record<string, unknown>, TVariables = Variables>(
    operation: Operation<TData, TVariables> | string,
    variables?: NoInfer<TVariables>,
    caller?: Caller,
  ): Promise<ExecuteResult<TData>>;
  executeOk<TData = Record<string, unknown>, TVariables = Variables>(
    operation: Operation<TData, TVariables> | string,
    variables?: NoInfer<TVariables>,
    caller?: Caller,
  ): Promise<TData>;
  /** The same operations, sent as this account (or any caller). */
  as(caller: Caller): StackClient;
  /** Stops what the stack started, the subgraph under test first. */
  stop(): Promise<void>;
}

function optionsFor<TVariables>(variables: TVariables | undefined, caller: Caller) {
  return {
    ...(variables ? { variables } : {}),
    ...(caller.token ? { token: caller.token } : {}),
    ...(caller.headers ? { headers: caller.headers } : {}),
  };
}

/**
 * Puts a stack together: `subgraph` is the one under test, `stops` what else was started for it
 * (stopped in the order given, after the subgraph), `extra` what this subgraph's tests add.
 */
export function buildStack<TSchema extends Record<string, unknown>, TExtra extends object>(
  subgraph: TestSubgraph<TSchema>,
  stops: (() => Promise<void>)[],
  extra: TExtra,
): Stack<TSchema> & TExtra {
  // Operations go to `stack.url` as it is when they are sent, so a stack whose subgraph is
  // restarted can redefine `url` (and `subgraph`, `db`) as getters.
  const as = (caller: Caller): StackClient => ({
    execute: (operation, variables) => execute(stack.url, operation, optionsFor(variables, caller)),
    executeOk: (operation, variables) => executeOk(stack.url, operation, optionsFor(variables, caller)),
  });
  const stack: Stack<TSchema> = {
    subgraph,
    url: subgraph.url,
    db: subgraph.database.db,
    execute: (operation, variables, caller = {}) => as(caller).execute(operation, variables),
    executeOk: (operation, variables, caller = {}) => as(caller).executeOk(operation, variables),
    as,
    async stop() {
      await subgraph.stop();
      for (const stop of stops) await stop();
    },
  };
  // Property descriptors, not a spread: a getter in `extra` stays a getter.
  return Object.defineProperties(stack, Object.getOwnPropertyDescriptors(extra)) as Stack<TSchema> & TExtra;
}

/**
 * A users subgraph on a fresh database, started for the real tokens the subgraph under test
 * verifies: `env` points it at the users' JWKS and gives it the service credential. `seed` is the
 * users subgraph's first-start seeding (`seedUsers`): its administrator promotes the accounts
 * tests ask to be administrators through the users API, so no test writes into the users database.
 */
export async function startTokenIssuer<
  TSchema extends Record<string, unknown>,
  TContext extends RequestContext,
>(
  usersModule: SubgraphModule<TSchema, TContext>,
  seed: (db: TestSubgraph<TSchema>["database"]["db"]) => Promise<(Administrator & { role: string })[]>,
) {
  const users = await startTestSubgraph(usersModule);
  const administrator = (await seed(users.database.db)).find((account) => account.role === "ADMIN");
  if (!administrator) throw new Error("the users subgraph seeded no administrator");
  return {
    users,
    accounts: testAccounts(users, { administrator }),
    env: {
      JWKS_URL: new URL("/.well-known/jwks.json", users.url).toString(),
      SERVICE_TOKEN: testEnv.serviceToken,
    },
  };
}

/**
 * Starts a stack before the file's tests and stops it after them, for the common case of one stack
 * per test file: `const s = useStack(() => startStack());`. What it returns stands for the started
 * stack (properties and methods are read from it when used, so only inside tests and hooks).
 */
export function useStack<TStack extends { stop(): Promise<void> }>(
  start: () => Promise<TStack>,
  timeoutMs = 120_000,
): TStack {
  let started: TStack | undefined;
  beforeAll(async () => {
    started = await start();
  }, timeoutMs);
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as TStack, {
    get(_, property): unknown {
      if (!started) throw new Error("useStack: the stack is used before its beforeAll hook has started it");
      const value: unknown = Reflect.get(started, property, started);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}
