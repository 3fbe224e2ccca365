import { randomUUID } from "node:crypto";
import {
  connect,
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type ConsumeMessage,
  type Message,
} from "amqplib";
import type { Logger } from "../logger";
import { currentServiceMetrics, handlingFrom, type QueueDepth, type ServiceMetrics } from "../metrics";
import { activeService, consumeInSpan } from "../tracing";
import {
  PermanentMessageError,
  UnroutableMessageError,
  type BroadcastSpec,
  type Consumer,
  type ConsumerSpec,
  type Envelope,
  type MessageBus,
  type MessageHandler,
} from "./types";

export interface AmqpBusOptions {
  /** e.g. `amqp://user:pass@host:5672/vhost?heartbeat=10` (amqplib URL parameters apply). */
  url: string;
  log: Logger;
  /** Topic exchange every message is published to; default `storefront.events`. Its dead-letter
   *  exchange is named after it: `<exchange>.dlx`. */
  exchange?: string;
  /** Delay between reconnect attempts: starts at initialMs (200) and doubles up to maxMs (5000). */
  reconnect?: { initialMs?: number; maxMs?: number };
}

/**
 * Connects to RabbitMQ and resolves once the exchanges are declared; rejects if that first
 * attempt fails, so a service does not start without its broker (its supervisor restarts it).
 * After that the bus keeps itself connected: when the link drops it reconnects with backoff and
 * re-declares the topology and every live consumer. While it is down, publish() and consume()
 * reject at once with "broker link down", and so do publishes still awaiting their confirm when
 * it drops; callers (outbox relays) retry later.
 */
export async function createAmqpBus(options: AmqpBusOptions): Promise<MessageBus> {
  const bus = new AmqpBus(options);
  await bus.start();
  return bus;
}

const DEFAULT_EXCHANGE = "storefront.events";
const DEFAULT_PREFETCH = 10;
const DEFAULT_DELIVERY_LIMIT = 5;

/** One connection; `lost` once it, or any of its channels, has failed. */
interface Link {
  model: ChannelModel;
  lost: boolean;
}

interface PendingPublish {
  returned: boolean;
}

interface ConsumerState {
  spec: Required<ConsumerSpec>;
  /** Set for a broadcast subscription: a private, non-durable queue without dead-lettering. */
  broadcast?: Pick<BroadcastSpec, "onReconnect">;
  handler: MessageHandler;
  /** The service that started the consumer, for its spans (several share one bus in a process). */
  service: string | undefined;
  /** That service's metrics: its queue's depth, its dead-letters, its inbox duplicates. */
  metrics: ServiceMetrics | undefined;
  stopWatching?: () => void;
  channel?: Channel;
  consumerTag?: string;
  /** Handlers still running, on this link's channel or an earlier one. */
  inFlight: Set<Promise<void>>;
  cancelled: boolean;
  attaching?: Promise<void>;
  cancelling?: Promise<void>;
}

class AmqpBus implements MessageBus {
  private readonly url: string;
  private readonly log: Logger;
  private readonly exchange: string;
  private readonly deadLetterExchange: string;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private nextDelayMs: number;

  private live: { link: Link; publisher: ConfirmChannel } | undefined;
  private opening: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private readonly consumers = new Set<ConsumerState>();
  /** Publishes awaiting their confirm, by message id, oldest first. */
  private readonly unconfirmed = new Map<string, PendingPublish[]>();
  private readonly confirms = new Set<Promise<void>>();

  constructor(options: AmqpBusOptions) {
    this.url = options.url;
    this.log = options.log;
    this.exchange = options.exchange ?? DEFAULT_EXCHANGE;
    this.deadLetterExchange = `${this.exchange}.dlx`;
    this.initialDelayMs = options.reconnect?.initialMs ?? 200;
    this.maxDelayMs = options.reconnect?.maxMs ?? 5_000;
    this.nextDelayMs = this.initialDelayMs;
  }

  start(): Promise<void> {
    return this.openLink();
  }

  isReady(): boolean {
    return this.live !== undefined;
  }

