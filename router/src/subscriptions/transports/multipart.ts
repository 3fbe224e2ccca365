import type { ServerResponse } from "node:http";
import { heartbeats, type Beat } from "./heartbeats";
import type { StreamWriter } from "./http";

/** The `subscriptionSpec` of Apollo's multipart subscription protocol served here. */
export const MULTIPART_SUBSCRIPTION_SPEC = "1.0";
const BOUNDARY = "graphql";

const isOpen = (res: ServerResponse) => !res.writableEnded && !res.destroyed;

/** One JSON part, with the boundary after it. */
const part = (res: ServerResponse, body: unknown) =>
  isOpen(res)
    ? res.write(
        `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}\r\n--${BOUNDARY}`,
      )
    : true;

/** An empty part, which clients ignore. Shared by every stream (heartbeats.ts). */
const beat: Beat = (res) => {
  part(res, {});
};

/**
 * Apollo's multipart HTTP subscriptions: a `multipart/mixed` response whose parts are JSON. Each
 * event is `{"payload": <result>}`; an empty object `{}` is a heartbeat (one at once, then every
 * `heartbeatMs`), which clients ignore; errors of the subscription (a refusal, the subgraph
 * refusing it) are `{"payload": {"errors": [...]}}`, errors of the connection (credentials, the
 * router ending it) `{"payload": null, "errors": [...]}`; the closing boundary ends the stream.
 * Each part is written with the boundary after it, so a client hands it on without waiting for
 * the next one.
 */
export function multipartStream(res: ServerResponse, heartbeatMs: number): StreamWriter {
  res.writeHead(200, {
    "content-type": `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="${MULTIPART_SUBSCRIPTION_SPEC}"`,
    "cache-control": "no-store",
    "x-accel-buffering": "no",
  });
  res.write(`\r\n--${BOUNDARY}`);
  part(res, {});
  heartbeats.add(res, beat, heartbeatMs);
  const stopHeartbeats = () => heartbeats.remove(res, beat, heartbeatMs);
  const end = () => {
    stopHeartbeats();
    if (isOpen(res)) res.end("--\r\n");
  };
  res.on("close", stopHeartbeats);
  return {
    next: (result) => part(res, { payload: result }),
    fail: (errors, level) => {
      part(res, level === "transport" ? { payload: null, errors } : { payload: { errors } });
      end();
    },
    complete: end,
  };
}
