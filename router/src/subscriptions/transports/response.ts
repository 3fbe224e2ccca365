import type { IncomingMessage, ServerResponse } from "node:http";

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

/**
 * A streaming request keeps its IncomingMessage for the stream's life (the response refers to
 * it), and with it every header twice: as sent (`rawHeaders`) and by name (`headers`), a dozen
 * strings, an array and a dictionary, about a kilobyte. Once the caller is identified nothing
 * reads them any more (what the stream needs is in its connection's context): they are let go.
 */
export function releaseHeaders(req: IncomingMessage): void {
  req.headers = {};
  req.rawHeaders = [];
}
