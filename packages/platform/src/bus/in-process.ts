import { AsyncResource } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "../logger";
import { currentServiceMetrics, handlingFrom, type ServiceMetrics } from "../metrics";
import { activeService, consumeInSpan } from "../tracing";
import {
  matchesBinding,
  PermanentMessageError,
  UnroutableMessageError,
  type BroadcastSpec,
  type Consumer,
  type ConsumerSpec,
  type Envelope,
  type MessageBus,
  type MessageHandler,
} from "./types";

/**
 * The bus of the embedded single-process mode. It mimics what the AMQP adapter gets from
 * RabbitMQ (topic routing, competing consumers, prefetch, redelivery, dead-lettering) so that
 * handlers behave the same in both modes; nothing survives the process.
 */
export interface InProcessBus extends MessageBus {
  /** Copies of the messages dead-lettered from `queue`, oldest first. */
  deadLetters(queue: string): Envelope[];
}

export interface InProcessBusOptions {
  log: Logger;
  /** Pause before a transiently failed message is offered again; default 100 ms. */
  redeliveryDelayMs?: number;
}

const DEFAULT_PREFETCH = 10;
const DEFAULT_DELIVERY_LIMIT = 5;
const DEFAULT_REDELIVERY_DELAY_MS = 100;

interface QueuedMessage {
  /** The envelope as it would travel on the wire; parsed anew for every delivery. */
  body: string;
  id: string;
  type: string;
  attempt: number;
}

interface LocalConsumer {
  handler: MessageHandler;
  /** The service that started the consumer, for its spans (several share one bus in a process). */
  service: string | undefined;
  /** That service's metrics: its dead-letters and its inbox duplicates. */
  metrics: ServiceMetrics | undefined;
  stopWatching?: () => void;
  prefetch: number;
  inFlight: Set<Promise<void>>;
  cancelling?: Promise<void>;
}

interface LocalQueue {
  name: string;
  bindings: Set<string>;
  deliveryLimit: number;
  ready: QueuedMessage[];
  consumers: LocalConsumer[];
  /** Round-robin cursor into `consumers`. */
  next: number;
  pumpScheduled: boolean;
  deadLetters: string[];
}

