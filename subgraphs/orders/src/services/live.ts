import { and, asc, eq, gte } from "drizzle-orm";
import { type Logger } from "@storefront/platform/logger";
import { type Consumer, type MessageBus } from "@storefront/platform/bus";
import { readMessage } from "@storefront/platform/messages";
import type { OrdersDatabase } from "../db";
import { orderStatusHistory } from "../db/schema";
import type { OrderStatus } from "@storefront/contracts/enums";

/** One change of an order's status, as subscribers receive it. */
export interface OrderStatusEvent {
  orderId: string;
  userId: string;
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  sequence: number;
  changedAt: Date;
}

interface Listener {
  accepts(event: OrderStatusEvent): boolean;
  deliver(event: OrderStatusEvent): void;
  /** After the broker link came back: look in the database for what may have been missed. */
  catchUp?(): void;
}

export interface LiveOrders {
  /**
   * Every change of one order after `afterSequence`, in sequence order and without gaps: changes
   * that happened before the subscription (or while this replica's broker link was down) are
   * read from the order's status history, so a client that resubscribes with the last sequence
   * it saw misses nothing.
   */
  forOrder(
    order: { id: string; userId: string },
    afterSequence: number,
  ): AsyncIterableIterator<OrderStatusEvent>;
  /** Every change of any order of one user from now on. */
  forUser(userId: string): AsyncIterableIterator<OrderStatusEvent>;
  /** Subscribers currently listening in this process. */
  size(): number;
  stop(): Promise<void>;
}

/**
 * Fans order-status events out to this replica's subscribers. Every replica has a broadcast
 * subscription of its own on the bus, so a subscriber gets every change whichever replica
 * made it and whichever replica the subscriber is connected to.
 */
export async function startLiveOrders(deps: {
  bus: MessageBus;
  db: OrdersDatabase;
  log: Logger;
}): Promise<LiveOrders> {
  const listeners = new Set<Listener>();
  const consumer: Consumer = await deps.bus.subscribe(
    {
      name: "orders.live-status",
      bindings: ["orders.order-status-changed.v1"],
      onReconnect: () => {
        for (const listener of listeners) listener.catchUp?.();
      },
    },
    (message) => {
      const payload = readMessage("orders.order-status-changed.v1", message);
      const event: OrderStatusEvent = { ...payload, changedAt: new Date(payload.changedAt) };
      for (const listener of listeners) if (listener.accepts(event)) listener.deliver(event);
      return Promise.resolve();
    },
  );

  /** The history entries after `afterSequence` as events (the entry at afterSequence gives the first's previous status). */
  async function history(
    orderId: string,
    userId: string,
    afterSequence: number,
  ): Promise<OrderStatusEvent[]> {
    const rows = await deps.db
      .select()
      .from(orderStatusHistory)
      .where(and(eq(orderStatusHistory.orderId, orderId), gte(orderStatusHistory.sequence, afterSequence)))
      .orderBy(asc(orderStatusHistory.sequence));
    return rows.flatMap((row, index) =>
      row.sequence > afterSequence
        ? [
            {
              orderId,
              userId,
              status: row.status,
              previousStatus: rows[index - 1]?.sequence === row.sequence - 1 ? rows[index - 1]!.status : null,
              sequence: row.sequence,
              changedAt: row.createdAt,
            },
          ]
        : [],
    );
  }

  function stream(
    listen: (
      push: (event: OrderStatusEvent) => void,
    ) => Omit<Listener, "deliver"> & { deliver(event: OrderStatusEvent): void },
  ) {
    const queue = new EventQueue<OrderStatusEvent>(() => listeners.delete(listener));
    const listener = listen((event) => queue.push(event));
    listeners.add(listener);
    return queue;
  }

  return {
    forOrder(order, afterSequence) {
      let last = afterSequence;
      // Deliveries and catch-ups for one subscriber run one after another, so order is kept.
      let chain = Promise.resolve();
      return stream((push) => {
        const emitUpTo = (event?: OrderStatusEvent) => {
          chain = chain
            .then(async () => {
              if (event && event.sequence <= last) return;
              if (!event || event.sequence > last + 1) {
                for (const missed of await history(order.id, order.userId, last)) {
                  if (missed.sequence > last && (!event || missed.sequence < event.sequence)) {
                    push(missed);
                    last = missed.sequence;
                  }
                }
              }
              if (event) {
                push(event);
                last = event.sequence;
              }
            })
            .catch((error: unknown) =>
              deps.log.warn({ err: error, orderId: order.id }, "live order catch-up failed"),
            );
        };
        emitUpTo();
        return {
          accepts: (event) => event.orderId === order.id,
          deliver: (event) => emitUpTo(event),
          catchUp: () => emitUpTo(),
        };
      });
    },
    forUser(userId) {
      const seen = new Map<string, number>();
      return stream((push) => ({
        accepts: (event) => event.userId === userId,
        deliver: (event) => {
          if ((seen.get(event.orderId) ?? 0) >= event.sequence) return;
          seen.set(event.orderId, event.sequence);
          push(event);
        },
      }));
    },
    size: () => listeners.size,
    stop: async () => {
      await consumer.cancel();
      listeners.clear();
    },
  };
}

/** A push queue read as an async iterator; `return()` (the client went away) unsubscribes. */
class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private done = false;

  constructor(private readonly onClose: () => void) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ done: false, value });
    } else this.buffered.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.buffered.shift();
    if (value !== undefined) return Promise.resolve({ done: false, value });
    if (this.done) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.done = true;
    this.buffered.length = 0;
    this.onClose();
    this.waiting?.({ done: true, value: undefined });
    this.waiting = undefined;
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
