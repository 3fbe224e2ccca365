import type { IncomingMessage, ServerResponse } from "node:http";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { heartbeats, type Beat } from "./heartbeats";
import type { StreamWriter } from "./http";

/**
 * Node builds a response's head by concatenation and keeps it (`_header`) for the response's
 * life: for a stream that stays open for hours, a chain of some twenty string pieces, about
 * 900 bytes. Reading one character of it makes V8 flatten the chain in place into one string of
 * the head's length, and the pieces are let go. Call once the head is written.
 */
export function keepHeadFlat(res: ServerResponse): void {
  const head = (res as unknown as { _header?: unknown })._header;
  // Kept where the optimizing compiler cannot drop the read as unused.
  if (typeof head === "string") _headByte = head.charCodeAt(0);
}
let _headByte = 0;

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

/** Whether the response can still be written to. */
export const isOpen = (res: ServerResponse) => !res.writableEnded && !res.destroyed;

/**
 * What the SSE and multipart writers share: the response and its heartbeats, which stop when the
 * stream ends or the client closes it. One object per stream with its methods on the prototype,
 * rather than closures per stream, which under tsx each carry their renamed-function properties
 * (esbuild's keepNames).
 */
export abstract class HeartbeatStream implements StreamWriter {
  constructor(
    protected readonly res: ServerResponse,
    private readonly beat: Beat,
    private readonly heartbeatMs: number,
  ) {}

  /**
   * Writes the head and the first bytes of the stream, then beats every `heartbeatMs` from the
   * next tick on (heartbeats.ts).
   */
  protected start(headers: Record<string, string>, first: string): void {
    const { res } = this;
    res.writeHead(200, headers);
    res.write(first);
    keepHeadFlat(res);
    heartbeats.add(res, this.beat, this.heartbeatMs);
  }

  abstract next(result: FormattedExecutionResult): boolean;
  abstract fail(errors: readonly GraphQLFormattedError[], level: "operation" | "transport"): void;
  abstract complete(): void;

  closed(): void {
    this.stopHeartbeats();
  }

  protected stopHeartbeats(): void {
    heartbeats.remove(this.res, this.beat, this.heartbeatMs);
  }
}