export function createInProcessBus(options: InProcessBusOptions): InProcessBus {
  const { log } = options;
  const redeliveryDelayMs = options.redeliveryDelayMs ?? DEFAULT_REDELIVERY_DELAY_MS;
  // Like durable queues, a queue outlives its consumers: it keeps its bindings and buffers
  // messages until someone consumes it again.
  const queues = new Map<string, LocalQueue>();
  const redeliveryTimers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined;
  // Deliveries run in the bus's own async context, never the publisher's: over a network a
  // consumer shares nothing with the code that published (its request scope and SQL count, or
  // the transaction an outbox relay holds while it publishes).
  const detached = AsyncResource.bind((deliver: () => void) => deliver());

  function schedulePump(queue: LocalQueue): void {
    if (queue.pumpScheduled) return;
    queue.pumpScheduled = true;
    // Deliveries never run inside publish() or consume(), as they would not over a network.
    setImmediate(() =>
      detached(() => {
        queue.pumpScheduled = false;
        pump(queue);
      }),
    );
  }

  function pump(queue: LocalQueue): void {
    for (;;) {
      const consumer = queue.ready.length > 0 ? takeFreeConsumer(queue) : undefined;
      const message = consumer ? queue.ready.shift() : undefined;
      if (!consumer || !message) return;
      deliver(queue, consumer, message);
    }
  }

  function takeFreeConsumer(queue: LocalQueue): LocalConsumer | undefined {
    const count = queue.consumers.length;
    for (let offset = 0; offset < count; offset++) {
      const index = (queue.next + offset) % count;
      const consumer = queue.consumers[index];
      if (consumer && consumer.inFlight.size < consumer.prefetch) {
        queue.next = (index + 1) % count;
        return consumer;
      }
    }
    return undefined;
  }

  function deliver(queue: LocalQueue, consumer: LocalConsumer, message: QueuedMessage): void {
    const handle = async () => {
      try {
        const envelope = JSON.parse(message.body) as Envelope;
        await consumeInSpan(consumer.service, queue.name, envelope, envelope.headers, () =>
          handlingFrom(consumer.metrics, queue.name, () =>
            consumer.handler(envelope, { attempt: message.attempt, redelivered: message.attempt > 1 }),
          ),
        );
      } catch (error) {
        fail(queue, consumer, message, error);
      }
    };
    const task = handle().finally(() => {
      consumer.inFlight.delete(task);
      pump(queue);
    });
    consumer.inFlight.add(task);
  }

  function fail(queue: LocalQueue, consumer: LocalConsumer, message: QueuedMessage, error: unknown): void {
    const context = {
      err: error,
      queue: queue.name,
      messageId: message.id,
      type: message.type,
      attempt: message.attempt,
    };
    if (error instanceof PermanentMessageError) {
      deadLetter(queue, consumer, message, context, "message failed permanently, dead-lettered");
    } else if (message.attempt >= queue.deliveryLimit) {
      deadLetter(queue, consumer, message, context, "message reached its delivery limit, dead-lettered");
    } else {
      log.warn(context, "message failed, will be redelivered");
      const timer = setTimeout(
        () =>
          detached(() => {
            redeliveryTimers.delete(timer);
            queue.ready.push({ ...message, attempt: message.attempt + 1 });
            pump(queue);
          }),
        redeliveryDelayMs,
      );
      redeliveryTimers.add(timer);
    }
  }

  function deadLetter(
    queue: LocalQueue,
    consumer: LocalConsumer,
    message: QueuedMessage,
    context: object,
    reason: string,
  ): void {
    queue.deadLetters.push(message.body);
    consumer.metrics?.messagesDeadLettered.inc({ queue: queue.name });
    log.warn(context, reason);
  }

  function declare(spec: ConsumerSpec, deliveryLimit: number): LocalQueue {
    let queue = queues.get(spec.queue);
    if (!queue) {
      queue = {
        name: spec.queue,
        bindings: new Set(),
        deliveryLimit,
        ready: [],
        consumers: [],
        next: 0,
        pumpScheduled: false,
        deadLetters: [],
      };
      queues.set(spec.queue, queue);
    } else if (queue.deliveryLimit !== deliveryLimit) {
      // RabbitMQ refuses to redeclare a queue with other arguments; fail the same way here.
      throw new Error(
        `queue ${spec.queue} is already declared with deliveryLimit ${queue.deliveryLimit}, not ${deliveryLimit}`,
      );
    }
    for (const pattern of spec.bindings) queue.bindings.add(pattern);
    return queue;
  }

  function cancel(queue: LocalQueue, consumer: LocalConsumer): Promise<void> {
    consumer.cancelling ??= (async () => {
      consumer.stopWatching?.();
      const index = queue.consumers.indexOf(consumer);
      queue.consumers.splice(index, 1);
      if (queue.next > index) queue.next--;
      if (queue.next >= queue.consumers.length) queue.next = 0;
      await Promise.all(consumer.inFlight);
    })();
    return consumer.cancelling;
  }

  function route(message: Envelope): void {
    if (closing) throw new Error("message bus is closed");
    const targets = [...queues.values()].filter((queue) =>
      [...queue.bindings].some((pattern) => matchesBinding(pattern, message.type)),
    );
    if (targets.length === 0) throw new UnroutableMessageError(message.type);
    const body = JSON.stringify(message);
    for (const queue of targets) {
      queue.ready.push({ body, id: message.id, type: message.type, attempt: 1 });
      schedulePump(queue);
    }
  }

  function subscribe(spec: ConsumerSpec, handler: MessageHandler, durable: boolean): Consumer {
    if (closing) throw new Error("message bus is closed");
    const prefetch = positiveInteger("prefetch", spec.prefetch ?? DEFAULT_PREFETCH);
    const deliveryLimit = positiveInteger("deliveryLimit", spec.deliveryLimit ?? DEFAULT_DELIVERY_LIMIT);
    const queue = declare(spec, deliveryLimit);
    const metrics = currentServiceMetrics();
    const consumer: LocalConsumer = {
      handler,
      service: activeService(),
      metrics,
      prefetch,
      inFlight: new Set(),
    };
    queue.consumers.push(consumer);
    // The depth is the queue's own buffers; as with the broker's, messages being handled are not in it.
    if (durable)
      consumer.stopWatching = metrics?.watchQueue(queue.name, () => ({
        messages: queue.ready.length,
        deadLettered: queue.deadLetters.length,
      }));
    // Messages may have been waiting for a consumer.
    schedulePump(queue);
    return { cancel: () => cancel(queue, consumer) };
  }

  function broadcast(spec: BroadcastSpec, handler: MessageHandler): Consumer {
    const queue = `${spec.name}.${randomUUID()}`;
    // As on RabbitMQ, a failed broadcast delivery is dropped, never retried or dead-lettered.
    const consumer = subscribe(
      { queue, bindings: spec.bindings, deliveryLimit: 1 },
      async (message, delivery) => {
        try {
          await handler(message, delivery);
        } catch (error) {
          log.warn(
            { err: error, queue, messageId: message.id },
            "broadcast listener failed; message dropped",
          );
        }
      },
      false,
    );
    return {
      cancel: async () => {
        await consumer.cancel();
        queues.delete(queue);
      },
    };
  }

  return {
    publish: (message) => settled(() => route(message)),

    consume: (spec, handler) => settled(() => subscribe(spec, handler, true)),

    subscribe: (spec, handler) => settled(() => broadcast(spec, handler)),

    isReady() {
      return closing === undefined;
    },

    close() {
      closing ??= (async () => {
        const consumers = [...queues.values()].flatMap((queue) =>
          queue.consumers.map((consumer) => cancel(queue, consumer)),
        );
        await Promise.all(consumers);
        // Messages waiting out their redelivery pause are dropped with the process's memory.
        for (const timer of redeliveryTimers) clearTimeout(timer);
        redeliveryTimers.clear();
      })();
      return closing;
    },

    deadLetters(queue) {
      return (queues.get(queue)?.deadLetters ?? []).map((body) => JSON.parse(body) as Envelope);
    },
  };
}

/** Runs `work` now and reports its result or its throw the way an async API does. */
function settled<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
