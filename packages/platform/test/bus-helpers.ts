import { randomUUID } from "node:crypto";
import type { DeliveryInfo, Envelope, MessageHandler } from "../src/bus";

/** Polls until the condition holds; fails the test after the timeout. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function envelope(type: string, payload: unknown = {}, headers?: Record<string, string>): Envelope {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), payload, headers };
}

/** A handler doing synchronous work; a throw becomes a rejection, as in an async handler. */
export function handler(work: (message: Envelope, delivery: DeliveryInfo) => void): MessageHandler {
  return (message, delivery) =>
    new Promise((resolve) => {
      work(message, delivery);
      resolve();
    });
}

/** Resolves when `release` is called; lets a test hold handlers in flight. */
export function gate(): { wait: Promise<void>; release: () => void } {
  let release = () => {};
  const wait = new Promise<void>((resolve) => (release = resolve));
  return { wait, release };
}
