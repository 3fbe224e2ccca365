import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
import { SERVICE_TOKEN_HEADER } from "@storefront/platform/context";
import { type DatabaseHandle } from "@storefront/platform/db";

export interface GraphQLResponseError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface ExecuteResult<TData> {
  status: number;
  headers: Headers;
  data: TData | null | undefined;
  errors: GraphQLResponseError[] | undefined;
}

/**
 * A GraphQL operation carrying its result and variables types: the typed documents graphql-codegen
 * writes from each test folder's `operations/` (see @storefront/contracts' scripts/test-operations.ts).
 * Tests that probe the server with malformed or ad hoc text still send a plain string.
 */
export type Operation<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> & { toString(): string };

export async function execute<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  url: string,
  query: Operation<TData, TVariables> | string,
  options: { variables?: NoInfer<TVariables>; token?: string; headers?: Record<string, string> } = {},
): Promise<ExecuteResult<TData>> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: String(query), variables: options.variables ?? {} }),
  });
  const text = await response.text();
  let body: { data?: TData | null; errors?: GraphQLResponseError[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`non-JSON response (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
}

/** Like execute, but fails the test with the errors when the operation did not succeed. */
export async function executeOk<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  url: string,
  query: Operation<TData, TVariables> | string,
  options: { variables?: NoInfer<TVariables>; token?: string; headers?: Record<string, string> } = {},
): Promise<TData> {
  const result = await execute<TData, TVariables>(url, query, options);
  if (result.errors?.length || !result.data) {
    throw new Error(`operation failed (${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** Calls an internal operation the way another platform service does, with the service credential. */
export function executeInternal<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  url: string,
  query: Operation<TData, TVariables> | string,
  options: { variables?: NoInfer<TVariables>; serviceToken: string },
): Promise<ExecuteResult<TData>> {
  return execute<TData, TVariables>(url, query, {
    ...(options.variables ? { variables: options.variables } : {}),
    headers: { [SERVICE_TOKEN_HEADER]: options.serviceToken },
  });
}

/** SQL statements each database ran while `fn` ran (run it alone: counts are per database). */
export async function countSql<T>(
  databases: Record<string, Pick<DatabaseHandle<Record<string, unknown>>, "statementCount">>,
  fn: () => Promise<T>,
): Promise<{ result: T; statements: Record<string, number> }> {
  const before = Object.fromEntries(
    Object.entries(databases).map(([name, db]) => [name, db.statementCount()]),
  );
  const result = await fn();
  const statements = Object.fromEntries(
    Object.entries(databases).map(([name, db]) => [name, db.statementCount() - (before[name] ?? 0)]),
  );
  return { result, statements };
}

let sequence = 0;
/** Unique per call and per run, so tests never collide on unique columns. */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${sequence}`;
}

export function uniqueEmail(): string {
  return `${unique("user")}@example.test`;
}

/**
 * Polls `probe` until `done` accepts its value, and resolves with that value. Fails (with the last
 * value seen) when the time is up, so a condition that never comes fails the test at this line.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${describe(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value).slice(0, 500);
  } catch {
    return String(value);
  }
}
