import type { IncomingMessage } from "node:http";
import type { Logger } from "@storefront/platform/logger";
import {
  CloseCode,
  DEPRECATED_GRAPHQL_WS_PROTOCOL,
  handleProtocols,
  makeServer,
  type ServerOptions,
  type WebSocket as ProtocolSocket,
} from "graphql-ws";
import type { RawData, WebSocket, WebSocketServer } from "ws";
import { ExpiryTimers } from "./transports/expiry";

/** What a connection keeps of its upgrade request: the request itself is let go at once. */
export type Upgrade = {
  apiKey: string | undefined;
  authorization: string | undefined;
  address: string | undefined;
  /** The request's `x-request-id` header, as sent. */
  requestId: string | undefined;
};

/** `ctx.extra` of each connection: its socket, and what it kept of its upgrade until connection_init. */
export type GraphqlWsExtra = {
  socket: WebSocket;
  upgrade: Upgrade | undefined;
};

export interface GraphqlWsServerOptions {
  /** How long a socket may stay open without a connection_init (closed with 4408 then). */
  initTimeoutMs: number;
  /** Ping interval; a socket that has not answered the previous ping by the next is terminated. */
  keepAliveMs: number;
  isProd: boolean;
  log: Logger;
  /** Reads what the connection needs of its upgrade request (headers, the client's address). */
  upgradeOf(request: IncomingMessage): Upgrade;
}

const INTERNAL_ERROR = "Internal server error";

/** A close reason within the WebSocket limit (123 bytes), else the fallback. */
const closeReason = (error: unknown, isProd: boolean) => {
  const message = error instanceof Error ? error.message : String(error);
  return isProd || message.length >= 124 ? INTERNAL_ERROR : message;
};

/**
 * One socket as graphql-ws's protocol server sees it. Its methods live on the prototype, so a
 * socket costs this one object rather than a closure per method.
 */
class Connection implements ProtocolSocket {
  /** graphql-ws's handler of the socket's messages, given by `onMessage`. */
  handle: ((data: string) => Promise<void>) | undefined;
  /** graphql-ws's end of the connection, called once the socket has closed. */
  closed: ((code: number, reason: string) => Promise<void>) | undefined;
  /** A ping is out that the client has not answered yet. */
  awaitingPong = false;
  /** When the socket is closed unless a connection_init came (ms since the epoch). */
  initDeadline: number | undefined;

  constructor(readonly socket: WebSocket) {}

  get protocol(): string {
    return this.socket.protocol;
  }

  send(data: string): Promise<void> {
    const { socket } = this;
    return new Promise((resolve, reject) => {
      if (socket.readyState !== socket.OPEN) return resolve();
      socket.send(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handle: (data: string) => Promise<void>): void {
    this.handle = handle;
  }
}

/**
 * graphql-ws (`graphql-transport-ws`) on a `ws` server, as graphql-ws's own `useServer` does it,
 * save for what each connection costs while it stays: the upgrade request is not kept (only what
 * `upgradeOf` reads of it, until connection_init), the socket's listeners are shared by every
 * socket, one interval pings every socket for keep-alive instead of an interval per socket and a
 * timeout per ping, and the connection_init deadlines wait on one timer (graphql-ws's own is a
 * timeout per socket, which its scope keeps referenced for the connection's life). With thousands
 * of sockets open those are a measurable share of what a subscriber costs the router.
 */
export function serveGraphqlWs<P extends Record<string, unknown>, E extends GraphqlWsExtra>(
  serverOptions: ServerOptions<P, E>,
  wss: WebSocketServer,
  options: GraphqlWsServerOptions,
  extraOf: (socket: WebSocket, upgrade: Upgrade) => E,
) {
  const { isProd, log } = options;
  const connections = new WeakMap<WebSocket, Connection>();
  // What graphql-ws checks at its timeout: whether connection_init came, i.e. onConnect was called.
  const initDeadlines = new ExpiryTimers<Connection>((connection) => {
    connection.initDeadline = undefined;
    connection.close(CloseCode.ConnectionInitialisationTimeout, "Connection initialisation timeout");
  });
  const initReceived = (connection: Connection | undefined) => {
    if (connection?.initDeadline === undefined) return;
    initDeadlines.delete(connection, connection.initDeadline);
    connection.initDeadline = undefined;
  };
  const server = makeServer<P, E>({
    ...serverOptions,
    connectionInitWaitTimeout: 0,
    onConnect: (ctx) => {
      initReceived(connections.get(ctx.extra.socket));
      return serverOptions.onConnect?.(ctx);
    },
  });
  wss.options.handleProtocols = handleProtocols;

  wss.once("error", (error) => {
    log.error({ err: error }, "WebSocket server error");
    for (const client of wss.clients) client.close(CloseCode.InternalServerError, closeReason(error, isProd));
  });

  // Shared by every socket: each is called with the socket as `this`.
  function onMessage(this: WebSocket, data: RawData) {
    const handle = connections.get(this)?.handle;
    // The default binary type: every message is one Buffer.
    if (handle) void handled(this, handle, (data as Buffer).toString());
  }
  async function handled(socket: WebSocket, handle: (data: string) => Promise<void>, data: string) {
    try {
      await handle(data);
    } catch (error) {
      log.error({ err: error }, "graphql-ws message handling failed");
      socket.close(CloseCode.InternalServerError, closeReason(error, isProd));
    }
  }
  function onPong(this: WebSocket) {
    const connection = connections.get(this);
    if (connection) connection.awaitingPong = false;
  }
  function onClose(this: WebSocket, code: number, reason: Buffer) {
    const connection = connections.get(this);
    connections.delete(this);
    initReceived(connection);
    if (
      !isProd &&
      code === Number(CloseCode.SubprotocolNotAcceptable) &&
      this.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL
    )
      log.warn(
        'A client asked for the deprecated subprotocol "graphql-ws" of subscriptions-transport-ws; only graphql-transport-ws is served.',
      );
    void connection?.closed?.(code, String(reason));
  }
  // A socket error (a message over maxPayload, a malformed frame) is the client's fault and ws
  // closes the socket itself (1009, 1002).
  function onError(error: Error) {
    log.debug({ err: error }, "client WebSocket error");
  }

  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    const connection = new Connection(socket);
    connections.set(socket, connection);
    socket.on("error", onError);
    socket.on("message", onMessage);
    socket.on("pong", onPong);
    socket.once("close", onClose);
    if (options.initTimeoutMs > 0 && Number.isFinite(options.initTimeoutMs)) {
      connection.initDeadline = Date.now() + options.initTimeoutMs;
      initDeadlines.add(connection, connection.initDeadline);
    }
    connection.closed = server.opened(connection, extraOf(socket, options.upgradeOf(request)));
  });

  // Keep-alive: every socket is pinged on each tick; one that did not answer the last ping is gone.
  const keepAlive =
    options.keepAliveMs > 0 && Number.isFinite(options.keepAliveMs)
      ? setInterval(() => {
          for (const socket of wss.clients) {
            const connection = connections.get(socket);
            if (!connection || socket.readyState !== socket.OPEN) continue;
            if (connection.awaitingPong) {
              socket.terminate();
              continue;
            }
            connection.awaitingPong = true;
            socket.ping();
          }
        }, options.keepAliveMs)
      : undefined;
  keepAlive?.unref();

  return {
    /** Closes every socket (1001 going away) and the server. */
    async dispose(): Promise<void> {
      clearInterval(keepAlive);
      for (const client of wss.clients) client.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
