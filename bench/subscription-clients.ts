/**
 * A worker process of the subscriptions benchmark: holds a share of the subscribers, each on its
 * own WebSocket, speaking graphql-transport-ws directly (lighter than a full client, so one
 * process can hold thousands), and reports what they received. Driven over IPC by
 * subscriptions.ts.
 */
import WebSocket from "ws";

export type WorkerCommand =
  | { type: "open"; url: string; count: number; token: string; query: string; concurrency: number }
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
      /** Sockets that closed while held. */
      dropped: number;
      /** Subscriptions the server ended after they were accepted, by error code. */
      ended: Record<string, number>;
    }
  | { type: "closed" };

interface Received {
  count: number;
  lastAt: number;
  changedAt: number;
}

interface StatusEvent {
  orderId: string;
  sequence: number;
  changedAt: string;
}

const sockets = new Set<WebSocket>();
const received = new Map<string, Received>();
let dropped = 0;
const ended: Record<string, number> = {};
let closing = false;

function send(reply: WorkerReply) {
  process.send?.(reply);
}

function record(payload: unknown) {
  const data = (payload as { data?: Record<string, StatusEvent | null> | null }).data;
  const event = data ? Object.values(data)[0] : undefined;
  if (!event) return;
  const key = `${event.orderId}:${event.sequence}`;
  const now = Date.now();
  const entry = received.get(key);
  if (entry) {
    entry.count += 1;
    entry.lastAt = Math.max(entry.lastAt, now);
  } else {
    received.set(key, { count: 1, lastAt: now, changedAt: Date.parse(event.changedAt) });
  }
}

/** One subscriber: connection_init with the token, then one subscription. Resolves once acknowledged. */
function subscriber(url: string, token: string, query: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (failure?: string) => {
      if (settled) return;
      settled = true;
      resolve(failure);
    };
    const socket = new WebSocket(url, "graphql-transport-ws");
    socket.on("open", () => {
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    });
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query } }));
        sockets.add(socket);
        settle();
      } else if (message.type === "next") {
        record(message.payload);
      } else if (message.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (message.type === "error" || message.type === "complete") {
        const code =
          message.type === "complete"
            ? "complete"
            : String((message.payload as { extensions?: { code?: string } }[])[0]?.extensions?.code);
        ended[code] = (ended[code] ?? 0) + 1;
      }
    });
    socket.on("error", (error: Error & { code?: string }) => settle(error.code ?? error.message));
    socket.on("close", (code) => {
      if (sockets.delete(socket) && !closing) dropped += 1;
      settle(`closed ${code}`);
    });
  });
}

async function open(command: Extract<WorkerCommand, { type: "open" }>) {
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
    while (next < command.count) {
      next += 1;
      const failure = await subscriber(command.url, command.token, command.query);
      if (failure === undefined) held += 1;
      else {
        failed += 1;
        reasons[failure] = (reasons[failure] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(command.concurrency, command.count) }, lane));
  send({ type: "opened", held, failed, reasons });
}

async function close() {
  closing = true;
  const all = [...sockets];
  sockets.clear();
  await Promise.all(
    all.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once("close", () => resolve());
          socket.close(1000);
          setTimeout(() => {
            socket.terminate();
            resolve();
          }, 5_000).unref();
        }),
    ),
  );
  send({ type: "closed" });
}

process.on("message", (command: WorkerCommand) => {
  if (command.type === "open") void open(command);
  else if (command.type === "close") void close();
  else {
    const entry = received.get(command.key);
    send({
      type: "stats",
      key: command.key,
      count: entry?.count ?? 0,
      lastAt: entry?.lastAt ?? 0,
      changedAt: entry?.changedAt ?? 0,
      dropped,
      ended,
    });
  }
});
process.on("disconnect", () => process.exit(0));
