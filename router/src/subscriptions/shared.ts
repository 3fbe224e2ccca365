import { type Logger } from "@storefront/platform/logger";
import { ErrorCode } from "@storefront/platform/errors";
import { Kind, type FormattedExecutionResult, type GraphQLFormattedError } from "graphql";
import type { ExecutionResult as WsResult, Sink } from "graphql-ws";
import { backlog, refusal, unavailable, upstreamRefused } from "./errors";
import type { UpstreamEvent } from "./execute";
import type { SubscriptionMetrics } from "./metrics";
import type { SubscriptionPlan } from "./planner";
import { RESUME_VARIABLE, sequenceOf } from "./resume";
import { MAX_QUEUED_EVENTS, RouterSubscription, type RouterSubscriptionOptions } from "./subscription";
import { CALLER_EXTENSION, type UpstreamPool } from "./upstream";

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
 * What a client subscribes with; identical ones (see `dedupKey`) share one upstream subscription.
 * `C` is the router's caller (its connection), which the shared subscriptions only hand back.
 */
export interface SubscribeRequest<C = unknown> {
  plan: SubscriptionPlan;
  /** The client's coerced variables. */
  variables: Record<string, unknown>;
  /** Where the client asked to start (`afterSequence`), for a resumable primary. */
  initialSequence: number | undefined;
  /**
   * Who may share the subscription, as far as what the subgraph lets it see is concerned: for a
   * resumable primary the authorization scope (the user and role its token names), which every
   * token of one user shares; otherwise the token itself.
   */
  scope: string;
  /** The caller as the subgraph is told (authorization, request id, client address). */
  callerHeaders: Record<string, string>;
  /** Runs the rest of the plan for one event and formats the result for the client. */
  runEvent(event: UpstreamEvent): Promise<FormattedExecutionResult>;
  /** Formats errors the subgraph sent (an `error` message, or an event without data). */
  formatUpstreamErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[];
  /** Where the client's log is (its connection's), made when first used. */
  logs: { readonly log: Logger };
  /** The same subscribe as another caller of the same scope makes it: its credentials, its log. */
  madeBy(caller: C): SubscribeRequest<C>;
}

export interface SharedSubscriptionsOptions {
  upstream: UpstreamPool;
  resumeTimeoutMs: number;
  metrics: SubscriptionMetrics;
  log: Logger;
}

/** A client subscription's connection, as the shared subscriptions see it. */
export interface Subscriber<C = unknown> extends Pick<
  RouterSubscriptionOptions,
  "credentialsRefused" | "onEnd" | "onFailure"
> {
  /** Its caller, to open the upstream subscription as (see SubscribeRequest.madeBy). */
  readonly caller: C;
  /** Its credentials may hold an upstream subscription: its connection is open, its token not about to expire. */
  canHold(): boolean;
}

type Item =
  | { kind: "event"; event: UpstreamEvent }
  | { kind: "failure"; errors: GraphQLFormattedError[]; credentials?: boolean }
  | { kind: "end" };

/** JSON with object keys sorted, so equal variables give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const planIds = new WeakMap<SubscriptionPlan, number>();
let nextPlanId = 0;

/**
 * What makes two client subscriptions identical: the same plan (the same document and operation
 * on the same supergraph), the same variables and the same scope (see SubscribeRequest.scope). The client's
 * `afterSequence` is left out: where each starts is matched when it joins (see `join`).
 */
function dedupKey(request: SubscribeRequest): string {
  const { plan } = request;
  let id = planIds.get(plan);
  if (id === undefined) {
    id = nextPlanId++;
    planIds.set(plan, id);
  }
  const initial = plan.resume?.initial;
  const variables =
    initial?.kind === Kind.VARIABLE
      ? Object.fromEntries(Object.entries(request.variables).filter(([k]) => k !== initial.name.value))
      : request.variables;
  return `${id}\n${request.scope}\n${stableJson(variables)}`;
}

