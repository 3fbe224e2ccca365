import type { ServerResponse } from "node:http";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { print } from "graphql-sse";
import { resultText } from "../result-text";
import type { Beat } from "./heartbeats";
import type { StreamWriter } from "./http";
import { HeartbeatStream, isOpen } from "./response";

const HEARTBEAT = ":\n\n";

/** A comment: EventSource ignores it. Shared by every stream (heartbeats.ts). */
const beat: Beat = (res) => {
  if (isOpen(res)) res.write(HEARTBEAT);
};

const write = (res: ServerResponse, text: string) => (isOpen(res) ? res.write(text) : true);

class SseWriter extends HeartbeatStream {
  next(result: FormattedExecutionResult): boolean {
    return write(this.res, `event: next\ndata: ${resultText(result)}\n\n`);
  }

  fail(errors: readonly GraphQLFormattedError[]): void {
    write(this.res, print({ event: "next", data: { errors: [...errors] } as never }));
    this.complete();
  }

  complete(): void {
    const { res } = this;
    this.stopHeartbeats();
    write(res, print({ event: "complete", data: null }));
    if (isOpen(res)) res.end();
  }

  open(headers: Record<string, string>): this {
    this.start(
      {
        ...headers,
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        // Proxies that buffer responses (nginx) pass this stream on as it is written.
        "x-accel-buffering": "no",
      },
      HEARTBEAT,
    );
    return this;
  }
}

/**
 * GraphQL over Server-Sent Events, distinct connections mode (the graphql-sse protocol): the
 * response is `text/event-stream` from the start; each result is a `next` event, the end a
 * `complete` event. Errors before the operation runs (a refusal, a bad token) are a `next` event
 * carrying them, then `complete`, as the protocol asks: an HTTP error status would fail an
 * EventSource without telling it why. A comment every `heartbeatMs` keeps proxies from closing an
 * idle stream.
 */
export function sseStream(
  res: ServerResponse,
  heartbeatMs: number,
  headers: Record<string, string> = {},
): StreamWriter {
  return new SseWriter(res, beat, heartbeatMs).open(headers);
}
