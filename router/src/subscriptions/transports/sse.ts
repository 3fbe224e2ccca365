import type { ServerResponse } from "node:http";
import { print } from "graphql-sse";
import { heartbeats, type Beat } from "./heartbeats";
import type { StreamWriter } from "./http";

const HEARTBEAT = ":\n\n";

const isOpen = (res: ServerResponse) => !res.writableEnded && !res.destroyed;

/** A comment: EventSource ignores it. Shared by every stream (heartbeats.ts). */
const beat: Beat = (res) => {
  if (isOpen(res)) res.write(HEARTBEAT);
};

/**
 * GraphQL over Server-Sent Events, distinct connections mode (the graphql-sse protocol): the
 * response is `text/event-stream` from the start; each result is a `next` event, the end a
 * `complete` event. Errors before the operation runs (a refusal, a bad token) are a `next` event
 * carrying them, then `complete`, as the protocol asks: an HTTP error status would fail an
 * EventSource without telling it why. A comment every `heartbeatMs` keeps proxies from closing an
 * idle stream.
 */
export function sseStream(res: ServerResponse, heartbeatMs: number): StreamWriter {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    // Proxies that buffer responses (nginx) pass this stream on as it is written.
    "x-accel-buffering": "no",
  });
  const write = (text: string) => (isOpen(res) ? res.write(text) : true);
  write(HEARTBEAT);
  heartbeats.add(res, beat, heartbeatMs);
  const stopHeartbeats = () => heartbeats.remove(res, beat, heartbeatMs);
  const end = () => {
    stopHeartbeats();
    write(print({ event: "complete", data: null }));
    if (isOpen(res)) res.end();
  };
  res.on("close", stopHeartbeats);
  return {
    next: (result) => write(print({ event: "next", data: result as never })),
    fail: (errors) => {
      write(print({ event: "next", data: { errors: [...errors] } as never }));
      end();
    },
    complete: end,
  };
}
