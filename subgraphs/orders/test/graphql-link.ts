import http from "node:http";
import type { AddressInfo } from "node:net";

/** One GraphQL request that went through a link, with the answer it got. */
export interface PassedOperation {
  /** The operation's name, from `operationName` or from the document's first operation. */
  operation: string | undefined;
  variables: Record<string, unknown>;
  /** The answer's `data`, or undefined when it had none (an error, a non-JSON answer). */
  data: Record<string, unknown> | null | undefined;
}

function operationOf(body: Buffer): Pick<PassedOperation, "operation" | "variables"> {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as {
      query?: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
    };
    const named = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(parsed.query ?? "")?.[1];
    return { operation: parsed.operationName ?? named, variables: parsed.variables ?? {} };
  } catch {
    return { operation: undefined, variables: {} };
  }
}

function dataOf(body: Buffer): PassedOperation["data"] {
  try {
    return (JSON.parse(body.toString("utf8")) as { data?: Record<string, unknown> | null }).data;
  } catch {
    return undefined;
  }
}

/**
 * An HTTP link in front of one subgraph's GraphQL endpoint that reads which operation each
 * request carries. It keeps what went through (the operation, its variables and the answer's
 * data), so a test sees what one service asked another without reading the callee's database;
 * and `hold(name)` keeps every request for that one operation waiting, while the caller's other
 * operations to the same subgraph go through, until `release()` lets them on.
 */
export async function startGraphqlLink(targetUrl: string) {
  const target = new URL(targetUrl);
  const passed: PassedOperation[] = [];
  let holding: string | undefined;
  let waiting: (() => void)[] = [];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const sent = operationOf(body);
      const forward = () => {
        const upstream = http.request(
          {
            hostname: target.hostname,
            port: target.port,
            path: request.url,
            method: request.method,
            headers: { ...request.headers, host: target.host },
          },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on("data", (part: Buffer) => parts.push(part));
            answer.on("end", () => {
              const answered = Buffer.concat(parts);
              passed.push({ ...sent, data: dataOf(answered) });
              response.writeHead(answer.statusCode ?? 502, answer.headers);
              response.end(answered);
            });
            answer.on("error", () => response.destroy());
          },
        );
        upstream.on("error", () => response.destroy());
        upstream.end(body);
      };
      if (holding !== undefined && sent.operation === holding) waiting.push(forward);
      else forward();
    });
  });
  // Idle connections are kept as long as the subgraphs' own servers keep them, so the link never
  // closes one under its caller sooner than the subgraph would.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const release = () => {
    holding = undefined;
    const held = waiting;
    waiting = [];
    for (const forward of held) forward();
  };
  return {
    /** The GraphQL endpoint to give the caller instead of the subgraph's own. */
    url: `http://127.0.0.1:${port}${target.pathname}`,
    port,
    /** Every request that went through so far, oldest first, with its answer. */
    passed: (): readonly PassedOperation[] => passed,
    /** Holds every request for `operation` from now on (other operations go through). */
    hold(operation: string) {
      holding = operation;
    },
    /** How many requests are being held now. */
    held: () => waiting.length,
    /** Stops holding and sends the held requests on, in the order they came. */
    release,
    close: () =>
      new Promise<void>((resolve) => {
        release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type GraphqlLink = Awaited<ReturnType<typeof startGraphqlLink>>;
