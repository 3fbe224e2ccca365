import type { ServerResponse } from "node:http";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import { resultText } from "../result-text";
import { heartbeats, type Beat } from "./heartbeats";
import type { StreamWriter } from "./http";
import { keepHeadFlat } from "./response";

/** The `subscriptionSpec` of Apollo's multipart subscription protocol served here. */
export const MULTIPART_SUBSCRIPTION_SPEC = "1.0";
const BOUNDARY = "graphql";

const isOpen = (res: ServerResponse) => !res.writableEnded && !res.destroyed;

/** One JSON part, with the boundary after it. */
const partText = (json: string) =>
  `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${json}\r\n--${BOUNDARY}`;
const part = (res: ServerResponse, body: unknown) =>
  isOpen(res) ? res.write(partText(JSON.stringify(body))) : true;

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

  closed(): void {
    this.stopHeartbeats();
  }

  private stopHeartbeats(): void {
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
export function multipartStream(
  res: ServerResponse,
  heartbeatMs: number,
  headers: Record<string, string> = {},
): StreamWriter {
  res.writeHead(200, {
    ...headers,
    "content-type": `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="${MULTIPART_SUBSCRIPTION_SPEC}"`,
    "cache-control": "no-store",
    "x-accel-buffering": "no",
  });
  res.write(`\r\n--${BOUNDARY}`);
  part(res, {});
  keepHeadFlat(res);
  heartbeats.add(res, beat, heartbeatMs);
  return new MultipartWriter(res, heartbeatMs);
}
