/**
 * A worker process of the subscriptions benchmark: holds a share of the subscribers and reports
 * what they received. Driven over IPC by subscriptions.ts. Each transport is spoken directly on
 * the wire (lighter than a full client, so one process can hold thousands):
 *
 * - `ws`: graphql-transport-ws over `ws`; a connection authenticates once (connection_init) and
 *   carries one or more subscriptions (`--per-connection`), each its own `subscribe` id.
 * - `sse`: GraphQL over Server-Sent Events, graphql-sse's distinct connections mode: one POST
 *   with `Accept: text/event-stream` per subscription, `next` events, then `complete`.
 * - `multipart`: Apollo's multipart subscriptions: one POST with
 *   `Accept: multipart/mixed;subscriptionSpec="1.0"` per subscription, JSON parts
 *   `{"payload": …}`, `{}` heartbeats.
 *
 * Both HTTP transports use node:http with no agent, so each subscription holds a socket of its own
 * as a browser's EventSource or fetch stream does.
 */
import http from "node:http";
import WebSocket from "ws";
import { MultipartParser, SseParser } from "./subscription-load";

export type Transport = "ws" | "sse" | "multipart";

/** One client connection: the token it authenticates with and the variables of each subscription it holds. */
export interface ConnectionSpec {
  token: number;
  variables: Record<string, unknown>[];
}

export type WorkerCommand =
  | {
      type: "open";
      transport: Transport;
      url: string;
      query: string;
      /** Tokens, referred to by index from each connection. */
      tokens: string[];
      connections: ConnectionSpec[];
      /** Connections being opened at once. */
      concurrency: number;
    }
  | { type: "stats"; key: string }
  | { type: "close" };

export type WorkerReply =
  | { type: "opened"; held: number; failed: number; reasons: Record<string, number> }
  | {
      type: "stats";
      key: string;
      count: number;
      lastAt: number;
      changedAt: number;
      /** Deliveries of this change with errors or a cross-subgraph field missing. */
      partial: number;
      /** Subscriptions whose connection closed while held. */
      dropped: number;
      /** Subscriptions the server ended after they were accepted, by error code. */
      ended: Record<string, number>;
    }
  | { type: "closed" };

interface Received {
  count: number;
  lastAt: number;
  changedAt: number;
  partial: number;
}

interface StatusEvent {
  orderId: string;
  sequence: number;
  changedAt: string;
  order?: {
    payment?: { status?: string } | null;
    shipment?: { trackingNumber?: string } | null;
    lines?: { variant?: { product?: { name?: string } | null } | null }[];
  };
}

/** Closes what a connection holds. */
type Closer = () => Promise<void>;

const open = new Set<Closer>();
const received = new Map<string, Received>();
let dropped = 0;
const ended: Record<string, number> = {};
let closing = false;

function send(reply: WorkerReply) {
  process.send?.(reply);
}

/**
 * Whether an event of the cross-subgraph selection came with every subgraph's part (payments,
 * shipping, catalogue); an orders-only event has no `order` and counts as complete.
 */
function complete(event: StatusEvent): boolean {
  const order = event.order;
  if (!order) return true;
  return (
    !!order.payment?.status &&
    !!order.shipment?.trackingNumber &&
    (order.lines ?? []).every((line) => !!line.variant?.product?.name)
  );
}

function record(payload: unknown) {
  const result = payload as { data?: Record<string, StatusEvent | null> | null; errors?: unknown[] };
  const event = result.data ? Object.values(result.data)[0] : undefined;
  if (!event) {
    const code = String(
      (result.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code ?? "no data",
    );
    ended[code] = (ended[code] ?? 0) + 1;
    return;
  }
  const key = `${event.orderId}:${event.sequence}`;
  const now = Date.now();
  const partial = result.errors?.length || !complete(event) ? 1 : 0;
  const entry = received.get(key);
  if (entry) {
    entry.count += 1;
    entry.lastAt = Math.max(entry.lastAt, now);
    entry.partial += partial;
  } else {
    received.set(key, { count: 1, lastAt: now, changedAt: Date.parse(event.changedAt), partial });
  }
}

function endedWith(code: string, subscriptions = 1) {
  ended[code] = (ended[code] ?? 0) + subscriptions;
}

/**
 * A graphql-ws connection: connection_init with the token, then its subscriptions. Resolves once
 * acknowledged (undefined) or with why it failed.
 */
function wsConnection(url: string, token: string, query: string, variables: Record<string, unknown>[]) {
  return new Promise<string | undefined>((resolve) => {
    let settled = false;
    let held = false;
    const settle = (failure?: string) => {
      if (settled) return;
      settled = true;
      resolve(failure);
    };
    const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
    const closer: Closer = () =>
      new Promise<void>((done) => {
        if (socket.readyState === WebSocket.CLOSED) return done();
        socket.once("close", () => done());
        socket.close(1000);
        setTimeout(() => {
          socket.terminate();
          done();
        }, 5_000).unref();
      });
    socket.on("open", () => {
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    });
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === "connection_ack") {
        variables.forEach((v, i) =>
          socket.send(
            JSON.stringify({ id: String(i + 1), type: "subscribe", payload: { query, variables: v } }),
          ),
        );
        held = true;
        open.add(closer);
        settle();
      } else if (message.type === "next") {
        record(message.payload);
      } else if (message.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (message.type === "error") {
        endedWith(String((message.payload as { extensions?: { code?: string } }[])[0]?.extensions?.code));
      } else if (message.type === "complete") {
        endedWith("complete");
      }
    });
    socket.on("error", (error: Error & { code?: string }) => settle(error.code ?? error.message));
    socket.on("close", (code) => {
      open.delete(closer);
      if (held && !closing) dropped += variables.length;
      settle(`closed ${code}`);
    });
  });
}

