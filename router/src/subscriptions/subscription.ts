import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { backlog, SubscriptionFailure } from "./errors";
import type { SubscriptionMetrics } from "./metrics";
import type { SubscriptionPlan } from "./planner";

export interface RouterSubscriptionOptions {
  plan: SubscriptionPlan;
  metrics: SubscriptionMetrics;
  /**
   * The subgraph refused the router's credentials for this subscription. Returns true when that
   * is the client's token expiring, in which case the client connection is being closed for it.
   */
  credentialsRefused(): boolean;
  /** The client left or the subscription ended: it no longer wants the shared subscription's events. */
  onLeave(subscriber: RouterSubscription): void;
  /** Called once when the subscription ends, however it ends. */
  onEnd(): void;
  /**
   * Told when a failure is queued (the backlog, the subgraph gone …): a transport that stopped
   * reading for a slow client reads on, so the failure reaches the client and the stream ends.
   */
  onFailure?(): void;
  /** Logs that a client read too slowly. */
  onBacklog(queued: number): void;
}

type Item =
  | { kind: "result"; result: FormattedExecutionResult }
  | { kind: "failure"; errors: GraphQLFormattedError[] }
  | { kind: "end" };

/**
 * Results one client subscription holds for a client that reads them slower than they come; one
 * more ends the subscription with SUBSCRIPTION_BACKLOG instead of growing without bound.
 */
export const MAX_QUEUED_EVENTS = 100;

/**
 * One client's subscription: what its transport reads (graphql-ws, SSE or multipart; `return()`
 * is the client's `complete` or disconnect). The events come from the upstream subscription it
 * shares with identical subscriptions (shared.ts), already completed with the rest of the plan,
 * so handing one over never waits on a subgraph or on another client.
 *
 * Backpressure: a transport reads the next result only once the previous one is written, so a
 * client that reads slower than events come leaves them queued here, in its own queue. At most
 * MAX_QUEUED_EVENTS wait; one more drops them and ends this client's subscription with a
 * retryable SUBSCRIPTION_BACKLOG error (it subscribes again, with `afterSequence` where the field
 * has it). The other subscribers of the shared subscription never wait for it.
 */
export class RouterSubscription implements AsyncIterableIterator<FormattedExecutionResult> {
  private readonly queue: Item[] = [];
  private waiting: (() => void) | undefined;
  private finished = false;
  /** A failure or the end is queued: nothing more is taken. */
  private closed = false;

  constructor(private readonly options: RouterSubscriptionOptions) {}

  /** One completed event of the shared subscription. */
  deliver(result: FormattedExecutionResult): void {
    if (this.closed) return;
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.options.onBacklog(this.queue.length);
      this.queue.length = 0;
      this.fail([backlog()]);
      return;
    }
    this.push({ kind: "result", result });
  }

  /** The shared subscription ended with errors (a refusal, the subgraph gone …). */
  fail(errors: GraphQLFormattedError[]): void {
    if (this.closed) return;
    this.closed = true;
    this.options.onLeave(this);
    this.push({ kind: "failure", errors });
    this.options.onFailure?.();
  }

  /** The subgraph completed the subscription. */
  complete(): void {
    if (this.closed) return;
    this.closed = true;
    this.options.onLeave(this);
    this.push({ kind: "end" });
  }

  /** See RouterSubscriptionOptions.credentialsRefused. */
  credentialsRefused(): boolean {
    return this.options.credentialsRefused();
  }

  private push(item: Item): void {
    if (this.finished) return;
    this.queue.push(item);
    const wake = this.waiting;
    this.waiting = undefined;
    wake?.();
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    this.closed = true;
    this.options.onLeave(this);
    this.queue.length = 0;
    const wake = this.waiting;
    this.waiting = undefined;
    wake?.();
    this.options.onEnd();
  }

  async next(): Promise<IteratorResult<FormattedExecutionResult>> {
    for (;;) {
      if (this.finished) return { done: true, value: undefined };
      const item = this.queue.shift();
      if (!item) {
        await new Promise<void>((resolve) => (this.waiting = resolve));
        continue;
      }
      if (item.kind === "end") {
        this.end();
        return { done: true, value: undefined };
      }
      if (item.kind === "failure") {
        this.end();
        throw new SubscriptionFailure(item.errors);
      }
      this.options.metrics.events.inc({ field: this.options.plan.rootField });
      return { done: false, value: item.result };
    }
  }

  return(): Promise<IteratorResult<FormattedExecutionResult>> {
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<FormattedExecutionResult>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/** The stream of a refused subscribe: it fails at once, which graphql-ws sends as an `error` message. */
export function refusedStream(
  errors: GraphQLFormattedError[],
): AsyncIterableIterator<FormattedExecutionResult> {
  let done = false;
  return {
    next() {
      if (done) return Promise.resolve({ done: true, value: undefined });
      done = true;
      return Promise.reject(new SubscriptionFailure(errors));
    },
    return() {
      done = true;
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** A stream that has already ended (the client went away before its subscription started). */
export function endedStream(): AsyncIterableIterator<FormattedExecutionResult> {
  const done = () => Promise.resolve({ done: true as const, value: undefined });
  return {
    next: done,
    return: done,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
