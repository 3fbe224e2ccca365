import type { Logger } from "@storefront/platform";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { backlog, refusal, SubscriptionFailure, unavailable, upstreamRefused } from "./errors";
import type { UpstreamEvent } from "./execute";
import type { SubscriptionMetrics } from "./metrics";
import type { SubscriptionPlan } from "./planner";
import { RESUME_VARIABLE, sequenceOf } from "./resume";
import type { UpstreamLink } from "./upstream";

export interface RouterSubscriptionOptions {
  plan: SubscriptionPlan;
  link: UpstreamLink;
  /** The client's coerced variables. */
  variables: Record<string, unknown>;
  /** Where the client asked to start (`afterSequence`), for a resumable primary. */
  initialSequence: number | undefined;
  /** Runs the rest of the plan for one event and formats the result for the client. */
  runEvent(event: UpstreamEvent): Promise<FormattedExecutionResult>;
  /** Formats errors the subgraph sent (an `error` message, or an event without data). */
  formatUpstreamErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[];
  /**
   * The subgraph closed the connection as Forbidden (4403). Returns true when that is the
   * client's token expiring, in which case the client socket is being closed for it.
   */
  credentialsRefused(): boolean;
  resumeTimeoutMs: number;
  metrics: SubscriptionMetrics;
  log: Logger;
  /** Called once when the subscription ends, however it ends. */
  onEnd(): void;
  /**
   * Told when a failure is queued (the backlog, the subgraph gone …): a transport that stopped
   * reading for a slow client reads on, so the failure reaches the client and the stream ends.
   */
  onFailure?(): void;
}

type Item =
  | { kind: "event"; event: UpstreamEvent }
  | { kind: "failure"; errors: GraphQLFormattedError[] }
  | { kind: "end" };

/**
 * Events one subscription holds for a client that reads them slower than the subgraph sends
 * them; one more ends the subscription with SUBSCRIPTION_BACKLOG instead of growing without bound.
 */
export const MAX_QUEUED_EVENTS = 100;

/** graphql-ws close codes after which re-opening the same subscription cannot help. */
const TERMINAL_CLOSE_CODES = new Set([
  4400, 4401, 4004, 4005, 4406, 4409, 4429, 4500, 1002, 1003, 1007, 1008,
]);

function closeCodeOf(error: unknown): number | undefined {
  if (!error || typeof error !== "object" || !("code" in error)) return undefined;
  const code = error.code;
  return typeof code === "number" ? code : undefined;
}

const isFormattedErrors = (value: unknown): value is GraphQLFormattedError[] =>
  Array.isArray(value) && value.every((e) => !!e && typeof e === "object" && "message" in e);

/**
 * One client subscription: the primary subscription to the owning subgraph, whose events are
 * queued and, one at a time and in order, completed with the rest of the plan. It is the async
 * iterator graphql-ws reads (its `return()` is the client's `complete` or disconnect).
 *
 * Failover: when the subgraph connection is lost (a replica stopped: 1001; crashed or
 * unreachable: 1006, a network error; no pong: 4499), the primary is re-opened against the
 * subgraph's URL, which in production is a Service in front of every replica, with backoff for
 * up to `resumeTimeoutMs`. A resumable primary (see resume.ts) is re-opened with
 * `afterSequence` set to the last sequence the router received, so the new replica replays what
 * happened in between and nothing is lost or repeated (events at or below that sequence are
 * dropped). A primary without that convention (`myOrderUpdates`) is re-opened from "now": a
 * change in the gap is not replayed. If the subgraph stays unreachable the client gets a
 * retryable SUBGRAPH_UNAVAILABLE error. The outage clock restarts only once the primary worked
 * again: an event arrived, or it held on an acknowledged connection for `resumeTimeoutMs`. A
 * subgraph that accepts every connection and drops it at once is therefore one outage, and ends
 * the subscription like one that refuses connections.
 *
 * Backpressure: graphql-ws reads the next event only once the previous one is sent, so a client
 * that reads slower than events come leaves them queued here. At most MAX_QUEUED_EVENTS wait;
 * one more drops them and ends the subscription with a retryable SUBSCRIPTION_BACKLOG error (the
 * client subscribes again, with `afterSequence` where the field has it). Events that arrive in one
 * socket read are queued before any is sent, so a burst of more than MAX_QUEUED_EVENTS (a replay
 * that long after a resume) ends the subscription the same way.
 */