/**
 * What a client subscription calls back into: its shared subscription, its connection's hooks
 * and the log. An object whose methods live on the prototype, holding only what they use, rather
 * than closures: built in `join`, closures would share its scope and keep the whole `request` (the
 * event runner, the caller's headers, the executor's closure over the document and variables) for
 * every subscriber, although only the first one's ever runs; and every closure of the router's
 * code carries its renamed-function properties under tsx (esbuild's keepNames), a few hundred
 * bytes per subscriber each.
 */
class SubscriberOptions<C> implements RouterSubscriptionOptions {
  constructor(
    private readonly target: SharedSubscription<C>,
    private readonly subscriber: Subscriber<C>,
    private readonly logs: { readonly log: Logger },
    readonly plan: SubscriptionPlan,
    readonly metrics: SubscriptionMetrics,
  ) {}

  credentialsRefused(): boolean {
    return this.subscriber.credentialsRefused();
  }

  onLeave(leaving: RouterSubscription): void {
    this.target.leave(leaving);
  }

  onEnd(): void {
    this.subscriber.onEnd();
  }

  onFailure(): void {
    this.subscriber.onFailure?.();
  }

  onBacklog(queued: number): void {
    this.logs.log.warn(
      { subgraph: this.plan.service, field: this.plan.rootField, queued },
      "client reads events too slowly; ending its subscription",
    );
  }
}

/** The client's side of a shared subscription. */
function subscriptionOf<C>(
  target: SharedSubscription<C>,
  subscriber: Subscriber<C>,
  request: SubscribeRequest<C>,
  metrics: SubscriptionMetrics,
): RouterSubscription {
  return new RouterSubscription(
    new SubscriberOptions(target, subscriber, request.logs, request.plan, metrics),
  );
}

/**
 * Identical client subscriptions share one upstream subscription: it is opened with the first, as
 * its caller (the holder, until it leaves: see SharedSubscription.handOver), each event is
 * completed with the rest of the plan once (its entity fetches run once, as the holder) and the
 * result handed to every subscriber, and it ends when the last leaves.
 */
export class SharedSubscriptions<C = unknown> {
  private readonly byKey = new Map<string, Set<SharedSubscription<C>>>();

  constructor(private readonly options: SharedSubscriptionsOptions) {}

  /** The router is stopping: every upstream subscription stops, and none re-opens. */
  stop(): void {
    for (const group of [...this.byKey.values()]) for (const shared of [...group]) shared.stop();
  }

  /**
   * The client's subscription, on an identical upstream subscription where one is running from
   * where the client starts: a client without `afterSequence` (from now on) joins one opened the
   * same way, a client resuming after `n` one whose last event is `n`. Otherwise a new one opens.
   */
  join(request: SubscribeRequest<C>, subscriber: Subscriber<C>): RouterSubscription {
    const key = dedupKey(request);
    let group = this.byKey.get(key);
    const resumable = !!request.plan.resume;
    let shared = [...(group ?? [])].find(
      (candidate) =>
        !resumable ||
        (request.initialSequence === undefined
          ? candidate.fromNow
          : candidate.position === request.initialSequence),
    );
    const { metrics } = this.options;
    const subgraph = request.plan.service;
    if (shared) {
      metrics.deduplicated.inc({ subgraph });
    } else {
      shared = new SharedSubscription(request, this.options, this, key);
      if (!group) {
        group = new Set();
        this.byKey.set(key, group);
      }
      group.add(shared);
    }
    const subscription = subscriptionOf(shared, subscriber, request, metrics);
    shared.add(subscription, subscriber);
    return subscription;
  }

  /** An upstream subscription closed: no client joins it any more. */
  gone(shared: SharedSubscription<C>, key: string): void {
    const group = this.byKey.get(key);
    group?.delete(shared);
    if (group?.size === 0) this.byKey.delete(key);
  }
}

