/**
 * What the subscription tests share: tokens `user.<expiry in seconds>`, checked by a fake verifier
 * that the router and the test subgraphs both use, and the subgraph's request context built from
 * the caller it is told about.
 */
import { type Viewer } from "@storefront/platform/auth";
import { type RequestContext } from "@storefront/platform/context";
import { forbidden, unauthenticated } from "@storefront/platform/errors";
import type { Logger } from "@storefront/platform/logger";

/** A token of `user` that expires in `ttlSeconds`. */
export function token(user: string, ttlSeconds = 600) {
  return `${user}.${Math.floor(Date.now() / 1000) + ttlSeconds}`;
}

/** The fake verifier: a customer `user` until the token's expiry. */
export function verify(presented: string): Promise<Viewer> {
  const [userId, expiry] = presented.split(".");
  const expiresAt = Number(expiry);
  if (!userId || !Number.isInteger(expiresAt))
    return Promise.reject(unauthenticated("The access token is invalid."));
  if (expiresAt * 1000 <= Date.now()) return Promise.reject(unauthenticated("The access token has expired."));
  return Promise.resolve({ userId, role: "CUSTOMER", expiresAt, sessionId: undefined });
}

/** A test subgraph's context for a caller, from the headers the router forwarded. */
export function contextFrom(
  headers: Record<string, string | string[] | undefined>,
  viewer: Viewer | undefined,
  log: Logger,
): RequestContext {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    requestId: header("x-request-id") ?? "none",
    viewer,
    authorization: header("authorization"),
    clientIp: header("x-client-ip"),
    userAgent: undefined,
    internalCaller: false,
    log,
  };
}

export interface TickRow {
  sequence: number;
  value: number;
}

/**
 * The ticks a test subgraph's subscriptions follow. It outlives the subgraph's server, as a
 * database would: a restarted ticker replays from it.
 */
export class TickLog {
  readonly ticks: TickRow[] = [];
  /** One per subscription following the log. */
  readonly listeners = new Set<() => void>();

  publish(value: number): void {
    this.ticks.push({ sequence: this.ticks.length + 1, value });
    for (const wake of this.listeners) wake();
  }

  /**
   * Every tick after `after` (all past ones when given, none when not), then live ones, each as
   * `shape` makes it. An iterator rather than an async generator: a generator waiting for the
   * next tick cannot be returned early, so an unsubscribe would only take effect at the next tick.
   */
  follow<T>(after: number | null | undefined, shape: (row: TickRow) => T): AsyncIterableIterator<T> {
    const { ticks, listeners } = this;
    let last = after ?? ticks.length;
    let wake: (() => void) | undefined;
    let done = false;
    const listener = () => wake?.();
    listeners.add(listener);
    return {
      async next() {
        for (;;) {
          if (done) return { done: true, value: undefined };
          const next = ticks.find((t) => t.sequence === last + 1);
          if (next) {
            last = next.sequence;
            return { done: false, value: shape(next) };
          }
          await new Promise<void>((resolve) => (wake = resolve));
        }
      },
      return() {
        done = true;
        listeners.delete(listener);
        wake?.();
        return Promise.resolve({ done: true as const, value: undefined });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

/**
 * The ticker subgraph's subscription fields the tests share: `ticks(afterSequence)` (resumable),
 * `countdown` (three values, then it completes) and `secret` (always FORBIDDEN).
 */
export function tickerSubscriptions<T>(
  follow: (after: number | null | undefined) => AsyncIterableIterator<T>,
) {
  return {
    ticks: {
      subscribe: (_: unknown, args: { afterSequence?: number | null }) => follow(args.afterSequence),
      resolve: (tick: unknown) => tick,
    },
    countdown: {
      subscribe: async function* () {
        for (const value of [3, 2, 1]) yield await Promise.resolve(value);
      },
      resolve: (value: unknown) => value,
    },
    secret: {
      subscribe: () => {
        throw forbidden("Not for you.");
      },
    },
  };
}

/** A test subgraph's context for a subscription, from the caller it is told about. */
export async function subscriptionContext(
  params: Record<string, unknown>,
  log: Logger,
): Promise<RequestContext> {
  const authorization = typeof params.authorization === "string" ? params.authorization : "";
  const viewer = authorization ? await verify(authorization.replace(/^Bearer /, "")) : undefined;
  return contextFrom(params as Record<string, string>, viewer, log);
}
