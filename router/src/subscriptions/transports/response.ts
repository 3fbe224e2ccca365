import type { ServerResponse } from "node:http";

/**
 * Node builds a response's head by concatenation and keeps it (`_header`) for the response's
 * life: for a stream that stays open for hours, a chain of some twenty string pieces, about
 * 900 bytes. Reading one character of it makes V8 flatten the chain in place into one string of
 * the head's length, and the pieces are let go. Call once the head is written.
 */
export function keepHeadFlat(res: ServerResponse): void {
  const head = (res as unknown as { _header?: unknown })._header;
  if (typeof head === "string") head.charCodeAt(0);
}
