import { useRef } from "react";

/**
 * The checkout's idempotency key, one per attempt. An attempt whose outcome is unknown (the
 * connection dropped) is retried with the same key, so the server returns the order it may already
 * have made instead of charging twice; after an answer, or when the customer changes what they
 * send, the next submission is a new attempt with a new key.
 */
export function useAttemptKey() {
  const pending = useRef<{ key: string; request: string } | undefined>(undefined);
  return {
    /** The key for sending `request` (any stable serialisation of it). */
    keyFor(request: string): string {
      if (pending.current?.request !== request) pending.current = { key: crypto.randomUUID(), request };
      return pending.current.key;
    },
    /** The server answered (success or a refusal): the attempt is over. */
    settled() {
      pending.current = undefined;
    },
  };
}