export class RouterSubscription implements AsyncIterableIterator<FormattedExecutionResult> {
  private readonly queue: Item[] = [];
  private waiting: (() => void) | undefined;
  private finished = false;
  private generation = 0;
  private unsubscribe: (() => void) | undefined;
  private lastSequence: number | undefined;
  private openedAt = 0;
  /** The link was connected when the primary was last opened (the subscribe went out at once). */
  private openedOnConnectedLink = false;
  private failingSince: number | undefined;
  private attempt = 0;
  private resumeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RouterSubscriptionOptions) {
    this.lastSequence = options.initialSequence;
  }

  start(): this {
    this.open();
    return this;
  }

  private primaryVariables(): Record<string, unknown> {
    const { plan, variables } = this.options;
    const chosen: Record<string, unknown> = {};
    for (const name of plan.primary.variableUsages ?? []) {
      if (variables[name] !== undefined) chosen[name] = variables[name];
    }
    if (plan.resume) chosen[RESUME_VARIABLE] = this.lastSequence ?? null;
    return chosen;
  }

  private open(): void {
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.finished;
    const { primary } = this.options.plan;
    const { link } = this.options;
    this.openedAt = Date.now();
    this.openedOnConnectedLink = link.connected;
    this.unsubscribe = link.client.subscribe<Record<string, unknown>>(
      {
        query: primary.operation,
        variables: this.primaryVariables(),
        ...(primary.operationName ? { operationName: primary.operationName } : {}),
      },
      {
        next: (event) => {
          if (current()) this.received(event as UpstreamEvent);
        },
        error: (error) => {
          if (current()) this.upstreamFailed(error);
        },
        complete: () => {
          if (current()) this.push({ kind: "end" });
        },
      },
    );
  }

  private received(event: UpstreamEvent): void {
    // No `data` at all is GraphQL's request error: the subgraph refused the subscription before
    // it ran (its subscribe resolver threw FORBIDDEN, NOT_FOUND …; graphql-ws sends that as
    // `next` then `complete`). A refusal is an `error` message, as the router's own are.
    if (event.data === undefined && event.errors?.length) {
      this.fail(this.options.formatUpstreamErrors(event.errors));
      return;
    }
    const { resume } = this.options.plan;
    if (resume) {
      const sequence = sequenceOf(event.data, resume);
      if (sequence !== undefined) {
        // Replayed after a resume, or delivered twice: the client already has it.
        if (this.lastSequence !== undefined && sequence <= this.lastSequence) return;
        this.lastSequence = sequence;
      }
    }
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.backlogged();
      return;
    }
    this.failingSince = undefined;
    this.attempt = 0;
    this.push({ kind: "event", event });
  }

  private upstreamFailed(error: unknown): void {
    const { log, plan } = this.options;
    if (isFormattedErrors(error)) {
      // The subgraph refused or ended the subscription with an `error` message: the client's to see.
      this.fail(this.options.formatUpstreamErrors(error));
      return;
    }
    const code = closeCodeOf(error);
    if (code === 4403) {
      if (!this.options.credentialsRefused()) this.fail([upstreamRefused()]);
      return;
    }
    if (code !== undefined && TERMINAL_CLOSE_CODES.has(code)) {
      log.error({ subgraph: plan.service, code }, "subgraph closed the subscription connection");
      this.fail([refusal("INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again.")]);
      return;
    }
    this.resume(code ?? (error instanceof Error ? error.message : "connection error"));
  }

  private resume(cause: number | string): void {
    const { link, log, plan, resumeTimeoutMs } = this.options;
    const now = Date.now();
    // A new outage only once the primary worked again: an event arrived (received() clears the
    // clock), or it held on an acknowledged connection for as long as an outage may last. A link
    // that merely connected does not count: a subgraph that acknowledges connection_init and then
    // drops every connection would otherwise be retried every 50-100 ms forever.
    const upSince =
      link.connectedAt >= this.openedAt
        ? link.connectedAt
        : this.openedOnConnectedLink
          ? this.openedAt
          : undefined;
    if (this.failingSince === undefined || (upSince !== undefined && now - upSince >= resumeTimeoutMs)) {
      this.failingSince = now;
      this.attempt = 0;
    }
    if (now - this.failingSince > resumeTimeoutMs) {
      log.warn({ subgraph: plan.service, cause }, "subgraph unreachable; ending the subscription");
      this.fail([unavailable()]);
      return;
    }
    const delay = Math.min(2_000, 100 * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    log.info(
      { subgraph: plan.service, cause, afterSequence: this.lastSequence, delayMs: Math.round(delay) },
      "subgraph connection lost; re-opening the subscription",
    );
    this.options.metrics.resumes.inc({ subgraph: plan.service });
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => {
      if (!this.finished) this.open();
    }, delay);
  }

  /** The client let MAX_QUEUED_EVENTS events pile up: end it now rather than after the backlog. */
  private backlogged(): void {
    const { log, plan } = this.options;
    log.warn(
      { subgraph: plan.service, field: plan.rootField, queued: this.queue.length },
      "client reads events too slowly; ending the subscription",
    );
    this.stopUpstream();
    this.queue.length = 0;
    this.push({ kind: "failure", errors: [backlog()] });
    this.options.onFailure?.();
  }

  private fail(errors: GraphQLFormattedError[]): void {
    this.stopUpstream();
    this.push({ kind: "failure", errors });
    this.options.onFailure?.();
  }

  private push(item: Item): void {
    if (this.finished) return;
    this.queue.push(item);
    const wake = this.waiting;
    this.waiting = undefined;
    wake?.();
  }

  private stopUpstream(): void {
    this.generation += 1;
    clearTimeout(this.resumeTimer);
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    unsubscribe?.();
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    this.stopUpstream();
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
      const result = await this.options.runEvent(item.event);
      // The client may have completed while the rest of the plan ran.
      if (this.finished) return { done: true, value: undefined };
      this.options.metrics.events.inc({ field: this.options.plan.rootField });
      return { done: false, value: result };
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