  async publish(message: Envelope): Promise<void> {
    if (this.closing) throw new Error("message bus is closed");
    const live = this.live;
    if (!live) throw new Error("broker link down");

    const body = Buffer.from(JSON.stringify(message));
    const pending: PendingPublish = { returned: false };
    const confirmed = new Promise<void>((resolve, reject) => {
      this.trackUnconfirmed(message.id, pending);
      const onConfirm = (error: unknown) => {
        this.forgetUnconfirmed(message.id, pending);
        if (error) reject(new Error(`broker did not confirm message ${message.id}`, { cause: error }));
        // RabbitMQ sends basic.return before the ack of a mandatory message no queue took.
        else if (pending.returned) reject(new UnroutableMessageError(message.type));
        else resolve();
      };
      try {
        live.publisher.publish(
          this.exchange,
          message.type,
          body,
          {
            persistent: true,
            mandatory: true,
            messageId: message.id,
            type: message.type,
            timestamp: Math.floor(Date.now() / 1000),
            contentType: "application/json",
            headers: message.headers,
          },
          onConfirm,
        );
      } catch (error) {
        // The channel closed before the close event reached us; amqplib will not call back.
        this.forgetUnconfirmed(message.id, pending);
        reject(new Error("broker link down", { cause: error }));
      }
    });
    this.confirms.add(confirmed);
    const forget = () => this.confirms.delete(confirmed);
    confirmed.then(forget, forget);
    return confirmed;
  }

  consume(spec: ConsumerSpec, handler: MessageHandler): Promise<Consumer> {
    return this.register({
      spec: {
        queue: spec.queue,
        bindings: [...spec.bindings],
        prefetch: positiveInteger("prefetch", spec.prefetch ?? DEFAULT_PREFETCH),
        deliveryLimit: positiveInteger("deliveryLimit", spec.deliveryLimit ?? DEFAULT_DELIVERY_LIMIT),
      },
      handler,
      service: activeService(),
      metrics: currentServiceMetrics(),
      inFlight: new Set(),
      cancelled: false,
    });
  }

  subscribe(spec: BroadcastSpec, handler: MessageHandler): Promise<Consumer> {
    return this.register({
      spec: { queue: spec.name, bindings: [...spec.bindings], prefetch: DEFAULT_PREFETCH, deliveryLimit: 1 },
      broadcast: { onReconnect: spec.onReconnect },
      handler,
      service: activeService(),
      metrics: currentServiceMetrics(),
      inFlight: new Set(),
      cancelled: false,
    });
  }

  private async register(state: ConsumerState): Promise<Consumer> {
    if (this.closing) throw new Error("message bus is closed");
    const live = this.live;
    if (!live) throw new Error("broker link down");
    await this.attach(state, live.link);
    if (live.link.lost) {
      // A reconnect may already have gone through the registry, so registering now could leave
      // this consumer detached for good; the caller retries instead.
      await state.channel?.close().catch(() => undefined);
      throw new Error("broker link down");
    }
    this.consumers.add(state);
    if (!state.broadcast) {
      const { queue } = state.spec;
      state.stopWatching = state.metrics?.watchQueue(queue, () => this.queueDepth(queue));
    }
    return { cancel: () => this.cancel(state) };
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    await Promise.allSettled([...this.consumers].map((state) => this.cancel(state)));
    await Promise.allSettled(this.confirms);
    await this.opening?.catch(() => undefined);
    const live = this.live;
    this.live = undefined;
    if (live)
      await live.link.model
        .close()
        .catch((error: unknown) => this.log.warn({ err: error }, "closing broker link"));
  }

