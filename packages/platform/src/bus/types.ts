/**
 * The one way services exchange messages. Two adapters implement it: AMQP (RabbitMQ, the
 * production path) and in-process (embedded `npm start`). Handlers are written once and run
 * unchanged on either.
 */

/** A message on the bus. `type` is also its routing key, e.g. `orders.status-changed.v1`. */
export interface Envelope<TPayload = unknown> {
  /** Unique per message; consumers de-duplicate on it (inbox tables). */
  id: string;
  /** Dotted, versioned name: `<domain>.<event>.v<version>`. */
  type: string;
  /** ISO-8601 UTC. */
  occurredAt: string;
  payload: TPayload;
  /** Free-form string headers, e.g. request id for log correlation. */
  headers?: Record<string, string>;
}

/** What a handler learns about the delivery it is handling. */
export interface DeliveryInfo {
  /** 1 on the first delivery; grows with each redelivery after a transient failure. */
  attempt: number;
  /** True when the broker says this message was delivered before. */
  redelivered: boolean;
}

export type MessageHandler = (message: Envelope, delivery: DeliveryInfo) => Promise<void>;

export interface ConsumerSpec {
  /** Durable queue name, owned by the consuming service, e.g. `shipping.shipment-requests`. */
  queue: string;
  /** Routing-key patterns bound to the queue (`*` one word, `#` zero or more words). */
  bindings: string[];
  /** Unacknowledged messages in flight per consumer. */
  prefetch?: number;
  /** Deliveries before a message that keeps failing is dead-lettered. */
  deliveryLimit?: number;
}

export interface Consumer {
  /** Stop receiving; resolves when in-flight handlers have finished and been acknowledged. */
  cancel(): Promise<void>;
}

/**
 * A broadcast subscription: every subscriber gets its own copy of each matching message, for
 * fan-out to in-memory listeners (live subscriptions in each replica). Nothing is durable: the
 * private queue lives only while its subscriber does, and messages published while a subscriber
 * is away (including during a broker reconnect) are not kept for it; listeners that must not
 * miss a change re-read the current state when `onReconnect` fires.
 */
export interface BroadcastSpec {
  /** Prefix of the private queue's name, for operators, e.g. `orders.live-status`. */
  name: string;
  bindings: string[];
  /** Called after the subscription was re-established following a lost broker link. */
  onReconnect?: () => void;
}

export interface MessageBus {
  /**
   * Resolves only once the message is safely accepted (broker confirm, routed to at least one
   * queue). Rejects with UnroutableMessageError when no queue is bound for its type, and with
   * another error when the broker refuses it or the link is down; callers (outbox relays) keep
   * the message pending and try again.
   */
  publish(message: Envelope): Promise<void>;
  /**
   * Declares the queue and its bindings and starts delivering. A handler that resolves acks the
   * message; one that throws PermanentMessageError dead-letters it at once; any other error is
   * transient and the message is redelivered until `deliveryLimit`, then dead-lettered.
   */
  consume(spec: ConsumerSpec, handler: MessageHandler): Promise<Consumer>;
  /**
   * Starts a broadcast subscription (see BroadcastSpec). Handler failures are logged and the
   * message dropped: a broadcast has no redelivery.
   */
  subscribe(spec: BroadcastSpec, handler: MessageHandler): Promise<Consumer>;
  /** True while the adapter holds a working link to its broker. */
  isReady(): boolean;
  /** Stops consumers (finishing in-flight messages) and closes the link. */
  close(): Promise<void>;
}

/** Thrown by a handler for a message that can never succeed (malformed, unknown version). */
export class PermanentMessageError extends Error {
  override name = "PermanentMessageError";
}

export class UnroutableMessageError extends Error {
  override name = "UnroutableMessageError";
  constructor(readonly routingKey: string) {
    super(`no queue is bound for routing key ${routingKey}`);
  }
}

/** Topic-pattern match with AMQP semantics: `*` is exactly one word, `#` zero or more. */
export function matchesBinding(pattern: string, routingKey: string): boolean {
  const p = pattern.split(".");
  const k = routingKey.split(".");
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === k.length;
    const word = p[i];
    if (word === "#") {
      for (let skip = j; skip <= k.length; skip++) if (match(i + 1, skip)) return true;
      return false;
    }
    if (j === k.length) return false;
    return (word === "*" || word === k[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
