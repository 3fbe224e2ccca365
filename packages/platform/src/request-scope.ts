import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What follows a request through async code without being passed by hand: its id (for logs and
 * propagation to other services) and a count of SQL statements it ran (for N+1 tests and
 * metrics).
 */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
  /**
   * The service's own housekeeping (periodic tasks, the session-revocation feed), not work done
   * for a caller: its SQL is left out of the statement counts that N+1 tests read.
   */
  background?: true;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `fn` as the service's own housekeeping (see `RequestScope.background`). */
export function runInBackground<T>(name: string, fn: () => T): T {
  return storage.run({ requestId: name, sqlStatements: 0, background: true }, fn);
}