/**
 * The sink of one opening of an upstream subscription: what the subgraph sends is taken only
 * while this is still the subscription's current opening (a resume opens a new one). A class
 * rather than closures, for what each costs (see SubscriberOptions).
 */
class UpstreamSink<C> implements Sink<WsResult<Record<string, unknown>>> {
  constructor(
    private readonly shared: SharedSubscription<C>,
    private readonly generation: number,
  ) {}

  next(event: WsResult<Record<string, unknown>>): void {
    if (this.shared.isCurrent(this.generation)) this.shared.received(event);
  }

  error(error: unknown): void {
    if (this.shared.isCurrent(this.generation)) this.shared.upstreamFailed(error);
  }

  complete(): void {
    if (this.shared.isCurrent(this.generation)) this.shared.finish({ kind: "end" });
  }
}

/**
 * One upstream subscription to the subgraph that owns the field, on the router's shared
 * connection to it, authenticated as its subscribers (CALLER_EXTENSION). Its events are queued
 * and, one at a time and in order, completed with the rest of the plan and handed to every
 * subscriber.
 *
 * Failover: when the subgraph connection is lost (a replica stopped: 1001; crashed or
 * unreachable: 1006, a network error; no pong: 4499), the primary is re-opened against the
 * subgraph's URL, which in production is a Service in front of every replica, with backoff for
 * up to `resumeTimeoutMs`. A resumable primary (see resume.ts) is re-opened with
 * `afterSequence` set to the last sequence the router received, so the new replica replays what
 * happened in between and nothing is lost or repeated (events at or below that sequence are
 * dropped). A primary without that convention (`myOrderUpdates`) is re-opened from "now": a
 * change in the gap is not replayed. If the subgraph stays unreachable the subscribers get a
 * retryable SUBGRAPH_UNAVAILABLE error. The outage clock restarts only once the primary worked
 * again: an event arrived, or it held on an acknowledged connection for `resumeTimeoutMs`. A
 * subgraph that accepts every connection and drops it at once is therefore one outage, and ends
 * the subscription like one that refuses connections.
 *
 * Events waiting to be completed are bounded too (MAX_QUEUED_EVENTS): a burst longer than that
 * (a replay that long after a resume) ends the subscription with SUBSCRIPTION_BACKLOG once the
 * event being completed is handed over.
 */
class SharedSubscription<C> {
  /** Each client subscription, with its connection. */
  private readonly subscribers = new Map<RouterSubscription, Subscriber<C>>();
  /** The client subscription whose caller the upstream subscription is opened as. */
  private holder: RouterSubscription | undefined;
  private readonly queue: Item[] = [];
  private pumping = false;
  /** No subscriber joins any more: it failed, completed, or its last subscriber left. */
  private closing = false;
  private generation = 0;
  private unsubscribe: (() => void) | undefined;
  private lastSequence: number | undefined;
  private openedAt = 0;
  /** The link was connected when the primary was last opened (the subscribe went out at once). */
  private openedOnConnectedLink = false;
  private failingSince: number | undefined;
  private attempt = 0;
  private resumeTimer: NodeJS.Timeout | undefined;
  /** Opened without `afterSequence`: clients starting from now may join. */
  readonly fromNow: boolean;

  constructor(
    private request: SubscribeRequest<C>,
    private readonly options: SharedSubscriptionsOptions,
    private readonly owner: SharedSubscriptions<C>,
    private readonly key: string,
  ) {
    this.lastSequence = request.initialSequence;
    this.fromNow = request.initialSequence === undefined;
    options.metrics.upstreamSubscriptions.inc({ subgraph: request.plan.service });
    this.open();
  }

  /**
   * Where a client joining now would start: the last sequence received (or the starting one),
   * once every event up to it is handed over; none (NaN) while events are still on their way.
   */
  get position(): number | undefined {
    if (this.closing || this.pumping || this.queue.length > 0) return Number.NaN;
    return this.lastSequence;
  }

