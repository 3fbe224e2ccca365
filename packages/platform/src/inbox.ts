import { pgTable, text } from "drizzle-orm/pg-core";
import type { Envelope } from "./bus/types";
import { utcTimestamp } from "./columns";
import type { Database } from "./db";
import { currentDelivery } from "./metrics";
import { inTransactionWithOutbox, type Outbox, type OutboxRelay } from "./outbox";

/**
 * The idempotent-consumer inbox: the id of every message a service has acted on, written in the
 * same transaction as the effect. A redelivered or replayed message finds its id already there
 * and changes nothing. Each consuming subgraph declares one: `export const inbox = inboxTable();`
 */
export function inboxTable(name = "inbox") {
  return pgTable(name, {
    /** The envelope id; message ids are the publisher's, so any string is accepted. */
    messageId: text("message_id").primaryKey(),
    type: text("type").notNull(),
    handledAt: utcTimestamp("handled_at").notNull().defaultNow(),
  });
}

export type InboxTable = ReturnType<typeof inboxTable>;

/** Only reachable by casting away handleOnce's types: an effect given no relay cannot send. */
const withoutOutbox: Outbox = {
  enqueue: () => Promise.reject(new Error("handleOnce was given no outbox relay")),
};

/**
 * Runs `effect` in a transaction together with recording the message in the inbox, unless it was
 * recorded before. Two concurrent deliveries of one message serialise on the inbox's primary
 * key: the second waits for the first to commit and then skips, or proceeds if the first rolled
 * back. Resolves true when the effect ran, false for a duplicate.
 *
 * With a relay, the effect also gets the transaction's outbox: what it enqueues is sent once the
 * transaction has committed (see `inTransactionWithOutbox`).
 */
export async function handleOnce<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: InboxTable,
  message: Pick<Envelope, "id" | "type">,
  effect: (tx: Database<TSchema>) => Promise<void>,
): Promise<boolean>;
export async function handleOnce<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: InboxTable,
  message: Pick<Envelope, "id" | "type">,
  effect: (tx: Database<TSchema>, outbox: Outbox) => Promise<void>,
  relay: OutboxRelay,
): Promise<boolean>;
export async function handleOnce<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: InboxTable,
  message: Pick<Envelope, "id" | "type">,
  effect: (tx: Database<TSchema>, outbox: Outbox) => Promise<void>,
  relay?: OutboxRelay,
): Promise<boolean> {
  const once = async (tx: Database<TSchema>, outbox: Outbox) => {
    const recorded = await tx
      .insert(table)
      .values({ messageId: message.id, type: message.type })
      .onConflictDoNothing()
      .returning({ messageId: table.messageId });
    if (recorded.length === 0) return false;
    await effect(tx, outbox);
    return true;
  };
  const applied = relay
    ? await inTransactionWithOutbox(db, relay, once)
    : await db.transaction((tx) => once(tx, withoutOutbox));
  if (!applied) {
    // Counted against the queue it came from when a consumer delivered it (the usual case).
    const delivery = currentDelivery();
    delivery?.metrics.inboxDuplicates.inc({ queue: delivery.queue });
  }
  return applied;
}
