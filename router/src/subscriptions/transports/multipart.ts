import type { ServerResponse } from "node:http";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { resultText } from "../result-text";
import type { Beat } from "./heartbeats";
import type { StreamWriter } from "./http";
import { HeartbeatStream, isOpen } from "./response";

/** The `subscriptionSpec` of Apollo's multipart subscription protocol served here. */
export const MULTIPART_SUBSCRIPTION_SPEC = "1.0";
const BOUNDARY = "graphql";

/** One JSON part, with the boundary after it. */
const partText = (json: string) =>
  `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${json}\r\n--${BOUNDARY}`;
const part = (res: ServerResponse, body: unknown) =>
  isOpen(res) ? res.write(partText(JSON.stringify(body))) : true;

/** An empty part, which clients ignore. Shared by every stream (heartbeats.ts). */
const beat: Beat = (res) => {
  part(res, {});
};

class MultipartWriter extends HeartbeatStream {
  next(result: FormattedExecutionResult): boolean {
    const { res } = this;
    return isOpen(res) ? res.write(partText(`{"payload":${resultText(result)}}`)) : true;
  }

  fail(errors: readonly GraphQLFormattedError[], level: "operation" | "transport"): void {
    part(this.res, level === "transport" ? { payload: null, errors } : { payload: { errors } });
    this.complete();
  }

  complete(): void {
    this.stopHeartbeats();
    if (isOpen(this.res)) this.res.end("--\r\n");
  }

  open(headers: Record<string, string>): this {
    this.start(
      {
        ...headers,
        "content-type": `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="${MULTIPART_SUBSCRIPTION_SPEC}"`,
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      },
      // The opening boundary, and a first heartbeat at once.
      `\r\n--${BOUNDARY}${partText("{}")}`,
    );
    return this;
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
export function multipartStream(
  res: ServerResponse,
  heartbeatMs: number,
  headers: Record<string, string> = {},
): StreamWriter {
  return new MultipartWriter(res, beat, heartbeatMs).open(headers);
}
