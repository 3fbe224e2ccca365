import type { ServerResponse } from "node:http";
import type { GraphQLFormattedError } from "graphql";
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
 * One stream's writer: methods on the prototype rather than closures per stream, which under tsx
 * each carry their renamed-function properties (esbuild's keepNames).
 */
class MultipartWriter implements StreamWriter {
  constructor(
    private readonly res: ServerResponse,
    private readonly heartbeatMs: number,
  ) {}

  next(result: unknown): boolean {
    return part(this.res, { payload: result });
  }

  fail(errors: readonly GraphQLFormattedError[], level: "operation" | "transport"): void {
    part(this.res, level === "transport" ? { payload: null, errors } : { payload: { errors } });
    this.complete();
  }

  complete(): void {
    this.stopHeartbeats();
    if (isOpen(this.res)) this.res.end("--\r\n");
  }

  stopHeartbeats(): void {
    heartbeats.remove(this.res, beat, this.heartbeatMs);
  }
}

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
  const writer = new MultipartWriter(res, heartbeatMs);
  res.on("close", writer.stopHeartbeats.bind(writer));
  return writer;
}