  private openLink(): Promise<void> {
    this.opening = this.establish().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  /** Connects and declares everything; the link goes live only once all of it is in place. */
  private async establish(): Promise<void> {
    const model = await connect(this.url);
    const link: Link = { model, lost: false };
    // Without a listener amqplib's 'error' would crash the process; the 'close' that always
    // follows carries the same error and is where it is logged and recovery starts.
    model.on("error", () => undefined);
    model.on("close", (error?: Error) => this.dropLink(link, "connection closed", error));
    try {
      const publisher = await model.createConfirmChannel();
      publisher.on("error", (error: unknown) =>
        this.log.warn({ err: error }, "broker publish channel error"),
      );
      publisher.on("close", () => this.dropChannel(link, "publish channel closed"));
      publisher.on("return", (returned: Message) => this.markReturned(returned));
      await publisher.assertExchange(this.exchange, "topic", { durable: true });
      await publisher.assertExchange(this.deadLetterExchange, "topic", { durable: true });
      for (const state of this.consumers) {
        if (this.closing) break;
        await this.attach(state, link);
      }
      if (this.closing) throw new Error("message bus is closed");
      if (link.lost) throw new Error("broker link lost while declaring topology");
      this.live = { link, publisher };
    } catch (error) {
      link.lost = true;
      await model.close().catch(() => undefined);
      throw error;
    }
  }

  /** amqplib closes a dying connection's channels just before it reports the connection closed;
   *  waiting for that lets the log name the real cause. */
  private dropChannel(link: Link, reason: string): void {
    queueMicrotask(() => this.dropLink(link, reason));
  }

  private dropLink(link: Link, reason: string, error?: Error): void {
    link.lost = true;
    if (this.live?.link !== link) return;
    this.live = undefined;
    if (this.closing) return;
    this.log.warn({ reason, err: error }, "broker link lost, reconnecting");
    // Only one channel may have failed; the rest of the connection goes with it so that
    // recovery is a single path.
    void link.model.close().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = this.nextDelayMs;
    this.nextDelayMs = Math.min(this.nextDelayMs * 2, this.maxDelayMs);
    this.reconnectTimer = setTimeout(() => void this.reconnect(), delay);
  }

  private async reconnect(): Promise<void> {
    if (this.closing) return;
    try {
      await this.openLink();
      this.nextDelayMs = this.initialDelayMs;
      this.log.info("broker link re-established");
      for (const state of this.consumers) {
        try {
          state.broadcast?.onReconnect?.();
        } catch (error) {
          this.log.warn({ err: error, queue: state.spec.queue }, "broadcast reconnect listener failed");
        }
      }
    } catch (error) {
      if (this.closing) return;
      this.log.warn({ err: error }, "reconnecting to broker failed");
      this.scheduleReconnect();
    }
  }

  private trackUnconfirmed(messageId: string, pending: PendingPublish): void {
    const list = this.unconfirmed.get(messageId);
    if (list) list.push(pending);
    else this.unconfirmed.set(messageId, [pending]);
  }

  private forgetUnconfirmed(messageId: string, pending: PendingPublish): void {
    const list = this.unconfirmed.get(messageId);
    if (!list) return;
    const rest = list.filter((entry) => entry !== pending);
    if (rest.length > 0) this.unconfirmed.set(messageId, rest);
    else this.unconfirmed.delete(messageId);
  }

  private markReturned(returned: Message): void {
    const messageId: unknown = returned.properties.messageId;
    if (typeof messageId !== "string") return;
    // Returns come in publish order, so the oldest publish of this id not yet returned is it.
    const pending = this.unconfirmed.get(messageId)?.find((entry) => !entry.returned);
    if (pending) pending.returned = true;
  }

  /**
   * Messages ready in `queue` and in its dead-letter queue, read at scrape time. On a channel of
   * its own: checking a queue that is gone closes the channel it runs on, which must not be the
   * publisher's or a consumer's.
   */
  private async queueDepth(queue: string): Promise<QueueDepth | undefined> {
    const live = this.live;
    if (!live) return undefined;
    const channel = await live.link.model.createChannel();
    channel.on("error", () => undefined);
    try {
      const ready = await channel.checkQueue(queue);
      const dead = await channel.checkQueue(`${queue}.dlq`);
      return { messages: ready.messageCount, deadLettered: dead.messageCount };
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  private attach(state: ConsumerState, link: Link): Promise<void> {
    state.attaching = this.openConsumer(state, link);
    return state.attaching;
  }

  private async openConsumer(state: ConsumerState, link: Link): Promise<void> {
    if (state.cancelled) return;
    const { bindings, prefetch, deliveryLimit } = state.spec;
    // A broadcast queue is this process's alone: exclusive to the connection, gone with it.
    const queue = state.broadcast ? `${state.spec.queue}.${randomUUID()}` : state.spec.queue;
    const deadLetterQueue = `${queue}.dlq`;
    const channel = await link.model.createChannel();
    channel.on("error", (error: unknown) =>
      this.log.warn({ err: error, queue }, "broker consumer channel error"),
    );
    try {
      if (state.broadcast) {
        await channel.assertQueue(queue, { exclusive: true, autoDelete: true, durable: false });
        for (const pattern of bindings) await channel.bindQueue(queue, this.exchange, pattern);
      } else
        await channel.assertQueue(queue, {
          durable: true,
          arguments: {
            "x-queue-type": "quorum",
            "x-dead-letter-exchange": this.deadLetterExchange,
            "x-dead-letter-routing-key": queue,
            // RabbitMQ counts redeliveries, not deliveries: limit N allows N + 1 deliveries.
            "x-delivery-limit": deliveryLimit - 1,
          },
        });
      if (!state.broadcast) {
        for (const pattern of bindings) await channel.bindQueue(queue, this.exchange, pattern);
        await channel.assertQueue(deadLetterQueue, {
          durable: true,
          arguments: { "x-queue-type": "quorum" },
        });
        await channel.bindQueue(deadLetterQueue, this.deadLetterExchange, queue);
      }
      await channel.prefetch(prefetch);
      const { consumerTag } = await channel.consume(
        queue,
        (message) => this.onDelivery(state, channel, link, message),
        {
          noAck: false,
        },
      );
      // Watched only from here: a failed declaration above is the caller's error, not a lost link.
      channel.on("close", () => {
        if (!state.cancelled) this.dropChannel(link, `consumer channel of ${queue} closed`);
      });
      state.channel = channel;
      state.consumerTag = consumerTag;
    } catch (error) {
      await channel.close().catch(() => undefined);
      throw error;
    }
  }

  private onDelivery(
    state: ConsumerState,
    channel: Channel,
    link: Link,
    message: ConsumeMessage | null,
  ): void {
    // null: the broker cancelled the consumer, e.g. its queue was deleted; reconnecting
    // declares the queue again.
    if (message === null) {
      if (!state.cancelled) this.dropLink(link, `broker cancelled the consumer of ${state.spec.queue}`);
      return;
    }
    const task = this.handle(state, channel, message);
    state.inFlight.add(task);
    void task.finally(() => state.inFlight.delete(task));
  }

  private async handle(state: ConsumerState, channel: Channel, message: ConsumeMessage): Promise<void> {
    const { queue, deliveryLimit } = state.spec;
    const envelope = parseEnvelope(message.content);
    if (!envelope) {
      this.log.warn(
        { queue, messageId: message.properties.messageId as unknown },
        "malformed message, dead-lettered",
      );
      state.metrics?.messagesDeadLettered.inc({ queue });
      this.settle(queue, channel, message, "dead-letter");
      return;
    }
    const deliveryCount: unknown = message.properties.headers?.["x-delivery-count"];
    const attempt = (typeof deliveryCount === "number" ? deliveryCount : 0) + 1;
    try {
      await consumeInSpan(state.service, queue, envelope, message.properties.headers, () =>
        handlingFrom(state.metrics, queue, () =>
          state.handler(envelope, { attempt, redelivered: message.fields.redelivered }),
        ),
      );
      this.settle(queue, channel, message, "ack");
    } catch (error) {
      const context = { err: error, queue, messageId: envelope.id, type: envelope.type, attempt };
      if (state.broadcast) {
        this.log.warn(context, "broadcast listener failed; message dropped");
        this.settle(queue, channel, message, "ack");
      } else if (error instanceof PermanentMessageError) {
        this.log.warn(context, "message failed permanently, dead-lettered");
        state.metrics?.messagesDeadLettered.inc({ queue });
        this.settle(queue, channel, message, "dead-letter");
      } else {
        // Past its limit the broker dead-letters it instead of delivering it again.
        if (attempt >= deliveryLimit) state.metrics?.messagesDeadLettered.inc({ queue });
        this.log.warn(
          context,
          attempt >= deliveryLimit
            ? "message reached its delivery limit, dead-lettered"
            : "message failed, will be redelivered",
        );
        this.settle(queue, channel, message, "requeue");
      }
    }
  }

  private settle(
    queue: string,
    channel: Channel,
    message: ConsumeMessage,
    outcome: "ack" | "dead-letter" | "requeue",
  ): void {
    try {
      if (outcome === "ack") channel.ack(message);
      else channel.nack(message, false, outcome === "requeue");
    } catch (error) {
      // The channel died while the handler ran; the broker redelivers the message.
      this.log.warn({ err: error, queue, outcome }, "could not settle message");
    }
  }

  private cancel(state: ConsumerState): Promise<void> {
    state.cancelling ??= (async () => {
      state.cancelled = true;
      this.consumers.delete(state);
      state.stopWatching?.();
      // A reconnect may be attaching it right now; cancel what that produces.
      await state.attaching?.catch(() => undefined);
      const { channel, consumerTag } = state;
      // If the link is down there is nothing to cancel and no more deliveries will come.
      if (channel && consumerTag) await channel.cancel(consumerTag).catch(() => undefined);
      await Promise.allSettled(state.inFlight);
      await channel?.close().catch(() => undefined);
    })();
    return state.cancelling;
  }
}

function parseEnvelope(content: Buffer): Envelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(content.toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || !("payload" in value)) return undefined;
  const { id, type, occurredAt, headers } = value as Record<string, unknown>;
  const valid =
    typeof id === "string" &&
    typeof type === "string" &&
    typeof occurredAt === "string" &&
    (headers === undefined || (typeof headers === "object" && headers !== null));
  return valid ? (value as Envelope) : undefined;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
