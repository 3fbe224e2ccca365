import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What follows a request through async code without being passed by hand: its id (for logs and
 * propagation to other services) and a count of SQL statements it ran (for N+1 tests and
 * metrics).
 */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
