import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { GraphQLResponseError } from "./execute";

export interface SubscriptionProbe<TData> {
  /** Every result received so far, in order. */
  results: { data?: TData | null; errors?: GraphQLResponseError[] }[];
  /** Resolves once `count` results have arrived; rejects after `timeoutMs`. */
  waitFor(
    count: number,
    timeoutMs?: number,
  ): Promise<{ data?: TData | null; errors?: GraphQLResponseError[] }[]>;
  /** Resolves when the server completed the subscription or the socket closed; carries the close code. */
  ended: Promise<{ code?: number; reason?: string; error?: unknown }>;
  close(): Promise<void>;
}

/**
 * Opens a graphql-ws subscription the way a storefront does: the token goes in `connection_init`.
 * The client does not retry, so a test sees every close.
 */
export function subscribe<TData = Record<string, unknown>>(
  httpUrl: string,
  query: string,
  options: {
    variables?: Record<string, unknown>;
    token?: string;
    connectionParams?: Record<string, unknown>;
  } = {},
): SubscriptionProbe<TData> {
  const url = httpUrl.replace(/^http/, "ws");
  let closeInfo: { code?: number; reason?: string; error?: unknown } | undefined;
  let endResolve: (info: { code?: number; reason?: string; error?: unknown }) => void = () => {};
  const ended = new Promise<{ code?: number; reason?: string; error?: unknown }>(
    (resolve) => (endResolve = resolve),
  );
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.connectionParams,
    },
    on: {
      closed: (event) => {
        const { code, reason } = event as { code?: number; reason?: string };
        closeInfo = { code, reason };
        endResolve(closeInfo);
      },
    },
  });
  const results: SubscriptionProbe<TData>["results"] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  const unsubscribe = client.subscribe<TData>(
    { query, variables: options.variables ?? {} },
    {
      next: (result) => {
        results.push(result as (typeof results)[number]);
        notify();
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as GraphQLResponseError[]) : undefined;
        if (errors) results.push({ errors });
        endResolve({ ...closeInfo, error });
        notify();
      },
      complete: () => endResolve(closeInfo ?? {}),
    },
  );
  return {
    results,
    ended,
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (results.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(results.slice(0, count));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `only ${results.length} of ${count} subscription results within ${timeoutMs} ms: ${JSON.stringify(results)}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}
