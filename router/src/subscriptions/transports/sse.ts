import type { ServerResponse } from "node:http";
import { print } from "graphql-sse";
import type { StreamWriter } from "./http";

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
  const open = () => !res.writableEnded && !res.destroyed;
  const write = (text: string) => (open() ? res.write(text) : true);
  write(":\n\n");
  const heartbeat = setInterval(() => write(":\n\n"), heartbeatMs);
  heartbeat.unref();
  const end = () => {
    clearInterval(heartbeat);
    write(print({ event: "complete", data: null }));
    if (open()) res.end();
  };
  res.on("close", () => clearInterval(heartbeat));
  return {
    next: (result) => write(print({ event: "next", data: result as never })),
    fail: (errors) => {
      write(print({ event: "next", data: { errors: [...errors] } as never }));
      end();
    },
    complete: end,
  };
}