  add(subscription: RouterSubscription, subscriber: Subscriber<C>): void {
    if (this.subscribers.size > 0)
      this.options.metrics.deduplicatedSubscribers.inc({ subgraph: this.service });
    this.subscribers.set(subscription, subscriber);
    this.holder ??= subscription;
  }

  leave(subscription: RouterSubscription): void {
    if (!this.subscribers.delete(subscription)) return;
    if (this.subscribers.size > 0) {
      this.options.metrics.deduplicatedSubscribers.dec({ subgraph: this.service });
      // Its caller's credentials may be going (a token expiring, a session ending): the
      // subscription goes on as another of its clients.
      if (subscription === this.holder && !this.closing) this.handOver();
      return;
    }
    // The last subscriber left: nothing is sent or completed for this subscription any more.
    this.queue.length = 0;
    this.close();
  }

  /** Stops the upstream subscription without a word to the subscribers (their clients are going away). */
  stop(): void {
    this.queue.length = 0;
    this.close();
  }

  private get service() {
    return this.request.plan.service;
  }

  private close(): void {
    this.stopUpstream();
    if (this.closing) return;
    this.closing = true;
    this.options.metrics.upstreamSubscriptions.dec({ subgraph: this.service });
    this.owner.gone(this, this.key);
  }

  /**
   * Re-opens the upstream subscription as another of its clients whose credentials can hold it
   * (subscriptions are shared by scope, so each client has credentials of its own). Only a
   * resumable primary is shared across tokens (see SubscribeRequest.scope); it re-opens after the
   * last sequence received, so nothing is lost or repeated. Others share one token, which stays
   * good for as long as any of them does: they go on as they are. False when no client can.
   * One that has received no event yet re-opens from now, as after a lost connection.
   */
  private handOver(): boolean {
    if (!this.request.plan.resume) return false;
    for (const [subscription, subscriber] of this.subscribers) {
      if (subscription === this.holder || !subscriber.canHold()) continue;
      this.holder = subscription;
      this.request = this.request.madeBy(subscriber.caller);
      this.options.metrics.handovers.inc({ subgraph: this.service });
      this.stopUpstream();
      this.open();
      return true;
    }
    return false;
  }

  private primaryVariables(): Record<string, unknown> {
    const { plan, variables } = this.request;
    const chosen: Record<string, unknown> = {};
    for (const name of plan.primary.variableUsages ?? []) {
      if (variables[name] !== undefined) chosen[name] = variables[name];
    }
    if (plan.resume) chosen[RESUME_VARIABLE] = this.lastSequence ?? null;
    return chosen;
  }

  /** Whether an opening is the current one of a subscription still running. */
  isCurrent(generation: number): boolean {
    return generation === this.generation && !this.closing;
  }

  private open(): void {
    const generation = ++this.generation;
    const { primary } = this.request.plan;
    const link = this.options.upstream.link(this.service);
    this.openedAt = Date.now();
    this.openedOnConnectedLink = link.connected;
    this.unsubscribe = link.client.subscribe<Record<string, unknown>>(
      {
        query: primary.operation,
        variables: this.primaryVariables(),
        ...(primary.operationName ? { operationName: primary.operationName } : {}),
        extensions: { [CALLER_EXTENSION]: this.request.callerHeaders },
      },
      new UpstreamSink(this, generation),
    );
  }

