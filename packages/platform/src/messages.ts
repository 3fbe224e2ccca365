import { randomUUID } from "node:crypto";
import { messageSchemas, type MessagePayload, type MessageType } from "@storefront/contracts/events";
import { PermanentMessageError, type Envelope } from "./bus/types";

/*
 * The envelope around a message: created with a fresh id and validated on the way out and in.
 * What each message type carries is a contract between services (@storefront/contracts/events).
 */

/** A new envelope with a fresh id, validated against its schema before it can be stored or sent. */
export function createMessage<T extends MessageType>(
  type: T,
  payload: MessagePayload<T>,
  headers?: Record<string, string>,
): Envelope<MessagePayload<T>> {
  const parsed = messageSchemas[type].parse(payload) as MessagePayload<T>;
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    payload: parsed,
    ...(headers ? { headers } : {}),
  };
}

/**
 * Validates a received message of an expected type. A malformed one can never succeed, so it is
 * a PermanentMessageError: the bus dead-letters it instead of retrying or crashing the consumer.
 */
export function readMessage<T extends MessageType>(type: T, message: Envelope): MessagePayload<T> {
  if (message.type !== type) throw new PermanentMessageError(`expected ${type}, got ${message.type}`);
  const result = messageSchemas[type].safeParse(message.payload);
  if (!result.success) {
    throw new PermanentMessageError(
      `malformed ${type}: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  return result.data as MessagePayload<T>;
}