/**
 * One HTTP streaming subscription (SSE or multipart) on a socket of its own. Resolves once the
 * router answered 200 and started the stream (undefined), or with why it failed.
 */
function httpSubscription(
  transport: "sse" | "multipart",
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  return new Promise<string | undefined>((resolve) => {
    let settled = false;
    let held = false;
    let finished = false;
    const settle = (failure?: string) => {
      if (settled) return;
      settled = true;
      resolve(failure);
    };
    const body = JSON.stringify({ query, variables });
    const request = http.request(url, {
      method: "POST",
      agent: false,
      headers: {
        accept: transport === "sse" ? "text/event-stream" : 'multipart/mixed;subscriptionSpec="1.0"',
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        authorization: `Bearer ${token}`,
      },
    });
    const closer: Closer = () =>
      new Promise<void>((done) => {
        if (finished) return done();
        request.once("close", () => done());
        request.destroy();
      });
    request.on("response", (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return settle(`HTTP ${response.statusCode}`);
      }
      response.setEncoding("utf8");
      held = true;
      open.add(closer);
      settle();
      if (transport === "sse") {
        const parser = new SseParser();
        response.on("data", (chunk: string) => {
          for (const { event, data } of parser.push(chunk)) {
            if (event === "next") record(JSON.parse(data));
            else if (event === "complete") endedWith("complete");
          }
        });
      } else {
        const parser = new MultipartParser(MultipartParser.boundaryOf(response.headers["content-type"]));
        response.on("data", (chunk: string) => {
          for (const part of parser.push(chunk) as { payload?: unknown; errors?: unknown[] }[]) {
            if (part.payload) record(part.payload);
            else if (part.errors) record({ errors: part.errors });
          }
          if (parser.ended) endedWith("complete");
        });
      }
    });
    request.on("error", (error: Error & { code?: string }) => settle(error.code ?? error.message));
    request.on("close", () => {
      finished = true;
      open.delete(closer);
      if (held && !closing) dropped += 1;
      settle("closed");
    });
    request.end(body);
  });
}

async function openAll(command: Extract<WorkerCommand, { type: "open" }>) {
  closing = false;
  received.clear();
  dropped = 0;
  for (const code of Object.keys(ended)) delete ended[code];
  let next = 0;
  let held = 0;
  let failed = 0;
  const reasons: Record<string, number> = {};
  // A bounded number of handshakes at once: the listen backlog and the router's CPU stay sane.
  const lane = async () => {
    while (next < command.connections.length) {
      const connection = command.connections[next++]!;
      const token = command.tokens[connection.token]!;
      const subscriptions = connection.variables.length;
      const failure =
        command.transport === "ws"
          ? await wsConnection(command.url, token, command.query, connection.variables)
          : await httpSubscription(
              command.transport,
              command.url,
              token,
              command.query,
              connection.variables[0]!,
            );
      if (failure === undefined) held += subscriptions;
      else {
        failed += subscriptions;
        reasons[failure] = (reasons[failure] ?? 0) + subscriptions;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(command.concurrency, command.connections.length) }, lane));
  send({ type: "opened", held, failed, reasons });
}

async function closeAll() {
  closing = true;
  const all = [...open];
  open.clear();
  await Promise.all(all.map((close) => close()));
  send({ type: "closed" });
}

process.on("message", (command: WorkerCommand) => {
  if (command.type === "open") void openAll(command);
  else if (command.type === "close") void closeAll();
  else {
    const entry = received.get(command.key);
    send({
      type: "stats",
      key: command.key,
      count: entry?.count ?? 0,
      lastAt: entry?.lastAt ?? 0,
      changedAt: entry?.changedAt ?? 0,
      partial: entry?.partial ?? 0,
      dropped,
      ended,
    });
  }
});
process.on("disconnect", () => process.exit(0));