  received(event: UpstreamEvent): void {
    // No `data` at all is GraphQL's request error: the subgraph refused the subscription before
    // it ran (its subscribe resolver threw FORBIDDEN, NOT_FOUND …; graphql-ws sends that as
    // `next` then `complete`). A refusal is an `error` message, as the router's own are.
    if (event.data === undefined && event.errors?.length) {
      // The subgraph completes it right after: unsubscribing too would release the shared
      // connection's hold twice when both messages come in one read (graphql-ws counts holds, and
      // a connection whose count went below zero is never closed when idle).
      this.unsubscribe = undefined;
      this.refused(event.errors);
      return;
    }
    const { resume } = this.request.plan;
    if (resume) {
      const sequence = sequenceOf(event.data, resume);
      if (sequence !== undefined) {
        // Replayed after a resume, or delivered twice: the subscribers already have it.
        if (this.lastSequence !== undefined && sequence <= this.lastSequence) return;
        this.lastSequence = sequence;
      }
    }
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.request.logs.log.warn(
        { subgraph: this.service, field: this.request.plan.rootField, queued: this.queue.length },
        "events arrive faster than they are completed; ending the subscription",
      );
      this.queue.length = 0;
      this.finish({ kind: "failure", errors: [backlog()] });
      return;
    }
    this.failingSince = undefined;
    this.attempt = 0;
    this.queue.push({ kind: "event", event });
    void this.pump();
  }

  /** Ends the upstream subscription; the subscribers get `item` after the events queued before it. */
  finish(item: Exclude<Item, { kind: "event" }>): void {
    this.close();
    this.queue.push(item);
    void this.pump();
  }

  /** Completes the queued events one at a time, in order, and hands each result to every subscriber. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let item = this.queue.shift(); item; item = this.queue.shift()) {
        if (item.kind === "event") {
          const result = await this.request.runEvent(item.event);
          for (const subscriber of [...this.subscribers.keys()]) subscriber.deliver(result);
        } else if (item.kind === "end") {
          for (const subscriber of [...this.subscribers.keys()]) subscriber.complete();
        } else {
          for (const subscriber of [...this.subscribers.keys()]) {
            if (item.credentials && subscriber.credentialsRefused()) continue;
            subscriber.fail(item.errors);
          }
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /**
   * The subgraph refused the subscription or ended it with errors: the subscribers' to see,
   * unless it is their token expiring (UNAUTHENTICATED), which ends their connections instead.
   */
  private refused(errors: readonly GraphQLFormattedError[]): void {
    const credentials = errors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED);
    if (credentials && this.holderRefused()) return;
    this.finish({ kind: "failure", errors: this.request.formatUpstreamErrors(errors), credentials });
  }

  /**
   * The subgraph refused the credentials it was opened with (the holder's token expired): the
   * holder's connection ends for it, and the subscription goes on as another client that can
   * hold it. False when none can (each then ends as its own credentials do).
   */
  private holderRefused(): boolean {
    const holder = this.holder && this.subscribers.get(this.holder);
    if (!holder || this.subscribers.size < 2) return false;
    holder.credentialsRefused();
    return this.handOver();
  }

  upstreamFailed(error: unknown): void {
    const { logs, plan } = this.request;
    const { log } = logs;
    if (isFormattedErrors(error)) {
      // The subgraph refused or ended the subscription with an `error` message.
      this.refused(error);
      return;
    }
    const code = closeCodeOf(error);
    if (code === 4403) {
      if (this.holderRefused()) return;
      this.finish({ kind: "failure", errors: [upstreamRefused()], credentials: true });
      return;
    }
    if (code !== undefined && TERMINAL_CLOSE_CODES.has(code)) {
      log.error({ subgraph: plan.service, code }, "subgraph closed the subscription connection");
      this.finish({
        kind: "failure",
        errors: [refusal("INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again.")],
      });
      return;
    }
    this.resume(code ?? (error instanceof Error ? error.message : "connection error"));
  }

  private resume(cause: number | string): void {
    const { logs, plan } = this.request;
    const { log } = logs;
    const { resumeTimeoutMs } = this.options;
    const link = this.options.upstream.link(this.service);
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
      this.finish({ kind: "failure", errors: [unavailable()] });
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
      if (!this.closing) this.open();
    }, delay);
  }

  private stopUpstream(): void {
    this.generation += 1;
    clearTimeout(this.resumeTimer);
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    unsubscribe?.();
  }
}
